// Types of the camroll module: expo-media-library's functions against a Camroll server.

export type MediaTypeValue = 'audio' | 'photo' | 'video' | 'unknown';
export type SortByKey = 'default' | 'mediaType' | 'width' | 'height' | 'creationTime' | 'modificationTime' | 'duration';
export type SortByValue = [SortByKey, boolean] | SortByKey;
export type MediaSubtype =
  | 'burst'
  | 'depthEffect'
  | 'hdr'
  | 'highFrameRate'
  | 'livePhoto'
  | 'motionPhoto'
  | 'panorama'
  | 'raw'
  | 'screenshot'
  | 'screenRecording'
  | 'selfie'
  | 'animated'
  | 'stream'
  | 'timelapse'
  | 'spatialMedia'
  | 'videoCinematic';
export type GranularPermission = 'audio' | 'photo' | 'video';
export type AlbumType = 'album' | 'moment' | 'smartAlbum';

export declare const MediaType: {
  readonly audio: 'audio';
  readonly photo: 'photo';
  readonly video: 'video';
  readonly unknown: 'unknown';
};
export declare const SortBy: { readonly [K in SortByKey]: K };
export declare const MediaSubtype: { readonly [K in MediaSubtype]: K };
export declare const PermissionStatus: {
  readonly GRANTED: 'granted';
  readonly UNDETERMINED: 'undetermined';
  readonly DENIED: 'denied';
};

export type Asset = {
  id: string;
  filename: string;
  /** The server's signed URL of the original: an <img> or <video> loads it without the token. */
  uri: string;
  mediaType: MediaTypeValue;
  mediaSubtypes?: MediaSubtype[];
  width: number;
  height: number;
  /** Epoch milliseconds. */
  creationTime: number;
  modificationTime: number;
  /** Seconds (video and audio), 0 for photos. */
  duration: number;
  albumId?: string;
};

export type Location = { latitude: number; longitude: number };

export type AssetInfo = Asset & {
  localUri?: string;
  location?: Location;
  exif?: { [key: string]: any };
  isFavorite?: boolean;
  isNetworkAsset?: boolean;
  orientation?: number;
  mimeType?: string;
  fileSize?: number;
  cameraMake?: string;
  cameraModel?: string;
  /** The tags of a sound (ID3, Vorbis comments, MP4); null for photos and videos. */
  audioTags?: AudioTags | null;
  /** The burst a shot belongs to (Apple's burst identifier, the same in every shot of it); null for others. */
  burstId?: string | null;
  /** The signed URL of a Live Photo's video (its MOV), playable in a <video>; null for other assets. */
  pairedVideoUri?: string | null;
};

/** What a sound's tags say, each field null when its file does not say. */
export type AudioTags = {
  title: string | null;
  artist: string | null;
  album: string | null;
  /** The track's number on its album ("3" of "3/12"). */
  track: number | null;
  /** The year of its date tag. */
  year: number | null;
  genre: string | null;
};

export type Album = {
  id: string;
  title: string;
  assetCount: number;
  type?: AlbumType;
  startTime?: number;
  endTime?: number;
  approximateLocation?: Location;
  locationNames?: string[];
};

export type AssetRef = Asset | string;
export type AlbumRef = Album | string;

export type AssetsOptions = {
  /** Page size. @default 20 */
  first?: number;
  /** The previous page's endCursor, or an asset (or its id) to start after. */
  after?: AssetRef;
  album?: AlbumRef;
  /** A key (descending), `[key, ascending]`, or a list of them; earlier keys first. */
  sortBy?: SortByValue[] | SortByValue;
  /** @default MediaType.photo */
  mediaType?: MediaTypeValue[] | MediaTypeValue;
  createdAfter?: Date | number;
  createdBefore?: Date | number;
};

export type PagedInfo<T> = {
  assets: T[];
  endCursor: string;
  hasNextPage: boolean;
  totalCount: number;
};

export type AlbumsOptions = { includeSmartAlbums?: boolean };

export type MediaLibraryAssetInfoQueryOptions = { shouldDownloadFromNetwork?: boolean };

export type MediaLibraryAssetsChangeEvent = {
  /** false: too much changed to describe; read the library again. */
  hasIncrementalChanges: boolean;
  insertedAssets?: Asset[];
  /** Deleted assets are gone: each is `{ id }`. */
  deletedAssets?: Pick<Asset, 'id'>[];
  updatedAssets?: Asset[];
};

