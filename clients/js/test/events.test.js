import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import * as MediaLibrary from '../camroll.js';
import { LIBRARY, SERVER_URL, fixture, unique } from '../testing/helpers.js';

/** The next event for which `accept` is true, within `millis`. */
function nextEvent(accept, millis) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.remove();
      reject(new Error(`no such event within ${millis} ms`));
    }, millis);
    const subscription = MediaLibrary.addListener((event) => {
      if (accept(event)) {
        clearTimeout(timer);
        subscription.remove();
        resolve({ event, at: performance.now() });
      }
    });
  });
}

test('a listener hears a file copied into the folder within a second', async (t) => {
  const keepOpen = MediaLibrary.addListener(() => {});
  try {
    await MediaLibrary.whenListening();
    const name = `${unique('copied')}.jpg`;
    const heard = nextEvent((event) => event.insertedAssets?.some((asset) => asset.filename === name), 5000);
    const copied = performance.now();
    await copyFile(fixture('copied.jpg'), join(LIBRARY, 'Home', name));
    const { event, at } = await heard;
    const latency = at - copied;
    t.diagnostic(`heard ${Math.round(latency)} ms after the copy`);
    assert.ok(latency < 1000, `heard after ${Math.round(latency)} ms`);
    assert.equal(event.hasIncrementalChanges, true);
    const asset = event.insertedAssets.find((a) => a.filename === name);
    assert.equal(asset.mediaType, 'photo');
    assert.match(asset.uri, /^http/);
    assert.deepEqual(event.deletedAssets, []);
  } finally {
    keepOpen.remove();
  }
});

test('listeners hear inserts, updates and deletes made through the API, in expo\'s shape', async () => {
  const events = [];
  const subscription = MediaLibrary.addListener((event) => events.push(event));
  try {
    await MediaLibrary.whenListening();
    const asset = await MediaLibrary.createAssetAsync(fixture('second.jpg'));
    await MediaLibrary.setAssetFavoriteAsync(asset, true);
    await MediaLibrary.deleteAssetsAsync(asset);
    const deadline = Date.now() + 5000;
    while (!events.some((e) => e.deletedAssets?.some((a) => a.id === asset.id)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(events.some((e) => e.insertedAssets?.some((a) => a.id === asset.id) || e.updatedAssets?.some((a) => a.id === asset.id)));
    assert.ok(events.some((e) => e.deletedAssets?.some((a) => a.id === asset.id)));
    for (const event of events) {
      assert.deepEqual(Object.keys(event).sort(), ['deletedAssets', 'hasIncrementalChanges', 'insertedAssets', 'updatedAssets']);
    }
  } finally {
    MediaLibrary.removeSubscription(subscription);
  }
});

test('removeAllListeners stops every listener', async () => {
  let calls = 0;
  MediaLibrary.addListener(() => calls++);
  MediaLibrary.addListener(() => calls++);
  await MediaLibrary.whenListening();
  MediaLibrary.removeAllListeners();
  await MediaLibrary.createAssetAsync(fixture('second.jpg'));
  await new Promise((resolve) => setTimeout(resolve, 700));
  assert.equal(calls, 0);
  assert.throws(() => MediaLibrary.addListener('not a function'), (e) => e.code === 'invalid_argument');
  assert.throws(() => MediaLibrary.removeSubscription({}), (e) => e.code === 'invalid_argument');
});

test('after a dropped connection the stream opens again and hears what it missed', async () => {
  // A relay between the module and the server whose connections the test cuts, as a network would.
  const server = new URL(SERVER_URL);
  const sockets = new Set();
  const relay = createServer((client) => {
    const upstream = connect(Number(server.port), server.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const events = [];
  MediaLibrary.configure({ url: `http://127.0.0.1:${relay.address().port}/` });
  const subscription = MediaLibrary.addListener((event) => events.push(event));
  try {
    await MediaLibrary.whenListening();
    for (const socket of sockets) {
      socket.destroy();
    }
    // Written while the stream is down: the module must hear it once it is back.
    MediaLibrary.configure({ url: SERVER_URL });
    const asset = await MediaLibrary.createAssetAsync(fixture('second.jpg'));
    const deadline = Date.now() + 5000;
    while (!events.some((e) => e.insertedAssets?.some((a) => a.id === asset.id)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(events.some((e) => e.insertedAssets?.some((a) => a.id === asset.id)), 'heard after the drop');
  } finally {
    subscription.remove();
    MediaLibrary.configure({ url: SERVER_URL });
    relay.close();
    for (const socket of sockets) {
      socket.destroy();
    }
  }
});
