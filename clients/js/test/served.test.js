import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { test } from 'node:test';
import { OTHER_ORIGIN, SERVER_URL, TOKEN } from '../testing/helpers.js';

/** Every module of the package: each one the others import must be served beside them. */
const FILES = (await readdir(new URL('..', import.meta.url))).filter((name) => name.endsWith('.js'));

test('the server serves the module files, byte for byte, as JavaScript anyone may import', async () => {
  assert.ok(FILES.includes('camroll.js') && FILES.includes('camroll-next.js'));
  for (const name of FILES) {
    const response = await fetch(new URL(name, SERVER_URL), { headers: { Origin: OTHER_ORIGIN } });
    assert.equal(response.status, 200, `${name}: ${response.status === 200 ? '' : await response.text()}`);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    const served = Buffer.from(await response.arrayBuffer());
    assert.deepEqual(served, await readFile(new URL(`../${name}`, import.meta.url)), `${name} is the tested file`);
    const again = await fetch(new URL(name, SERVER_URL), { headers: { 'If-None-Match': response.headers.get('etag') } });
    assert.equal(again.status, 304);
  }
  assert.equal((await fetch(new URL('camroll-other.js', SERVER_URL))).status, 404);
});

test('another origin may call the API with the token: preflight and answers allow it', async () => {
  const calls = [
    ['GET', 'api/v1/assets?first=1'],
    ['POST', 'api/v1/assets/delete'],
    ['PUT', 'api/v1/assets/x/favorite'],
    ['DELETE', 'api/v1/trash'],
    ['GET', 'api/v1/events'],
  ];
  for (const [method, path] of calls) {
    const preflight = await fetch(new URL(path, SERVER_URL), {
      method: 'OPTIONS',
      headers: {
        Origin: OTHER_ORIGIN,
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': 'authorization,content-type,last-event-id',
      },
    });
    assert.ok(preflight.status === 200 || preflight.status === 204, `${method} ${path}: ${preflight.status}`);
    assert.equal(preflight.headers.get('access-control-allow-origin'), OTHER_ORIGIN);
    const methods = (preflight.headers.get('access-control-allow-methods') ?? '').toUpperCase();
    assert.ok(methods.includes(method) || methods.includes('*'), `${method} allowed: ${methods}`);
    const headers = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'last-event-id']) {
      assert.ok(headers.includes(header) || headers.includes('*'), `${header} allowed for ${method}: ${headers}`);
    }
    assert.notEqual(preflight.headers.get('access-control-allow-credentials'), 'true');
  }
  const answer = await fetch(new URL('api/v1/assets?first=1', SERVER_URL), {
    headers: { Origin: OTHER_ORIGIN, Authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('access-control-allow-origin'), OTHER_ORIGIN);
  const refused = await fetch(new URL('api/v1/assets?first=1', SERVER_URL), {
    headers: { Origin: 'http://elsewhere.example', Authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
});
