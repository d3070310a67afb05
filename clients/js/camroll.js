// expo-media-library's functions against a Camroll server, for web pages and Node 20+: the same
// names, argument shapes, defaults and results, over the server's HTTP API. An asset's `uri` is the
// server's signed URL of its original, which an <img> or <video> loads as it is.

import { subscribe, unsubscribeAll, whenListening } from './camroll-events.js';
import { CamrollError, configure, invalidArgument, isConfigured, request, send, apiUrl, authHeaders } from './camroll-transport.js';
import { upload } from './camroll-upload.js';
import { getPermissionsAsync, presentPermissionsPickerAsync, requestPermissionsAsync } from './camroll-permissions.js';

export { CamrollError, configure, getPermissionsAsync, presentPermissionsPickerAsync, requestPermissionsAsync, whenListening };

/** The media types of assets. */
export const MediaType = Object.freeze({ audio: 'audio', photo: 'photo', video: 'video', unknown: 'unknown' });

/** The keys getAssetsAsync sorts by. */
export const SortBy = Object.freeze({
  default: 'default',
  mediaType: 'mediaType',
  width: 'width',
  height: 'height',
  creationTime: 'creationTime',
  modificationTime: 'modificationTime',
  duration: 'duration',
});

/**
 * The variations of assets (expo's names, with motionPhoto for Android's, raw for camera raw
 * files, screenRecording as iOS's PHAssetMediaSubtype names it, and selfie and animated for the
 * smart albums of those names; Camroll finds all but stream, spatialMedia and videoCinematic).
 */
export const MediaSubtype = Object.freeze({
  burst: 'burst',
  depthEffect: 'depthEffect',
  hdr: 'hdr',
  highFrameRate: 'highFrameRate',
  livePhoto: 'livePhoto',
  motionPhoto: 'motionPhoto',
  panorama: 'panorama',
  raw: 'raw',
  screenshot: 'screenshot',
  screenRecording: 'screenRecording',
  selfie: 'selfie',
  animated: 'animated',
  stream: 'stream',
  timelapse: 'timelapse',
  spatialMedia: 'spatialMedia',
  videoCinematic: 'videoCinematic',
});

export const PermissionStatus = Object.freeze({ GRANTED: 'granted', UNDETERMINED: 'undetermined', DENIED: 'denied' });

/** Whether a server is configured and answers. */
export async function isAvailableAsync() {
  if (!isConfigured()) {
    return false;
  }
  try {
    // Any answer will do, a refused token's too: the server is there.
    await send(apiUrl('changes/token'), { headers: authHeaders() });
    return true;
  } catch {
    return false;
  }
}

function arrayize(item) {
  if (Array.isArray(item)) {
    return item;
  }
  return item ? [item] : [];
}

function getId(ref) {
  if (typeof ref === 'string') {
    return ref;
  }
  return ref ? ref.id : undefined;
}

function checkIds(ids, kind) {
  if (ids.length === 0 || ids.some((id) => !id || typeof id !== 'string')) {
    throw invalidArgument(kind === 'asset' ? 'assets' : 'albums', `${kind === 'asset' ? 'Asset' : 'Album'} ID must be a string!`);
  }
  return ids;
}

function assetIdsOf(assets) {
  return checkIds(arrayize(assets).map(getId), 'asset');
}

function albumIdOf(album) {
  const id = getId(album);
  if (!id || typeof id !== 'string') {
    throw invalidArgument('album', 'Invalid album ID. It must be a string!');
  }
  return id;
}

const path = (template, id) => template.replace('{id}', encodeURIComponent(id));

/** Creates an asset from a file: a File, Blob or URL in browsers; a path or file:// URI in Node. */
export async function createAssetAsync(localUri, album) {
  const albumId = album === undefined || album === null ? undefined : albumIdOf(album);
  return upload('assets', { album: albumId }, localUri, 'localUri');
}

/** As createAssetAsync, without the asset. */
export async function saveToLibraryAsync(localUri) {
  await createAssetAsync(localUri);
}

/** Moves assets to the server's trash (restorable there for 30 days). */
export async function deleteAssetsAsync(assets) {
  await request('POST', 'assets/delete', { json: { ids: assetIdsOf(assets) } });
  return true;
}

