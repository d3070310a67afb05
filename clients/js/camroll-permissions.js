// expo-media-library's permission calls over the server's /permissions routes. An app's token
// gets its own grant; a request opens a consent request that the library's owner answers on the
// server's consent page, whose URL the module hands to the app (onConsentUrl) to open.

import { CamrollError, consentUrlHandler, invalidArgument, request } from './camroll-transport.js';

/** How long one call waits on the server for the owner's answer before asking again. */
const WAIT_SECONDS = 25;
const GRANULAR = ['audio', 'photo', 'video'];

/** The caller's permission state; a token the server refuses has none. */
export async function getPermissionsAsync(writeOnly = false, granularPermissions) {
  checkPermissionArguments(writeOnly, granularPermissions);
  try {
    const query = { writeOnly, granular: granularPermissions?.length ? granularPermissions.join(',') : undefined };
    return await request('GET', 'permissions', { query });
  } catch (e) {
    if (e instanceof CamrollError && (e.code === 'unauthorized' || e.code === 'forbidden')) {
      return refused();
    }
    throw e;
  }
}

/**
 * Asks the owner when the app lacks what it names and may ask: the consent page's URL goes to
 * `options.onConsentUrl` (or configure's), and the promise resolves with the state once the owner
 * has answered. Answered at once when there is nothing to ask.
 */
export async function requestPermissionsAsync(writeOnly = false, granularPermissions, options = {}) {
  checkPermissionArguments(writeOnly, granularPermissions);
  const asked = await request('POST', 'permissions/request', {
    json: { writeOnly, granularPermissions: granularPermissions ?? [], wait: 0 },
  });
  return responseOf(await untilAnswered(asked, options));
}

/**
 * Asks the owner for a new selection (the current one preselected) of these media types, and
 * resolves once it is made; nothing to do for an app that sees everything.
 */
export async function presentPermissionsPickerAsync(mediaTypes = ['photo', 'video'], options = {}) {
  if (!Array.isArray(mediaTypes) || mediaTypes.some((type) => !GRANULAR.includes(type))) {
    throw invalidArgument('mediaTypes', 'mediaTypes must be a list of photo, video and audio');
  }
  const opened = await request('POST', 'permissions/picker', { json: { mediaTypes } });
  if (opened.requestId) {
    await untilAnswered(opened, options);
  }
}

async function untilAnswered(asked, options) {
  let answer = asked;
  if (!answer.pending) {
    return answer;
  }
  const onConsentUrl = options?.onConsentUrl ?? consentUrlHandler();
  if (onConsentUrl) {
    await onConsentUrl(answer.consentUrl);
  }
  // A long poll on the same request: the server answers when the owner does, or after the wait.
  while (answer.pending) {
    answer = await request('POST', 'permissions/request', { json: { requestId: answer.requestId, wait: WAIT_SECONDS } });
  }
  return answer;
}

/** The state alone, without the request that led to it. */
function responseOf({ requestId, consentUrl, pending, ...response }) {
  return response;
}

function checkPermissionArguments(writeOnly, granularPermissions) {
  if (typeof writeOnly !== 'boolean') {
    throw invalidArgument('writeOnly', 'writeOnly must be a boolean');
  }
  if (
    granularPermissions !== undefined &&
    (!Array.isArray(granularPermissions) || granularPermissions.some((p) => !GRANULAR.includes(p)))
  ) {
    throw invalidArgument('granularPermissions', 'granularPermissions must be a list of audio, photo and video');
  }
}

function refused() {
  return {
    status: 'denied',
    granted: false,
    canAskAgain: false,
    expires: 'never',
    accessPrivileges: 'none',
    granularPermissions: [],
    writeOnly: false,
    location: false,
  };
}
