// What every test file shares: the live server of the test run (JsModuleTest starts it and passes
// it in the environment), the module configured for it, and the test's files.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { configure } from '../camroll.js';

export const SERVER_URL = required('CAMROLL_URL');
export const TOKEN = required('CAMROLL_TOKEN');
/** The library's folder, where a test copies files as another program would. */
export const LIBRARY = required('CAMROLL_LIBRARY');
/** Files outside the library to upload: upload.jpg, second.jpg, copied.jpg, upload.mp4, not-a-photo.jpg. */
export const FIXTURES = required('CAMROLL_FIXTURES');
export const OTHER_ORIGIN = required('CAMROLL_OTHER_ORIGIN');
/** The server's upload limit in bytes. */
export const UPLOAD_LIMIT = Number(required('CAMROLL_UPLOAD_LIMIT'));

configure({ url: SERVER_URL, token: TOKEN });

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: these tests run against a server that JsModuleTest starts`);
  }
  return value;
}

export function fixture(name) {
  return join(FIXTURES, name);
}

/** Asserts that the call fails with an Error of this code (and, if given, naming this parameter). */
export async function rejectsWith(call, code, parameter) {
  await assert.rejects(call, (e) => {
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.equal(e.code, code, `code of: ${e.message}`);
    if (parameter !== undefined) {
      assert.equal(e.details?.parameter, parameter, `parameter of: ${e.message}`);
    }
    return true;
  });
}

/** A name no other test uses. */
export function unique(prefix) {
  return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