/** An asset with its details (location, EXIF, favorite), or null for an id the library lacks. */
export async function getAssetInfoAsync(asset, options = { shouldDownloadFromNetwork: true }) {
  const [id] = assetIdsOf([getId(asset)]);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw invalidArgument('options', 'options must be an object');
  }
  try {
    return await request('GET', path('assets/{id}', id));
  } catch (e) {
    if (e.code === 'not_found') {
      return null;
    }
    throw e;
  }
}

/** Marks or unmarks an asset as a favorite (iOS's isFavorite). */
export async function setAssetFavoriteAsync(asset, isFavorite) {
  const [id] = assetIdsOf([getId(asset)]);
  if (typeof isFavorite !== 'boolean') {
    throw invalidArgument('isFavorite', 'isFavorite must be a boolean');
  }
  await request('PUT', path('assets/{id}/favorite', id), { json: { favorite: isFavorite } });
}

/** The albums, with the smart albums (Favorites, Recents, Videos, ...) if asked. */
export async function getAlbumsAsync({ includeSmartAlbums = false } = {}) {
  if (typeof includeSmartAlbums !== 'boolean') {
    throw invalidArgument('includeSmartAlbums', 'includeSmartAlbums must be a boolean');
  }
  return request('GET', 'albums', { query: { includeSmartAlbums } });
}

/** The album with this title, or null. */
export async function getAlbumAsync(title) {
  if (typeof title !== 'string') {
    throw invalidArgument('title', 'Album title must be a string!');
  }
  try {
    return await request('GET', 'albums/by-title', { query: { title } });
  } catch (e) {
    if (e.code === 'not_found') {
      return null;
    }
    throw e;
  }
}

/**
 * Creates an album (a folder) with a first asset: copied (or moved, copyAsset false) from the
 * library, or uploaded from initialAssetLocalUri (a file as createAssetAsync takes it).
 */
export async function createAlbumAsync(albumName, asset, copyAsset = true, initialAssetLocalUri) {
  if (!albumName || typeof albumName !== 'string') {
    throw invalidArgument('albumName', 'Invalid argument "albumName". It must be a string!');
  }
  const assetId = getId(asset);
  if (assetId != null && (typeof assetId !== 'string' || assetId.length === 0)) {
    throw invalidArgument('asset', 'Asset ID must be a string!');
  }
  if (assetId == null && initialAssetLocalUri != null) {
    return upload('albums/upload', { name: albumName }, initialAssetLocalUri, 'initialAssetLocalUri');
  }
  return request('POST', 'albums', { json: { name: albumName, assetId: assetId ?? null, copy: !!copyAsset } });
}

/** Deletes albums: their assets go to the default album, or to the trash with assetRemove. */
export async function deleteAlbumsAsync(albums, assetRemove = false) {
  const albumIds = checkIds(arrayize(albums).map(getId), 'album');
  await request('POST', 'albums/delete', { json: { albumIds, assetRemove: !!assetRemove } });
  return true;
}

/** Copies assets into an album (new assets), or moves them with copy false (same ids). */
export async function addAssetsToAlbumAsync(assets, album, copy = true) {
  const assetIds = assetIdsOf(assets);
  await request('POST', path('albums/{id}/assets', albumIdOf(album)), { json: { assetIds, copy: !!copy } });
  return true;
}

/** Takes assets out of an album (into the default album). */
export async function removeAssetsFromAlbumAsync(assets, album) {
  const assetIds = assetIdsOf(assets);
  await request('POST', path('albums/{id}/assets/remove', albumIdOf(album)), { json: { assetIds } });
  return true;
}

export async function albumNeedsMigrationAsync(album) {
  return (await request('GET', path('albums/{id}/migration', albumIdOf(album)))).needsMigration;
}

export async function migrateAlbumIfNeededAsync(album) {
  await request('POST', path('albums/{id}/migration', albumIdOf(album)));
}

/**
 * The moments: the photos and videos grouped by the time and place they were taken, oldest first,
 * each an album of type 'moment' with startTime, endTime and, where the token may see locations,
 * approximateLocation and locationNames; usable as the album of getAssetsAsync.
 */
export async function getMomentsAsync() {
  return request('GET', 'moments');
}

