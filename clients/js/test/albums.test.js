import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as MediaLibrary from '../camroll.js';
import { fixture, rejectsWith, unique } from '../testing/helpers.js';

test('getAlbumsAsync lists the folders; with includeSmartAlbums the smart albums too', async () => {
  const albums = await MediaLibrary.getAlbumsAsync();
  const trip = albums.find((album) => album.title === 'Trip');
  assert.ok(trip);
  assert.ok(trip.assetCount >= 31);
  assert.equal(typeof trip.id, 'string');
  const all = await MediaLibrary.getAlbumsAsync({ includeSmartAlbums: true });
  assert.ok(all.length > albums.length);
  assert.ok(all.some((album) => album.title === 'Favorites'));
  await rejectsWith(MediaLibrary.getAlbumsAsync({ includeSmartAlbums: 'yes' }), 'invalid_argument');
});

test('getAlbumAsync finds an album by title, or gives null', async () => {
  const home = await MediaLibrary.getAlbumAsync('Home');
  assert.equal(home.title, 'Home');
  assert.equal(await MediaLibrary.getAlbumAsync('No such album'), null);
  await rejectsWith(MediaLibrary.getAlbumAsync(), 'invalid_argument', 'title');
});

test('createAlbumAsync copies an asset into a new album, or moves it', async () => {
  const asset = await MediaLibrary.createAssetAsync(fixture('copied.jpg'));
  const copyName = unique('Copies');
  const copies = await MediaLibrary.createAlbumAsync(copyName, asset);
  assert.equal(copies.title, copyName);
  assert.equal(copies.assetCount, 1);
  assert.notEqual(await MediaLibrary.getAssetInfoAsync(asset), null);
  const moveName = unique('Moved');
  const moved = await MediaLibrary.createAlbumAsync(moveName, asset.id, false);
  assert.equal((await MediaLibrary.getAssetInfoAsync(asset)).albumId, moved.id);
  await rejectsWith(MediaLibrary.createAlbumAsync(moveName, asset), 'conflict');
  await rejectsWith(MediaLibrary.createAlbumAsync('', asset), 'invalid_argument', 'albumName');
  await rejectsWith(MediaLibrary.createAlbumAsync(unique('Empty')), 'invalid_argument');
  await rejectsWith(MediaLibrary.createAlbumAsync(unique('Ghost'), 'no-such-asset'), 'not_found');
});

test('createAlbumAsync uploads its first file from initialAssetLocalUri', async () => {
  const name = unique('Uploaded');
  const album = await MediaLibrary.createAlbumAsync(name, undefined, true, fixture('upload.jpg'));
  assert.equal(album.title, name);
  const { assets } = await MediaLibrary.getAssetsAsync({ album });
  assert.equal(assets.length, 1);
  assert.equal(assets[0].filename, 'upload.jpg');
  await rejectsWith(
    MediaLibrary.createAlbumAsync(unique('Refused'), undefined, true, fixture('not-a-photo.jpg')),
    'not_media',
  );
});

test('addAssetsToAlbumAsync copies or moves; removeAssetsFromAlbumAsync takes them out', async () => {
  const first = await MediaLibrary.createAssetAsync(fixture('copied.jpg'));
  const second = await MediaLibrary.createAssetAsync(fixture('copied.jpg'));
  const album = await MediaLibrary.createAlbumAsync(unique('Gathered'), first, false);
  assert.equal(await MediaLibrary.addAssetsToAlbumAsync(second, album, false), true);
  assert.equal((await MediaLibrary.getAssetInfoAsync(second)).albumId, album.id);
  const third = await MediaLibrary.createAssetAsync(fixture('copied.jpg'));
  assert.equal(await MediaLibrary.addAssetsToAlbumAsync([third.id], album.id), true);
  assert.notEqual((await MediaLibrary.getAssetInfoAsync(third)).albumId, album.id);
  assert.equal((await MediaLibrary.getAssetsAsync({ album })).totalCount, 3);
  assert.equal(await MediaLibrary.removeAssetsFromAlbumAsync([second], album), true);
  assert.notEqual((await MediaLibrary.getAssetInfoAsync(second)).albumId, album.id);
  assert.equal((await MediaLibrary.getAssetsAsync({ album })).totalCount, 2);
  await rejectsWith(MediaLibrary.addAssetsToAlbumAsync(first, 'no-such-album'), 'not_found');
  await rejectsWith(MediaLibrary.addAssetsToAlbumAsync(['no-such-asset'], album), 'not_found');
  await rejectsWith(MediaLibrary.addAssetsToAlbumAsync(first), 'invalid_argument', 'album');
  await rejectsWith(MediaLibrary.removeAssetsFromAlbumAsync([], album), 'invalid_argument', 'assets');
});

test('deleteAlbumsAsync keeps the assets, or trashes them with assetRemove', async () => {
  const kept = await MediaLibrary.createAssetAsync(fixture('copied.jpg'));
  const gone = await MediaLibrary.createAssetAsync(fixture('copied.jpg'));
  const keep = await MediaLibrary.createAlbumAsync(unique('Keep'), kept, false);
  const drop = await MediaLibrary.createAlbumAsync(unique('Drop'), gone, false);
  assert.equal(await MediaLibrary.deleteAlbumsAsync(keep), true);
  assert.notEqual(await MediaLibrary.getAssetInfoAsync(kept), null);
  assert.equal(await MediaLibrary.deleteAlbumsAsync([drop.id], true), true);
  assert.equal(await MediaLibrary.getAssetInfoAsync(gone), null);
  assert.equal(await MediaLibrary.getAlbumAsync(keep.title), null);
  await rejectsWith(MediaLibrary.deleteAlbumsAsync('no-such-album'), 'not_found');
  await rejectsWith(MediaLibrary.deleteAlbumsAsync([null]), 'invalid_argument', 'albums');
});

test('albumNeedsMigrationAsync and migrateAlbumIfNeededAsync: a folder needs none', async () => {
  const home = await MediaLibrary.getAlbumAsync('Home');
  assert.equal(await MediaLibrary.albumNeedsMigrationAsync(home), false);
  assert.equal(await MediaLibrary.migrateAlbumIfNeededAsync(home.id), undefined);
  await rejectsWith(MediaLibrary.albumNeedsMigrationAsync('no-such-album'), 'not_found');
  await rejectsWith(MediaLibrary.migrateAlbumIfNeededAsync(), 'invalid_argument', 'album');
});

test('getMomentsAsync: the photos and videos grouped by time and place, usable as an album', async () => {
  const moments = await MediaLibrary.getMomentsAsync();
  assert.ok(moments.length > 0);
  let previous = -Infinity;
  for (const moment of moments) {
    assert.equal(moment.type, 'moment');
    assert.match(moment.id, /^moment-[0-9a-z]{13}$/);
    assert.ok(moment.assetCount > 0);
    assert.ok(moment.startTime <= moment.endTime);
    assert.ok(moment.startTime >= previous, 'oldest first');
    previous = moment.startTime;
  }
  const first = moments[0];
  const page = await MediaLibrary.getAssetsAsync({ album: first, mediaType: ['photo', 'video'], first: 100 });
  for (const asset of page.assets) {
    assert.ok(asset.creationTime >= first.startTime && asset.creationTime <= first.endTime);
  }
  assert.ok(page.assets.length > 0);
});
