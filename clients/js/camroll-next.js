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
import { assetOf } from './camroll-events.js';
import { CamrollError, configure, invalidArgument, request } from './camroll-transport.js';
import { upload } from './camroll-upload.js';

export { CamrollError, addListener, configure, getPermissionsAsync, removeAllListeners, requestPermissionsAsync };
export const presentPermissionsPicker = presentPermissionsPickerAsync;

export const MediaType = Object.freeze({ UNKNOWN: 'unknown', IMAGE: 'image', AUDIO: 'audio', VIDEO: 'video' });

export const AssetField = Object.freeze({
  CREATION_TIME: 'creationTime',
  MODIFICATION_TIME: 'modificationTime',
  MEDIA_TYPE: 'mediaType',
  WIDTH: 'width',
  HEIGHT: 'height',
  DURATION: 'duration',
  IS_FAVORITE: 'isFavorite',
});

/** The most assets one request asks for (the server's largest page). */
const PAGE = 10_000;
const ALL_MEDIA = 'photo,video,audio';

const wireMediaType = (type) => (type === MediaType.IMAGE ? 'photo' : type);
const expoMediaType = (type) => (type === 'photo' ? MediaType.IMAGE : type);

function idOf(ref, what) {
  const id = typeof ref === 'string' ? ref : ref?.id;
  if (typeof id !== 'string' || id.length === 0) {
    throw invalidArgument(what, `${what} must be an ${what === 'album' ? 'Album' : 'Asset'} or its id`);
  }
  return id;
}

const listOf = (refs, what) => (Array.isArray(refs) ? refs : [refs]).map((ref) => idOf(ref, what));

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

const NUMERIC_FIELDS = ['creationTime', 'modificationTime', 'width', 'height', 'duration'];

/** A query of assets, built by chaining: filters on fields, an album, order, limit and offset. */
export class Query {
  #filters = new Map();
  #album = null;
  #order = [];
  #limit = null;
  #offset = 0;

  eq(field, value) {
    return this.#filter(field, 'eq', [value]);
  }

  within(field, values) {
    if (!Array.isArray(values) || values.length === 0) {
      throw invalidArgument(field, `within(${field}) takes a non-empty array`);
    }
    return this.#filter(field, 'in', values);
  }

  /** The name of `within` in earlier versions of expo's object API. */
  in_(field, values) {
    return this.within(field, values);
  }

  gt(field, value) {
    return this.#filter(field, 'gt', [value]);
  }

  gte(field, value) {
    return this.#filter(field, 'gte', [value]);
  }

  lt(field, value) {
    return this.#filter(field, 'lt', [value]);
  }

  lte(field, value) {
    return this.#filter(field, 'lte', [value]);
  }

  limit(limit) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw invalidArgument('limit', 'limit must be a whole number >= 0');
    }
    this.#limit = limit;
    return this;
  }

  offset(offset) {
    if (!Number.isInteger(offset) || offset < 0) {
      throw invalidArgument('offset', 'offset must be a whole number >= 0');
    }
    this.#offset = offset;
    return this;
  }

  /** A field (ascending) or `{ key, ascending }`; each call adds a key after the earlier ones. */
  orderBy(sortDescriptor) {
    const { key, ascending = true } = typeof sortDescriptor === 'string' ? { key: sortDescriptor } : sortDescriptor ?? {};
    if (![...NUMERIC_FIELDS, 'mediaType'].includes(key)) {
      throw invalidArgument('orderBy', `cannot order by ${key}`);
    }
    if (typeof ascending !== 'boolean') {
      throw invalidArgument('orderBy', 'ascending must be a boolean');
    }
    this.#order.push(`${key}:${ascending ? 'asc' : 'desc'}`);
    return this;
  }

  album(album) {
    this.#album = idOf(album, 'album');
    return this;
  }

  #filter(field, op, values) {
    if (field === AssetField.IS_FAVORITE) {
      throw invalidArgument('isFavorite', 'the server filters favorites through the Favorites smart album: use album()');
    }
    if (field === AssetField.MEDIA_TYPE) {
      if (op !== 'eq' && op !== 'in') {
        throw invalidArgument('mediaType', 'mediaType takes only eq and within');
      }
      for (const value of values) {
        if (!Object.values(MediaType).includes(value)) {
          throw invalidArgument('mediaType', `Invalid mediaType: ${value}`);
        }
      }
      values = values.map(wireMediaType);
    } else if (NUMERIC_FIELDS.includes(field)) {
      for (const value of values) {
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw invalidArgument(field, `${field} is compared with numbers, got ${value}`);
        }
      }
      if (field === 'duration') {
        values = values.map((millis) => millis / 1000);
      }
    } else {
      throw invalidArgument('field', `not a field of AssetField: ${field}`);
    }
    const name = `${field}.${op}`;
    if (this.#filters.has(name)) {
      throw invalidArgument(name, `${name} is given twice`);
    }
    this.#filters.set(name, values.join(','));
    return this;
  }

  #parameters() {
    const query = Object.fromEntries(this.#filters);
    if (!this.#filters.has('mediaType.eq') && !this.#filters.has('mediaType.in')) {
      query.mediaType = ALL_MEDIA;
    }
    if (this.#album !== null) {
      query.album = this.#album;
    }
    if (this.#order.length > 0) {
      query.sortBy = this.#order.join(',');
    }
    return query;
  }

  /** The matching assets, every one of them unless limit says otherwise. */
  async exe() {
    return (await this.#records()).map((record) => assetOfRecord(record));
  }

  /** The same, as plain records (what a listing knows of each asset, with expo's media types). */
  async exeForMetadata() {
    return (await this.#records()).map((record) => ({ ...assetOf(record), mediaType: expoMediaType(record.mediaType) }));
  }

  async #records() {
    const query = this.#parameters();
    const records = [];
    let after = null;
    for (;;) {
      const wanted = this.#limit === null ? PAGE : Math.min(PAGE, this.#limit - records.length);
      if (wanted <= 0) {
        return records;
      }
      const paging = after === null ? (this.#offset > 0 ? { offset: this.#offset } : {}) : { after };
      const page = await request('GET', 'assets', { query: { ...query, ...paging, first: wanted } });
      records.push(...page.assets);
      if (!page.hasNextPage || page.assets.length === 0) {
        return records;
      }
      after = page.endCursor;
    }
  }
}
