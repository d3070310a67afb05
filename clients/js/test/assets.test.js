import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as MediaLibrary from '../camroll.js';
import { rejectsWith } from '../testing/helpers.js';

const DAY = 86_400_000;
const FIRST_PHOTO_TIME = 1_700_000_000_000;

test('getAssetsAsync: photos only, 20 at a time, newest first, by default', async () => {
  const page = await MediaLibrary.getAssetsAsync();
  assert.equal(page.assets.length, 20);
  assert.ok(page.totalCount >= 60);
  assert.equal(page.hasNextPage, true);
  assert.equal(typeof page.endCursor, 'string');
  assert.ok(page.assets.every((asset) => asset.mediaType === 'photo'));
  const times = page.assets.map((asset) => asset.creationTime);
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  const asset = page.assets[0];
  for (const field of ['id', 'filename', 'uri', 'mediaType', 'width', 'height', 'creationTime', 'modificationTime', 'duration']) {
    assert.ok(field in asset, `asset has ${field}`);
  }
});

test('getAssetsAsync pages through the whole library with the cursor', async () => {
  const { totalCount } = await MediaLibrary.getAssetsAsync({ first: 1, mediaType: ['photo', 'video', 'audio'] });
  const seen = [];
  let after;
  let pages = 0;
  for (;;) {
    const page = await MediaLibrary.getAssetsAsync({ first: 7, after, mediaType: ['photo', 'video', 'audio'] });
    seen.push(...page.assets.map((asset) => asset.id));
    pages++;
    assert.equal(page.totalCount, totalCount);
    if (!page.hasNextPage) {
      break;
    }
    after = page.endCursor;
  }
  assert.equal(seen.length, totalCount);
  assert.equal(new Set(seen).size, totalCount);
  assert.equal(pages, Math.ceil(totalCount / 7));
});

test('getAssetsAsync takes an asset as the cursor, by id or as the object', async () => {
  const { assets } = await MediaLibrary.getAssetsAsync({ first: 3 });
  const byId = await MediaLibrary.getAssetsAsync({ first: 2, after: assets[0].id });
  const byObject = await MediaLibrary.getAssetsAsync({ first: 2, after: assets[0] });
  assert.deepEqual(byId.assets.map((a) => a.id), assets.slice(1, 3).map((a) => a.id));
  assert.deepEqual(byObject.assets.map((a) => a.id), assets.slice(1, 3).map((a) => a.id));
});

test('sortBy takes a key, [key, ascending], or a list of them', async () => {
  const widths = async (sortBy) => (await MediaLibrary.getAssetsAsync({ first: 60, sortBy })).assets.map((a) => a.width);
  const descending = await widths(MediaLibrary.SortBy.width);
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
  const ascending = await widths([MediaLibrary.SortBy.width, true]);
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  assert.deepEqual(await widths([[MediaLibrary.SortBy.width, true]]), ascending);
  const listed = await MediaLibrary.getAssetsAsync({
    first: 5,
    sortBy: [MediaLibrary.SortBy.mediaType, [MediaLibrary.SortBy.creationTime, true]],
    mediaType: [MediaLibrary.MediaType.photo, MediaLibrary.MediaType.video],
  });
  const times = listed.assets.filter((a) => a.mediaType === 'photo').map((a) => a.creationTime);
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
});

test('mediaType takes one type or a list; createdAfter and createdBefore a Date or milliseconds', async () => {
  const videos = await MediaLibrary.getAssetsAsync({ mediaType: MediaLibrary.MediaType.video });
  assert.ok(videos.assets.length >= 1);
  assert.ok(videos.assets.every((a) => a.mediaType === 'video'));
  assert.ok(videos.assets[0].duration > 1);
  const audio = await MediaLibrary.getAssetsAsync({ mediaType: [MediaLibrary.MediaType.audio] });
  assert.ok(audio.assets.every((a) => a.mediaType === 'audio'));
  const range = await MediaLibrary.getAssetsAsync({
    createdAfter: new Date(FIRST_PHOTO_TIME + 9.5 * DAY),
    createdBefore: FIRST_PHOTO_TIME + 19.5 * DAY,
  });
  assert.equal(range.totalCount, 10);
  assert.ok(range.assets.every((a) => a.creationTime > FIRST_PHOTO_TIME + 9.5 * DAY));
});

test('album takes an album or its id', async () => {
  const albums = await MediaLibrary.getAlbumsAsync();
  const trip = albums.find((album) => album.title === 'Trip');
  const byObject = await MediaLibrary.getAssetsAsync({ album: trip, first: 100 });
  const byId = await MediaLibrary.getAssetsAsync({ album: trip.id, first: 100 });
  assert.equal(byObject.totalCount, byId.totalCount);
  assert.ok(byObject.assets.every((a) => a.albumId === trip.id));
});

test('mediaType unknown matches nothing: every indexed file is a photo, a video or a sound', async () => {
  const page = await MediaLibrary.getAssetsAsync({ mediaType: MediaLibrary.MediaType.unknown });
  assert.deepEqual(page, { assets: [], endCursor: '', hasNextPage: false, totalCount: 0 });
  const mixed = await MediaLibrary.getAssetsAsync({ mediaType: ['unknown', 'video'] });
  assert.ok(mixed.assets.length >= 1);
  assert.ok(mixed.assets.every((a) => a.mediaType === 'video'));
});

