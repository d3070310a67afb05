// expo-media-library's object API (its `next` entry point: Asset, Album, Query) against a Camroll
// server, on the same transport as the classic functions. Times are epoch milliseconds, durations
// milliseconds (as expo's object API has them; the server counts seconds), media types expo's
// object names (`image` for the server's `photo`).

import {
  addListener,
  getAssetInfoAsync,
  getPermissionsAsync,
  presentPermissionsPickerAsync,
  removeAllListeners,
  requestPermissionsAsync,
} from './camroll.js';
import { AssetField, AssetQuery, MediaType, expoMediaType, idOf, listOf } from './camroll-query.js';
import { CamrollError, configure, invalidArgument, request } from './camroll-transport.js';
import { upload } from './camroll-upload.js';

export { CamrollError, addListener, configure, getPermissionsAsync, removeAllListeners, requestPermissionsAsync };
export const presentPermissionsPicker = presentPermissionsPickerAsync;
export { AssetField, MediaType };


/** An Asset of a listing: its fields are known, until it changes through this object. */
let assetOfRecord;

/** One asset of the library, named by its id; its getters read the server. */
export class Asset {
  #record = null;

  static {
    assetOfRecord = (record) => {
      const asset = new Asset(record.id);
      asset.#record = record;
      return asset;
    };
  }

  constructor(id) {
    this.id = idOf(id, 'asset');
  }

