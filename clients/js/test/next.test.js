import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as MediaLibrary from '../camroll.js';
import { Album, Asset, AssetField, MediaType, Query } from '../camroll-next.js';
import { fixture, rejectsWith, unique } from '../testing/helpers.js';

const DAY = 86_400_000;
const FIRST_PHOTO_TIME = 1_700_000_000_000;

test('Asset getters read the server', async () => {
  const { assets } = await MediaLibrary.getAssetsAsync({ first: 1, mediaType: 'video' });
  const video = new Asset(assets[0].id);
  assert.equal(await video.getFilename(), 'clip.mp4');
  assert.equal(await video.getMediaType(), MediaType.VIDEO);
  assert.equal(await video.getWidth(), 64);
  assert.equal(await video.getHeight(), 48);
  assert.deepEqual(await video.getShape(), { width: 64, height: 48 });
  assert.ok(Math.abs((await video.getDuration()) - 2000) < 200, 'duration in milliseconds');
  assert.equal(typeof (await video.getCreationTime()), 'number');
  assert.equal(typeof (await video.getModificationTime()), 'number');
  assert.match(await video.getUri(), /^http.*\/original\?/);
  assert.equal((await video.getInfo()).id, video.id);
  assert.deepEqual((await video.getAlbums()).map((album) => album.id), [assets[0].albumId]);
  assert.equal(await video.getLocation(), null);
  assert.equal(typeof (await video.getExif()), 'object');
  assert.deepEqual(await video.getMediaSubtypes(), []);
  assert.equal(await video.getIsInCloud(), false);
  assert.equal(await video.getLivePhotoVideoUri(), null);
  const photo = (await new Query().eq(AssetField.MEDIA_TYPE, MediaType.IMAGE).limit(1).exe())[0];
  assert.equal(await photo.getDuration(), null);
  assert.equal(await photo.getMediaType(), MediaType.IMAGE);
  await rejectsWith(new Asset('no-such-asset').getFilename(), 'not_found');
  assert.throws(() => new Asset(), (e) => e.code === 'invalid_argument');
});

test('Asset.create, favorites and delete', async () => {
  const asset = await Asset.create(fixture('upload.jpg'));
  assert.ok(asset instanceof Asset);
  assert.equal(await asset.getWidth(), 33);
  assert.equal(await asset.getFavorite(), false);
  await asset.setFavorite(true);
  assert.equal(await asset.getFavorite(), true);
  const home = await Album.get('Home');
  const inHome = await Asset.create(pathToFileURL(fixture('upload.jpg')).href, home);
  assert.equal((await inHome.getAlbums())[0].id, home.id);
  await asset.delete();
  await Asset.delete([inHome]);
  await rejectsWith(asset.getFilename(), 'not_found');
  await rejectsWith(Asset.create(fixture('not-a-photo.jpg')), 'not_media');
  await rejectsWith(Asset.create(fixture('missing.jpg')), 'invalid_argument', 'filePath');
  await rejectsWith(asset.setFavorite('yes'), 'invalid_argument', 'isFavorite');
});

test('Album: create, get, add, remove, getAssets, getTitle, delete', async () => {
  const first = await Asset.create(fixture('copied.jpg'));
  const second = await Asset.create(fixture('copied.jpg'));
  const name = unique('Next');
  const album = await Album.create(name, [first]);
  assert.ok(album instanceof Album);
  assert.equal(await album.getTitle(), name);
  assert.equal((await Album.get(name)).id, album.id);
  assert.equal(await Album.get('No such album'), null);
  assert.ok((await Album.getAll()).some((a) => a.id === album.id));
  await album.add(second);
  assert.deepEqual((await album.getAssets()).map((a) => a.id).sort(), [first.id, second.id].sort());
  await album.removeAssets([second]);
  assert.deepEqual((await album.getAssets()).map((a) => a.id), [first.id]);
  const uploaded = await Album.create(unique('NextFiles'), [fixture('upload.jpg'), fixture('second.jpg')]);
  assert.equal((await uploaded.getAssets()).length, 2);
  await album.delete();
  await Album.delete([uploaded], true);
  await rejectsWith(album.getTitle(), 'not_found');
  await rejectsWith(Album.create(unique('Nothing'), []), 'invalid_argument', 'assetsRefs');
  await rejectsWith(Album.create('', [first]), 'invalid_argument', 'name');
  await rejectsWith(new Album('no-such-album').add(first), 'not_found');
});