export type PermissionResponse = {
  status: 'granted' | 'undetermined' | 'denied';
  granted: boolean;
  canAskAgain: boolean;
  expires: 'never' | number;
  accessPrivileges?: 'all' | 'limited' | 'none';
  /** The media types granted (Android 13's granular permissions). */
  granularPermissions?: GranularPermission[];
  /** Add-only access: create and save, and read only what the app created. */
  writeOnly?: boolean;
  /** Whether the app is served locations (without it, none is in any field or byte). */
  location?: boolean;
};

/** Where a request for the owner's consent sends its page's URL, for the app to open it. */
export type ConsentUrlHandler = (consentUrl: string) => void | Promise<void>;

export type PermissionRequestOptions = {
  /** Given the consent page's URL when the owner must answer; default: configure's. */
  onConsentUrl?: ConsentUrlHandler;
};

export type Subscription = { remove(): void };

/**
 * What createAssetAsync uploads: a File, Blob or URL (http, https, blob, data) anywhere; in Node
 * also a path or a file:// URI (streamed from the disk).
 */
export type LocalSource = string | URL | Blob;

/** An Error of the library: `code` is the server's (invalid_argument, not_found, not_media, ...). */
export declare class CamrollError extends Error {
  readonly code: string;
  readonly details: { parameter?: string; ids?: string[]; [key: string]: unknown };
}

export type CamrollOptions = {
  /** The server's root, such as http://127.0.0.1:8420/. Default: where the module was loaded from. */
  url?: string | URL;
  /** The owner's token, sent as a bearer token. */
  token?: string | null;
  /** For a page of the server signed in with a session instead of a token. */
  csrfToken?: string | null;
  /** Given the consent page's URL whenever a permission request waits for the owner. */
  onConsentUrl?: ConsentUrlHandler | null;
};

export declare function configure(options: CamrollOptions): void;
/** Resolves once the event stream of the listeners is open. */
export declare function whenListening(): Promise<void>;

export declare function isAvailableAsync(): Promise<boolean>;
export declare function getPermissionsAsync(
  writeOnly?: boolean,
  granularPermissions?: GranularPermission[],
): Promise<PermissionResponse>;
/** Resolves once the owner has answered on the consent page (at once when there is nothing to ask). */
export declare function requestPermissionsAsync(
  writeOnly?: boolean,
  granularPermissions?: GranularPermission[],
  options?: PermissionRequestOptions,
): Promise<PermissionResponse>;
/** Resolves once the owner has made a new selection; at once for an app that sees everything. */
export declare function presentPermissionsPickerAsync(
  mediaTypes?: ('photo' | 'video' | 'audio')[],
  options?: PermissionRequestOptions,
): Promise<void>;

export declare function getAssetsAsync(assetsOptions?: AssetsOptions): Promise<PagedInfo<Asset>>;
/** null for an id the library does not have. */
export declare function getAssetInfoAsync(
  asset: AssetRef,
  options?: MediaLibraryAssetInfoQueryOptions,
): Promise<AssetInfo | null>;
export declare function createAssetAsync(localUri: LocalSource, album?: AlbumRef): Promise<Asset>;
export declare function saveToLibraryAsync(localUri: LocalSource): Promise<void>;
export declare function deleteAssetsAsync(assets: AssetRef[] | AssetRef): Promise<boolean>;
export declare function setAssetFavoriteAsync(asset: AssetRef, isFavorite: boolean): Promise<void>;

export declare function getAlbumsAsync(options?: AlbumsOptions): Promise<Album[]>;
/** null when no album has this title. */
export declare function getAlbumAsync(title: string): Promise<Album | null>;
export declare function createAlbumAsync(
  albumName: string,
  asset?: AssetRef,
  copyAsset?: boolean,
  initialAssetLocalUri?: LocalSource,
): Promise<Album>;
export declare function deleteAlbumsAsync(albums: AlbumRef[] | AlbumRef, assetRemove?: boolean): Promise<boolean>;
export declare function addAssetsToAlbumAsync(
  assets: AssetRef[] | AssetRef,
  album: AlbumRef,
  copy?: boolean,
): Promise<boolean>;
export declare function removeAssetsFromAlbumAsync(assets: AssetRef[] | AssetRef, album: AlbumRef): Promise<boolean>;
export declare function albumNeedsMigrationAsync(album: AlbumRef): Promise<boolean>;
export declare function migrateAlbumIfNeededAsync(album: AlbumRef): Promise<void>;
export declare function getMomentsAsync(): Promise<Album[]>;

export declare function addListener(listener: (event: MediaLibraryAssetsChangeEvent) => void): Subscription;
export declare function removeSubscription(subscription: Subscription): void;
export declare function removeAllListeners(): void;

