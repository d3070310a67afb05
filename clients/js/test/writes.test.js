import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as MediaLibrary from '../camroll.js';
import { UPLOAD_LIMIT, fixture, rejectsWith } from '../testing/helpers.js';

test('createAssetAsync uploads a file by path, file:// URI or URL object', async () => {
  const byPath = await MediaLibrary.createAssetAsync(fixture('upload.jpg'));
  assert.equal(byPath.mediaType, 'photo');
  assert.equal(byPath.width, 33);
  assert.match(byPath.filename, /^upload.*\.jpg$/);
  assert.match(byPath.uri, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/assets\/.+\/original\?/);
  const byUri = await MediaLibrary.createAssetAsync(pathToFileURL(fixture('upload.jpg')).href);
  const byUrl = await MediaLibrary.createAssetAsync(pathToFileURL(fixture('upload.mp4')));
  assert.notEqual(byUri.id, byPath.id);
  assert.equal(byUrl.mediaType, 'video');
  const original = await fetch(byPath.uri);
  assert.deepEqual(Buffer.from(await original.arrayBuffer()), await readFile(fixture('upload.jpg')));
});

test('createAssetAsync takes a Blob or File, and an album to put it in', async () => {
  const bytes = await readFile(fixture('second.jpg'));
  const file = await MediaLibrary.createAssetAsync(new File([bytes], 'from-a-file.jpg', { type: 'image/jpeg' }));
  assert.match(file.filename, /^from-a-file.*\.jpg$/);
  const blob = await MediaLibrary.createAssetAsync(new Blob([bytes], { type: 'image/jpeg' }));
  assert.match(blob.filename, /\.jpg$/);
  const home = await MediaLibrary.getAlbumAsync('Home');
  const inAlbum = await MediaLibrary.createAssetAsync(fixture('second.jpg'), home);
  assert.equal(inAlbum.albumId, home.id);
  const byAlbumId = await MediaLibrary.createAssetAsync(fixture('second.jpg'), home.id);
  assert.equal(byAlbumId.albumId, home.id);
});

test('saveToLibraryAsync saves without an answer', async () => {
  const before = (await MediaLibrary.getAssetsAsync({ first: 0 })).totalCount;
  assert.equal(await MediaLibrary.saveToLibraryAsync(fixture('second.jpg')), undefined);
  assert.equal((await MediaLibrary.getAssetsAsync({ first: 0 })).totalCount, before + 1);
});

test("createAssetAsync fails with the server's codes, and for a file that is not there", async () => {
  await rejectsWith(MediaLibrary.createAssetAsync(fixture('not-a-photo.jpg')), 'not_media');
  await rejectsWith(MediaLibrary.createAssetAsync(fixture('nothing-here.jpg')), 'invalid_argument', 'localUri');
  await rejectsWith(MediaLibrary.createAssetAsync(''), 'invalid_argument', 'localUri');
  await rejectsWith(MediaLibrary.createAssetAsync(42), 'invalid_argument', 'localUri');
  await rejectsWith(MediaLibrary.createAssetAsync(new Blob(['x'])), 'invalid_argument', 'localUri');
  await rejectsWith(MediaLibrary.createAssetAsync(fixture('upload.jpg'), 'no-such-album'), 'not_found');
  await rejectsWith(MediaLibrary.createAssetAsync(fixture('upload.jpg'), { title: 'x' }), 'invalid_argument', 'album');
});

test('deleteAssetsAsync takes one asset or a list, as objects or ids', async () => {
  const one = await MediaLibrary.createAssetAsync(fixture('second.jpg'));
  const two = await MediaLibrary.createAssetAsync(fixture('second.jpg'));
  const three = await MediaLibrary.createAssetAsync(fixture('second.jpg'));
  assert.equal(await MediaLibrary.deleteAssetsAsync(one), true);
  assert.equal(await MediaLibrary.deleteAssetsAsync([two.id, three]), true);
  for (const asset of [one, two, three]) {
    assert.equal(await MediaLibrary.getAssetInfoAsync(asset), null);
  }
  await rejectsWith(MediaLibrary.deleteAssetsAsync('no-such-asset'), 'not_found');
  await rejectsWith(MediaLibrary.deleteAssetsAsync([]), 'invalid_argument');
  await rejectsWith(MediaLibrary.deleteAssetsAsync([one.id, 7]), 'invalid_argument');
});

test('a large file is streamed from the disk, not read into memory', async () => {
  // A photo followed by 128 MiB the reader skips: the upload must not hold it.
  const path = join(await mkdtemp(join(tmpdir(), 'camroll-')), 'large.jpg');
  await writeFile(path, await readFile(fixture('upload.jpg')));
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 0; i < 128; i++) {
    await appendFile(path, zeros);
  }
  try {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const asset = await MediaLibrary.createAssetAsync(path);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    assert.equal(asset.mediaType, 'photo');
    const info = await MediaLibrary.getAssetInfoAsync(asset);
    assert.equal(info.fileSize, (await stat(path)).size);
    assert.ok(peak - before < 64 << 20, `memory grew by ${Math.round((peak - before) / (1 << 20))} MiB`);
    await MediaLibrary.deleteAssetsAsync(asset);
  } finally {
    await rm(path, { force: true });
  }
});

test('a file past the server\'s upload limit is too_large, and the library stays as it was', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'camroll-')), 'huge.jpg');
  await writeFile(path, await readFile(fixture('upload.jpg')));
  // Sparse: past the limit on the wire, nothing on the disk.
  await truncate(path, UPLOAD_LIMIT + (8 << 20));
  try {
    const before = (await MediaLibrary.getAssetsAsync({ first: 0 })).totalCount;
    await rejectsWith(MediaLibrary.createAssetAsync(path), 'too_large');
    assert.equal((await MediaLibrary.getAssetsAsync({ first: 0 })).totalCount, before);
  } finally {
    await rm(path, { force: true });
  }
});