test('Query filters on fields, combined', async () => {
  const wide = await new Query().gte(AssetField.WIDTH, 90).eq(AssetField.MEDIA_TYPE, MediaType.IMAGE).exe();
  assert.ok(wide.length >= 10);
  for (const asset of wide) {
    assert.ok((await asset.getWidth()) >= 90);
  }
  const narrow = await new Query().lt(AssetField.WIDTH, 45).gt(AssetField.WIDTH, 41).exe();
  assert.deepEqual((await Promise.all(narrow.map((a) => a.getWidth()))).sort(), [42, 43, 44]);
  const exact = await new Query().eq(AssetField.WIDTH, 50).exe();
  assert.equal(exact.length, 1);
  const days = await new Query()
    .gte(AssetField.CREATION_TIME, FIRST_PHOTO_TIME + 10 * DAY)
    .lte(AssetField.CREATION_TIME, FIRST_PHOTO_TIME + 19 * DAY)
    .exe();
  assert.equal(days.length, 10);
  const media = await new Query().within(AssetField.MEDIA_TYPE, [MediaType.VIDEO, MediaType.AUDIO]).exe();
  assert.deepEqual((await Promise.all(media.map((a) => a.getMediaType()))).sort(), ['audio', 'video']);
  assert.equal((await new Query().in_(AssetField.MEDIA_TYPE, [MediaType.AUDIO]).exe()).length, 1);
  const short = await new Query().lt(AssetField.DURATION, 1500).gt(AssetField.DURATION, 0).exe();
  assert.deepEqual(await Promise.all(short.map((a) => a.getMediaType())), ['audio']);
});

test('Query orders, limits, offsets and takes an album', async () => {
  const ascending = await new Query().eq(AssetField.MEDIA_TYPE, MediaType.IMAGE).orderBy(AssetField.WIDTH).limit(5).exe();
  const widths = await Promise.all(ascending.map((a) => a.getWidth()));
  assert.equal(widths.length, 5);
  assert.deepEqual(widths, [...widths].sort((a, b) => a - b));
  const descending = await new Query()
    .eq(AssetField.MEDIA_TYPE, MediaType.IMAGE)
    .orderBy({ key: AssetField.WIDTH, ascending: false })
    .limit(3)
    .exe();
  const top = await Promise.all(descending.map((a) => a.getWidth()));
  assert.deepEqual(top, [...top].sort((a, b) => b - a));
  const all = await new Query().eq(AssetField.MEDIA_TYPE, MediaType.IMAGE).orderBy(AssetField.CREATION_TIME).exe();
  const skipped = await new Query().eq(AssetField.MEDIA_TYPE, MediaType.IMAGE).orderBy(AssetField.CREATION_TIME).offset(10).limit(5).exe();
  assert.deepEqual(skipped.map((a) => a.id), all.slice(10, 15).map((a) => a.id));
  const pastTheEnd = await new Query().eq(AssetField.MEDIA_TYPE, MediaType.IMAGE).offset(all.length).exe();
  assert.deepEqual(pastTheEnd, []);
  const trip = await Album.get('Trip');
  const inTrip = await new Query().album(trip).exe();
  assert.ok(inTrip.length >= 31);
  for (const asset of inTrip.slice(0, 5)) {
    assert.equal((await asset.getAlbums())[0].id, trip.id);
  }
  const metadata = await new Query().album(trip).limit(2).exeForMetadata();
  assert.equal(metadata.length, 2);
  assert.ok(['image', 'video'].includes(metadata[0].mediaType));
});

test('Query refuses what it cannot ask', async () => {
  assert.throws(() => new Query().eq('size', 3), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().gt(AssetField.MEDIA_TYPE, 1), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().eq(AssetField.WIDTH, 'wide'), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().eq(AssetField.MEDIA_TYPE, 'photo'), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().gt(AssetField.WIDTH, 1).gt(AssetField.WIDTH, 2), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().within(AssetField.WIDTH, []), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().limit(-1), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().offset(1.5), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().orderBy('size'), (e) => e.code === 'invalid_argument');
  assert.throws(() => new Query().eq(AssetField.IS_FAVORITE, true), (e) => e.code === 'invalid_argument');
  await rejectsWith(new Query().album('no-such-album').exe(), 'invalid_argument', 'album');
});

test('Query pages through the library by offset as the cursor does', async () => {
  const everything = await new Query().orderBy(AssetField.CREATION_TIME).orderBy(AssetField.WIDTH).exe();
  const byOffset = [];
  for (let offset = 0; offset < everything.length + 7; offset += 7) {
    const page = await new Query().orderBy(AssetField.CREATION_TIME).orderBy(AssetField.WIDTH).offset(offset).limit(7).exe();
    byOffset.push(...page);
    if (page.length < 7) {
      break;
    }
  }
  assert.ok(everything.length >= 62);
  assert.deepEqual(byOffset.map((a) => a.id), everything.map((a) => a.id));
  const unknown = await new Query().eq(AssetField.MEDIA_TYPE, MediaType.UNKNOWN).exe();
  assert.deepEqual(unknown, []);
});
