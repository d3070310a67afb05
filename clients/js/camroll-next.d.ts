// Types of camroll/next: expo-media-library's object API (Asset, Album, Query) against a Camroll server.

import type { AssetInfo, Location, MediaLibraryAssetsChangeEvent, PermissionResponse, Subscription } from './camroll.js';

export {
  CamrollError,
  configure,
  addListener,
  removeAllListeners,
  getPermissionsAsync,
  requestPermissionsAsync,
} from './camroll.js';
export declare function presentPermissionsPicker(
  mediaTypes?: ('photo' | 'video' | 'audio')[],
  options?: import('./camroll.js').PermissionRequestOptions,
): Promise<void>;

export declare const MediaType: {
  readonly UNKNOWN: 'unknown';
  readonly IMAGE: 'image';
  readonly AUDIO: 'audio';
  readonly VIDEO: 'video';
};
export type MediaType = (typeof MediaType)[keyof typeof MediaType];

export declare const AssetField: {
  readonly CREATION_TIME: 'creationTime';
  readonly MODIFICATION_TIME: 'modificationTime';
  readonly MEDIA_TYPE: 'mediaType';
  readonly WIDTH: 'width';
  readonly HEIGHT: 'height';
  readonly DURATION: 'duration';
  /** Not filtered by the server: use the Favorites smart album. */
  readonly IS_FAVORITE: 'isFavorite';
};
export type AssetField = (typeof AssetField)[keyof typeof AssetField];

/** Epoch milliseconds for times, pixels, milliseconds for duration, MediaType for mediaType. */
export type AssetFieldValueMap = {
  creationTime: number;
  modificationTime: number;
  mediaType: MediaType;
  width: number;
  height: number;
  duration: number;
  isFavorite: boolean;
};

export type SortDescriptor = { key: AssetField; ascending?: boolean };
export type Shape = { width: number; height: number };

export type AssetMetadata = {
  id: string;
  filename: string;
  uri: string;
  mediaType: MediaType;
  width: number;
  height: number;
  creationTime: number;
  modificationTime: number;
  /** Seconds, as the listing has it. */
  duration: number;
  albumId?: string;
};

export declare class Asset {
  constructor(id: string);
  id: string;
  getCreationTime(): Promise<number | null>;
  /** Milliseconds; null for a photo. */
  getDuration(): Promise<number | null>;
  getFilename(): Promise<string>;
  getHeight(): Promise<number>;
  getWidth(): Promise<number>;
  getShape(): Promise<Shape | null>;
  getMediaType(): Promise<MediaType>;
  getMediaSubtypes(): Promise<string[]>;
  getModificationTime(): Promise<number | null>;
  /** The server's signed URL of the original. */
  getUri(): Promise<string>;
  getInfo(): Promise<AssetInfo>;
  getAlbums(): Promise<Album[]>;
  getLocation(): Promise<Location | null>;
  getExif(): Promise<{ [key: string]: any }>;
  getFavorite(): Promise<boolean>;
  setFavorite(isFavorite: boolean): Promise<void>;
  getIsInCloud(): Promise<boolean>;
  getOrientation(): Promise<number | null>;
  getLivePhotoVideoUri(): Promise<string | null>;
  delete(): Promise<void>;
  /** A path or file:// URI in Node; a File, Blob or URL in browsers. */
  static create(filePath: string | URL | Blob, album?: Album | string): Promise<Asset>;
  static delete(assets: (Asset | string)[]): Promise<void>;
}

export declare class Album {
  constructor(id: string);
  id: string;
  getAssets(): Promise<Asset[]>;
  getTitle(): Promise<string>;
  delete(): Promise<void>;
  /** Moves the assets into this album (their ids stay). */
  add(assets: Asset | Asset[]): Promise<void>;
  removeAssets(assets: Asset[]): Promise<void>;
  /** With at least one asset (moved, or copied with moveAssets false) or file to upload. */
  static create(name: string, assetsRefs: (string | URL | Blob)[] | Asset[], moveAssets?: boolean): Promise<Album>;
  static delete(albums: Album[], deleteAssets?: boolean): Promise<void>;
  static get(title: string): Promise<Album | null>;
  static getAll(): Promise<Album[]>;
}

export declare class Query {
  constructor();
  eq<T extends AssetField>(field: T, value: AssetFieldValueMap[T]): Query;
  within<T extends AssetField>(field: T, value: AssetFieldValueMap[T][]): Query;
  /** The name of within in earlier versions of expo's object API. */
  in_<T extends AssetField>(field: T, value: AssetFieldValueMap[T][]): Query;
  gt(field: AssetField, value: number): Query;
  gte(field: AssetField, value: number): Query;
  lt(field: AssetField, value: number): Query;
  lte(field: AssetField, value: number): Query;
  limit(limit: number): Query;
  offset(offset: number): Query;
  /** An AssetField sorts ascending; each call adds a key after the earlier ones. */
  orderBy(sortDescriptors: SortDescriptor | AssetField): Query;
  album(album: Album | string): Query;
  exe(): Promise<Asset[]>;
  exeForMetadata(): Promise<AssetMetadata[]>;
}

export type { MediaLibraryAssetsChangeEvent, PermissionResponse, Subscription };