  async #read() {
    if (this.#record === null) {
      const info = await getAssetInfoAsync(this.id);
      if (info === null) {
        throw new CamrollError('not_found', `no asset ${this.id}`, { kind: 'asset', ids: [this.id] });
      }
      this.#record = info;
    }
    return this.#record;
  }

  async #info() {
    const info = await getAssetInfoAsync(this.id);
    if (info === null) {
      throw new CamrollError('not_found', `no asset ${this.id}`, { kind: 'asset', ids: [this.id] });
    }
    this.#record = info;
    return info;
  }

  async getCreationTime() {
    return (await this.#read()).creationTime ?? null;
  }

  /** Milliseconds, null for a photo. */
  async getDuration() {
    const record = await this.#read();
    return record.mediaType === 'video' || record.mediaType === 'audio' ? Math.round(record.duration * 1000) : null;
  }

  async getFilename() {
    return (await this.#read()).filename;
  }

  async getHeight() {
    return (await this.#read()).height;
  }

  async getWidth() {
    return (await this.#read()).width;
  }

  async getShape() {
    const { width, height } = await this.#read();
    return width > 0 && height > 0 ? { width, height } : null;
  }

  async getMediaType() {
    return expoMediaType((await this.#read()).mediaType);
  }

  async getMediaSubtypes() {
    return (await this.#read()).mediaSubtypes ?? [];
  }

  async getModificationTime() {
    return (await this.#read()).modificationTime ?? null;
  }

  /** The server's signed URL of the original, which <img> and <video> load. */
  async getUri() {
    return (await this.#read()).uri;
  }

  async getInfo() {
    return this.#info();
  }

  async getAlbums() {
    const { albumId } = await this.#read();
    return albumId ? [new Album(albumId)] : [];
  }

  async getLocation() {
    return (await this.#info()).location ?? null;
  }

  async getExif() {
    return (await this.#info()).exif ?? {};
  }

  async getFavorite() {
    return !!(await this.#info()).isFavorite;
  }

  async setFavorite(isFavorite) {
    if (typeof isFavorite !== 'boolean') {
      throw invalidArgument('isFavorite', 'isFavorite must be a boolean');
    }
    await request('PUT', `assets/${encodeURIComponent(this.id)}/favorite`, { json: { favorite: isFavorite } });
    this.#record = null;
  }

  async getIsInCloud() {
    await this.#read();
    return false;
  }

  async getOrientation() {
    return (await this.#info()).orientation ?? null;
  }

  async getLivePhotoVideoUri() {
    await this.#read();
    return null;
  }

  /** To the server's trash. */
  async delete() {
    await Asset.delete([this]);
    this.#record = null;
  }

  /** A new asset from a file (a path or file:// URI in Node; a File, Blob or URL in browsers). */
  static async create(filePath, album) {
    const albumId = album === undefined || album === null ? undefined : idOf(album, 'album');
    const record = await upload('assets', { album: albumId }, filePath, 'filePath');
    return assetOfRecord(record);
  }

  static async delete(assets) {
    const ids = listOf(assets, 'asset');
    if (ids.length === 0) {
      throw invalidArgument('assets', 'no assets to delete');
    }
    await request('POST', 'assets/delete', { json: { ids } });
  }
}

/** One album (a folder of the library), named by its id. */
export class Album {
  constructor(id) {
    this.id = idOf(id, 'album');
  }

  async #record() {
    const albums = await request('GET', 'albums', { query: { includeSmartAlbums: true } });
    const album = albums.find((candidate) => candidate.id === this.id);
    if (album === undefined) {
      throw new CamrollError('not_found', `no album ${this.id}`, { kind: 'album', ids: [this.id] });
    }
    return album;
  }

  async getTitle() {
    return (await this.#record()).title;
  }

  async getAssets() {
    return new Query().album(this).exe();
  }

  async delete() {
    await Album.delete([this]);
  }

  /** Moves the assets into this album (an asset lives in one album; the ids stay). */
  async add(assets) {
    const assetIds = listOf(assets, 'asset');
    await request('POST', `albums/${encodeURIComponent(this.id)}/assets`, { json: { assetIds, copy: false } });
  }

  async removeAssets(assets) {
    const assetIds = listOf(assets, 'asset');
    await request('POST', `albums/${encodeURIComponent(this.id)}/assets/remove`, { json: { assetIds } });
  }

  /**
   * A new album with these assets (moved, or copied with moveAssets false) or files (paths or
   * file:// URIs, uploaded); it needs at least one, since an album is a folder of assets.
   */
  static async create(name, assetsRefs, moveAssets = true) {
    if (typeof name !== 'string' || name.length === 0) {
      throw invalidArgument('name', 'the album needs a name');
    }
    if (!Array.isArray(assetsRefs) || assetsRefs.length === 0) {
      throw invalidArgument('assetsRefs', 'an album is made with at least one asset or file');
    }
    const isFile = (ref) => !(ref instanceof Asset) && !(typeof ref === 'object' && typeof ref?.id === 'string');
    const [first, ...rest] = assetsRefs;
    let record;
    if (isFile(first)) {
      record = await upload('albums/upload', { name }, first, 'assetsRefs');
    } else {
      record = await request('POST', 'albums', { json: { name, assetId: first.id, copy: !moveAssets } });
    }
    const album = new Album(record.id);
    for (const ref of rest) {
      if (isFile(ref)) {
        await Asset.create(ref, album);
      } else {
        await request('POST', `albums/${encodeURIComponent(album.id)}/assets`, {
          json: { assetIds: [ref.id], copy: !moveAssets },
        });
      }
    }
    return album;
  }

  /** Deletes albums: their assets go to the default album, or to the trash with deleteAssets. */
  static async delete(albums, deleteAssets = false) {
    const albumIds = listOf(albums, 'album');
    await request('POST', 'albums/delete', { json: { albumIds, assetRemove: !!deleteAssets } });
  }

  static async get(title) {
    if (typeof title !== 'string') {
      throw invalidArgument('title', 'Album title must be a string!');
    }
    try {
      return new Album((await request('GET', 'albums/by-title', { query: { title } })).id);
    } catch (e) {
      if (e.code === 'not_found') {
        return null;
      }
      throw e;
    }
  }

  static async getAll() {
    return (await request('GET', 'albums')).map((album) => new Album(album.id));
  }
}

/** A query of assets (filters on AssetFields, album, orderBy, limit, offset) whose exe() gives Assets. */
export class Query extends AssetQuery {
  /** The matching assets, every one of them unless limit says otherwise. */
  async exe() {
    return (await this.exeForMetadata()).map((record) => assetOfRecord(record));
  }
}