/**
 * A page of assets: `{ assets, endCursor, hasNextPage, totalCount }`. Photos only unless
 * mediaType says otherwise, 20 at a time, newest first, as expo.
 */
export async function getAssetsAsync(assetsOptions = {}) {
  if (assetsOptions === null || typeof assetsOptions !== 'object') {
    throw invalidArgument('assetsOptions', 'the options of getAssetsAsync must be an object');
  }
  const { first, after, album, sortBy, mediaType, createdAfter, createdBefore } = assetsOptions;
  const query = {};
  if (first != null) {
    if (typeof first !== 'number' || !Number.isInteger(first)) {
      throw invalidArgument('first', 'Option "first" must be a number!');
    }
    if (first < 0) {
      throw invalidArgument('first', 'Option "first" must be a positive integer!');
    }
  }
  query.first = first == null ? 20 : first;
  if (after != null) {
    query.after = getId(after);
    if (typeof query.after !== 'string') {
      throw invalidArgument('after', 'Option "after" must be a string!');
    }
  }
  if (album != null) {
    query.album = getId(album);
    if (typeof query.album !== 'string') {
      throw invalidArgument('album', 'Option "album" must be a string!');
    }
  }
  const sortKeys = sortKeysOf(sortBy);
  if (sortKeys.length > 0) {
    query.sortBy = sortKeys.join(',');
  }
  const types = arrayize(mediaType || [MediaType.photo]);
  for (const type of types) {
    if (!Object.values(MediaType).includes(type)) {
      throw invalidArgument('mediaType', `Invalid mediaType: ${type}`);
    }
  }
  // Every indexed file is a photo, a video or a sound: none is of the unknown type.
  const known = types.filter((type) => type !== MediaType.unknown);
  query.mediaType = known.join(',');
  query.createdAfter = timeOf('createdAfter', createdAfter);
  query.createdBefore = timeOf('createdBefore', createdBefore);
  if (known.length === 0) {
    return { assets: [], endCursor: '', hasNextPage: false, totalCount: 0 };
  }
  if (query.first === 0) {
    // Nothing asked: the count alone, as a page of one would give it.
    const page = await request('GET', 'assets', { query: { ...query, first: 1 } });
    return { assets: [], endCursor: query.after ?? '', hasNextPage: page.totalCount > 0, totalCount: page.totalCount };
  }
  return request('GET', 'assets', { query });
}

/** `key`, `[key, ascending]`, or a list of either, as the server's `key:asc,key:desc`. */
function sortKeysOf(sortBy) {
  if (sortBy == null) {
    return [];
  }
  const isPair = (value) => Array.isArray(value) && value.length === 2 && typeof value[1] === 'boolean';
  const list = isPair(sortBy) ? [sortBy] : arrayize(sortBy);
  return list.map((value) => {
    const [key, ascending] = Array.isArray(value) ? value : [value, false];
    if (Array.isArray(value) && typeof ascending !== 'boolean') {
      throw invalidArgument('sortBy', 'Invalid sortBy array argument. Second item must be a boolean!');
    }
    if (!Object.values(SortBy).includes(key)) {
      throw invalidArgument('sortBy', `Invalid sortBy key: ${key}`);
    }
    return `${key}:${ascending ? 'asc' : 'desc'}`;
  });
}

function timeOf(parameter, value) {
  if (value == null) {
    return undefined;
  }
  const millis = value instanceof Date ? value.getTime() : value;
  if (typeof millis !== 'number' || !Number.isFinite(millis)) {
    throw invalidArgument(parameter, `Option "${parameter}" must be a Date or a number of milliseconds!`);
  }
  return Math.trunc(millis);
}

/**
 * Calls the listener with `{ hasIncrementalChanges, insertedAssets, deletedAssets, updatedAssets }`
 * for each change of the library (other clients, the command line, files copied into the folder).
 */
export function addListener(listener) {
  if (typeof listener !== 'function') {
    throw invalidArgument('listener', 'the listener must be a function');
  }
  return subscribe(listener);
}

export function removeSubscription(subscription) {
  if (!subscription || typeof subscription.remove !== 'function') {
    throw invalidArgument('subscription', 'not a subscription of addListener');
  }
  subscription.remove();
}

export function removeAllListeners() {
  unsubscribeAll();
}
