// The module as an app in every state of the scope matrix. JsScopeMatrixTest (the server's
// access tests) makes the states over its matrix library and passes them in CAMROLL_MATRIX:
// {STATE: {token, revoked, location, sees: [ids], hidden: [ids], located: [ids seen that have a place]}}.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as MediaLibrary from '../camroll.js';

const SERVER_URL = process.env.CAMROLL_URL;
const STATES = JSON.parse(process.env.CAMROLL_MATRIX ?? '{}');
const EVERY_TYPE = ['photo', 'video', 'audio'];
const MADE_UP = 'a'.repeat(13);

/** Status and body of an original by id with the token, the id in the body written as ID. */
async function original(token, id) {
  const response = await fetch(new URL(`api/v1/assets/${id}/original`, SERVER_URL), {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.text()).replaceAll(id, 'ID') };
}

for (const [state, app] of Object.entries(STATES)) {
  test(`${state}: the app sees what its state allows and nothing else`, async () => {
    MediaLibrary.configure({ url: SERVER_URL, token: app.token });
    if (app.revoked) {
      await assert.rejects(MediaLibrary.getAssetsAsync({ first: 100, mediaType: EVERY_TYPE }), (e) => {
        assert.equal(e.code, 'unauthorized', e.message);
        return true;
      });
      return;
    }
    const page = await MediaLibrary.getAssetsAsync({ first: 100, mediaType: EVERY_TYPE });
    assert.deepEqual(page.assets.map((asset) => asset.id).sort(), [...app.sees].sort());
    assert.equal(page.totalCount, app.sees.length);
    for (const id of app.sees) {
      const info = await MediaLibrary.getAssetInfoAsync(id);
      assert.equal(info.id, id);
      if (app.location && app.located.includes(id)) {
        assert.ok(info.location, `${id} has its place with the location permission`);
      } else {
        assert.ok(info.location == null, `${id} has no place without the location permission`);
      }
    }
    for (const id of app.hidden) {
      assert.equal(await MediaLibrary.getAssetInfoAsync(id), null, `${id} is hidden`);
      assert.deepEqual(await original(app.token, id), await original(app.token, MADE_UP));
    }
    const albums = await MediaLibrary.getAlbumsAsync();
    assert.equal(
      albums.reduce((count, album) => count + album.assetCount, 0),
      app.sees.length,
      'its albums count only what it sees',
    );
  });
}