test('first: 0 gives the count without assets', async () => {
  const page = await MediaLibrary.getAssetsAsync({ first: 0 });
  assert.deepEqual(page.assets, []);
  assert.ok(page.totalCount >= 60);
});

test('getAssetsAsync refuses bad options with invalid_argument naming them', async () => {
  await rejectsWith(MediaLibrary.getAssetsAsync({ first: -1 }), 'invalid_argument', 'first');
  await rejectsWith(MediaLibrary.getAssetsAsync({ first: '10' }), 'invalid_argument', 'first');
  await rejectsWith(MediaLibrary.getAssetsAsync({ first: 100_001 }), 'invalid_argument', 'first');
  await rejectsWith(MediaLibrary.getAssetsAsync({ after: 42 }), 'invalid_argument', 'after');
  await rejectsWith(MediaLibrary.getAssetsAsync({ after: 'no-such-cursor' }), 'invalid_argument', 'after');
  await rejectsWith(MediaLibrary.getAssetsAsync({ album: { title: 'x' } }), 'invalid_argument', 'album');
  await rejectsWith(MediaLibrary.getAssetsAsync({ sortBy: 'size' }), 'invalid_argument', 'sortBy');
  await rejectsWith(MediaLibrary.getAssetsAsync({ sortBy: [['width', 'yes']] }), 'invalid_argument', 'sortBy');
  await rejectsWith(MediaLibrary.getAssetsAsync({ mediaType: 'picture' }), 'invalid_argument', 'mediaType');
  await rejectsWith(MediaLibrary.getAssetsAsync({ createdAfter: 'yesterday' }), 'invalid_argument', 'createdAfter');
  await rejectsWith(MediaLibrary.getAssetsAsync(7), 'invalid_argument');
});

test('getAssetInfoAsync gives the details; an unknown id gives null', async () => {
  const { assets } = await MediaLibrary.getAssetsAsync({ first: 1 });
  const info = await MediaLibrary.getAssetInfoAsync(assets[0]);
  assert.equal(info.id, assets[0].id);
  assert.equal(info.filename, assets[0].filename);
  assert.equal(typeof info.isFavorite, 'boolean');
  assert.equal((await MediaLibrary.getAssetInfoAsync(assets[0].id)).id, assets[0].id);
  assert.equal(await MediaLibrary.getAssetInfoAsync('no-such-asset'), null);
  await rejectsWith(MediaLibrary.getAssetInfoAsync(), 'invalid_argument');
  await rejectsWith(MediaLibrary.getAssetInfoAsync(12), 'invalid_argument');
});

test("an asset's uri loads without the token", async () => {
  const { assets } = await MediaLibrary.getAssetsAsync({ first: 1 });
  const response = await fetch(assets[0].uri);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/jpeg');
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 2)], [0xff, 0xd8]);
});

test('setAssetFavoriteAsync marks and unmarks; the Favorites smart album follows', async () => {
  const { assets } = await MediaLibrary.getAssetsAsync({ first: 1 });
  await MediaLibrary.setAssetFavoriteAsync(assets[0], true);
  assert.equal((await MediaLibrary.getAssetInfoAsync(assets[0])).isFavorite, true);
  await MediaLibrary.setAssetFavoriteAsync(assets[0].id, false);
  assert.equal((await MediaLibrary.getAssetInfoAsync(assets[0])).isFavorite, false);
  await rejectsWith(MediaLibrary.setAssetFavoriteAsync(assets[0], 'yes'), 'invalid_argument', 'isFavorite');
  await rejectsWith(MediaLibrary.setAssetFavoriteAsync('no-such-asset', true), 'not_found');
});

test('the constants have expo-media-library values', () => {
  assert.deepEqual(Object.values(MediaLibrary.MediaType).sort(), ['audio', 'photo', 'unknown', 'video']);
  assert.deepEqual(Object.keys(MediaLibrary.SortBy), [
    'default',
    'mediaType',
    'width',
    'height',
    'creationTime',
    'modificationTime',
    'duration',
  ]);
  assert.equal(MediaLibrary.MediaSubtype.screenshot, 'screenshot');
  assert.equal(MediaLibrary.MediaSubtype.livePhoto, 'livePhoto');
});

test('getAssetInfoAsync gives a sound its tags (audioTags), and a photo none', async () => {
  const { assets } = await MediaLibrary.getAssetsAsync({ mediaType: 'audio' });
  const song = assets.find((a) => a.filename === 'song.m4a');
  const info = await MediaLibrary.getAssetInfoAsync(song);
  assert.deepEqual(info.audioTags, {
    title: 'Harbour Lights',
    artist: 'The Fixtures',
    album: 'Tests',
    track: 4,
    year: 2020,
    genre: null,
  });
  const [photo] = (await MediaLibrary.getAssetsAsync({ first: 1 })).assets;
  assert.equal((await MediaLibrary.getAssetInfoAsync(photo)).audioTags, null);
});
