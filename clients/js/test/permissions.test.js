import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as MediaLibrary from '../camroll.js';
import { SERVER_URL, TOKEN, rejectsWith } from '../testing/helpers.js';

test("the owner's token has every permission", async () => {
  for (const response of [await MediaLibrary.getPermissionsAsync(), await MediaLibrary.requestPermissionsAsync(false, ['photo'])]) {
    assert.deepEqual(response, {
      status: 'granted',
      granted: true,
      canAskAgain: true,
      expires: 'never',
      accessPrivileges: 'all',
      granularPermissions: ['photo', 'video', 'audio'],
      writeOnly: false,
      location: true,
    });
  }
  await rejectsWith(MediaLibrary.getPermissionsAsync('yes'), 'invalid_argument', 'writeOnly');
  await rejectsWith(MediaLibrary.requestPermissionsAsync(false, ['pictures']), 'invalid_argument', 'granularPermissions');
  assert.equal(await MediaLibrary.presentPermissionsPickerAsync(), undefined);
});

test('isAvailableAsync says whether the server answers', async () => {
  assert.equal(await MediaLibrary.isAvailableAsync(), true);
  try {
    MediaLibrary.configure({ url: 'http://127.0.0.1:9/' });
    assert.equal(await MediaLibrary.isAvailableAsync(), false);
    await rejectsWith(MediaLibrary.getAssetsAsync(), 'unavailable');
  } finally {
    MediaLibrary.configure({ url: SERVER_URL });
  }
});

test('a wrong token is unauthorized, and has no permission', async () => {
  try {
    MediaLibrary.configure({ token: 'not-the-token' });
    await rejectsWith(MediaLibrary.getAssetsAsync(), 'unauthorized');
    assert.equal((await MediaLibrary.getPermissionsAsync()).status, 'denied');
    assert.equal((await MediaLibrary.getPermissionsAsync()).granted, false);
  } finally {
    MediaLibrary.configure({ token: TOKEN });
  }
  assert.equal((await MediaLibrary.getAssetsAsync({ first: 1 })).assets.length, 1);
});

test('configure refuses what is not a server or a token', () => {
  for (const [options, parameter] of [
    [{ url: 'ftp://example.org/' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ token: '' }, 'token'],
    [{ token: 42 }, 'token'],
    [null, 'options'],
  ]) {
    assert.throws(
      () => MediaLibrary.configure(options),
      (e) => e instanceof Error && e.code === 'invalid_argument' && e.details.parameter === parameter,
    );
  }
});

test('errors are Errors with the code and the details of the server', async () => {
  const error = await MediaLibrary.deleteAssetsAsync(['no-such-asset']).catch((e) => e);
  assert.ok(error instanceof Error);
  assert.ok(error instanceof MediaLibrary.CamrollError);
  assert.equal(error.code, 'not_found');
  assert.deepEqual(error.details.ids, ['no-such-asset']);
  assert.match(error.message, /no-such-asset/);
});
