import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as MediaLibrary from '../camroll.js';
import { SERVER_URL, TOKEN } from '../testing/helpers.js';

// Apps whose requests the owner answers each in one way (JsModuleTest's OwnerAnswers): "allows",
// "selects" (one photo, two on reselection), "denies", "once" (for a second).
const APPS = JSON.parse(process.env.CAMROLL_APPS ?? '{}');

/** Runs `body` as the app `name`, the consent page's URLs it was given collected in `urls`. */
async function asApp(name, body) {
  assert.ok(APPS[name], `no app ${name} in CAMROLL_APPS`);
  const urls = [];
  MediaLibrary.configure({ token: APPS[name], onConsentUrl: (url) => urls.push(url) });
  try {
    await body(urls);
  } finally {
    MediaLibrary.configure({ token: TOKEN, onConsentUrl: null });
  }
}

test('an app with no grant asks, and the call resolves when the owner allows all', async () => {
  const ownersPhotos = (await MediaLibrary.getAssetsAsync({ mediaType: 'photo' })).totalCount;
  await asApp('allows', async (urls) => {
    const before = await MediaLibrary.getPermissionsAsync(false, ['photo']);
    assert.equal(before.status, 'undetermined');
    assert.equal(before.granted, false);
    assert.equal(before.canAskAgain, true);
    assert.equal(before.accessPrivileges, 'none');
    assert.equal((await MediaLibrary.getAssetsAsync()).totalCount, 0);

    const answered = await MediaLibrary.requestPermissionsAsync(false, ['photo']);
    assert.equal(urls.length, 1);
    assert.ok(urls[0].startsWith(new URL('oauth/selection/', SERVER_URL).href), urls[0]);
    assert.deepEqual(answered, {
      status: 'granted',
      granted: true,
      canAskAgain: true,
      expires: 'never',
      accessPrivileges: 'all',
      granularPermissions: ['photo'],
      writeOnly: false,
      location: false,
    });
    assert.deepEqual(await MediaLibrary.getPermissionsAsync(false, ['photo']), answered);
    assert.equal((await MediaLibrary.getAssetsAsync({ mediaType: 'photo' })).totalCount, ownersPhotos);

    const again = await MediaLibrary.requestPermissionsAsync(false, ['photo']);
    assert.equal(again.granted, true);
    assert.equal(urls.length, 1, 'nothing to ask: the owner is not sent to the page');
  });
});

test('a selection makes the app limited, and the picker lets the owner add to it', async () => {
  await asApp('selects', async (urls) => {
    const answered = await MediaLibrary.requestPermissionsAsync();
    assert.equal(answered.status, 'granted');
    assert.equal(answered.accessPrivileges, 'limited');
    assert.equal((await MediaLibrary.getAssetsAsync()).totalCount, 1);

    assert.equal(await MediaLibrary.presentPermissionsPickerAsync(['photo']), undefined);
    assert.equal(urls.length, 2);
    assert.equal((await MediaLibrary.getAssetsAsync()).totalCount, 2);
  });
});

test('a per-call onConsentUrl is used before the configured one', async () => {
  await asApp('denies', async (urls) => {
    const own = [];
    const first = await MediaLibrary.requestPermissionsAsync(false, undefined, { onConsentUrl: (url) => own.push(url) });
    assert.equal(own.length, 1);
    assert.equal(urls.length, 0);
    assert.equal(first.status, 'denied');
    assert.equal(first.canAskAgain, true);
  });
});

test('denied twice, the app may not ask again and is answered at once', async () => {
  await asApp('denies', async (urls) => {
    const second = await MediaLibrary.requestPermissionsAsync();
    assert.equal(second.status, 'denied');
    assert.equal(second.canAskAgain, false);
    const third = await MediaLibrary.requestPermissionsAsync();
    assert.equal(third.canAskAgain, false);
    assert.equal(urls.length, 1, 'the third request did not reach the owner');
    assert.equal((await MediaLibrary.getAssetsAsync()).totalCount, 0);
  });
});

test('a one-time grant that has ended is undetermined again', async () => {
  await asApp('once', async () => {
    const once = await MediaLibrary.requestPermissionsAsync();
    assert.equal(once.status, 'granted');
    assert.equal(typeof once.expires, 'number');
    assert.ok((await MediaLibrary.getAssetsAsync()).totalCount > 0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, once.expires - Date.now()) + 300));
    const after = await MediaLibrary.getPermissionsAsync();
    assert.equal(after.status, 'undetermined');
    assert.equal(after.expires, 'never');
    assert.equal((await MediaLibrary.getAssetsAsync()).totalCount, 0);
  });
});

test('configure refuses an onConsentUrl that is not a function', () => {
  assert.throws(
    () => MediaLibrary.configure({ onConsentUrl: 'https://example.org/' }),
    (e) => e.code === 'invalid_argument' && e.details.parameter === 'onConsentUrl',
  );
});
