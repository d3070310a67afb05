import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as MediaLibrary from '../camroll.js';
import { SERVER_URL, TOKEN } from '../testing/helpers.js';

// Apps in two states of the scope matrix (JsModuleTest's scopedApps): "limited" sees the photos
// of `sees` alone, "none" has no grant; `hidden` is a photo neither sees.
const SCOPED = JSON.parse(process.env.CAMROLL_SCOPED_APPS ?? '{}');
const EVERY_TYPE = ['photo', 'video', 'audio'];
const MADE_UP = 'a'.repeat(13);

/** Runs `body` with the module configured with `token`, then gives the owner's token back. */
async function withToken(token, body) {
  MediaLibrary.configure({ token });
  try {
    await body();
  } finally {
    MediaLibrary.configure({ token: TOKEN });
  }
}

/** Status and body of an original by id with the token, the id in the body written as ID. */
async function original(token, id) {
  const response = await fetch(new URL(`api/v1/assets/${id}/original`, SERVER_URL), {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.text()).replaceAll(id, 'ID') };
}

/** The ids of `ids` the owner still has (other tests of the run may have deleted some). */
async function stillThere(ids) {
  const there = [];
  for (const id of ids) {
    if (await MediaLibrary.getAssetInfoAsync(id)) {
      there.push(id);
    }
  }
  return there.sort();
}

test('an app limited to a selection lists, counts and reads only what was selected', async () => {
  assert.ok(SCOPED.limited, 'no CAMROLL_SCOPED_APPS');
  const sees = await stillThere(SCOPED.limited.sees);
  assert.ok(sees.length > 0, 'the selected photos are gone');
  assert.ok(await MediaLibrary.getAssetInfoAsync(SCOPED.hidden), 'the hidden photo is gone');
  await withToken(SCOPED.limited.token, async () => {
    const page = await MediaLibrary.getAssetsAsync({ first: 100, mediaType: EVERY_TYPE });
    assert.deepEqual(page.assets.map((asset) => asset.id).sort(), sees);
    assert.equal(page.totalCount, sees.length);
    for (const asset of page.assets) {
      assert.equal((await MediaLibrary.getAssetInfoAsync(asset)).id, asset.id);
      assert.equal((await fetch(asset.uri)).status, 200, 'its signed URL opens its original');
    }
    assert.equal(await MediaLibrary.getAssetInfoAsync(SCOPED.hidden), null);
    assert.equal(await MediaLibrary.getAssetInfoAsync(MADE_UP), null);
    const albums = await MediaLibrary.getAlbumsAsync();
    assert.ok(albums.length > 0);
    assert.equal(
      albums.reduce((count, album) => count + album.assetCount, 0),
      sees.length,
      'its albums count only what it sees',
    );
  });
  assert.deepEqual(
    await original(SCOPED.limited.token, SCOPED.hidden),
    await original(SCOPED.limited.token, MADE_UP),
    'a hidden original is as a made-up one',
  );
});

test('an app without a grant sees nothing, and a hidden id is as a made-up one', async () => {
  assert.ok(SCOPED.none, 'no CAMROLL_SCOPED_APPS');
  await withToken(SCOPED.none.token, async () => {
    const page = await MediaLibrary.getAssetsAsync({ first: 100, mediaType: EVERY_TYPE });
    assert.deepEqual(page.assets, []);
    assert.equal(page.totalCount, 0);
    assert.deepEqual(await MediaLibrary.getAlbumsAsync(), []);
    assert.equal(await MediaLibrary.getAssetInfoAsync(SCOPED.hidden), null);
    for (const id of SCOPED.limited.sees) {
      assert.equal(await MediaLibrary.getAssetInfoAsync(id), null);
    }
  });
  const hidden = await original(SCOPED.none.token, SCOPED.hidden);
  assert.equal(hidden.status, 404);
  assert.deepEqual(hidden, await original(SCOPED.none.token, MADE_UP));
});
