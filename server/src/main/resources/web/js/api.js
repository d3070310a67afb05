// The API of the server this page came from, through the session cookie. Every call that changes
// something carries the session's CSRF token. Two failures are the page's business rather
// than the caller's: a 401 (the session ended: back to sign-in) and the server out of reach (a
// banner, and the call tried again until the server answers).

const ROOT = '/api/v1';
const CSRF_KEY = 'camroll.csrf';

/** An answer of the API that is not a success, with the error body's code. */
export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

const hooks = { signedOut: () => {}, unreachable: () => {}, reachable: () => {} };

/** Who to tell when the session ends and when the server goes away or comes back. */
export function onSessionEvents(handlers) {
  Object.assign(hooks, handlers);
}

export function csrfToken() {
  return sessionStorage.getItem(CSRF_KEY);
}

/**
 * Takes up the session of the cookie (signed in on the sign-in page or through the first-start
 * link): its CSRF token, or false when there is no session.
 */
export async function resumeSession() {
  const response = await fetch(`${ROOT}/session`);
  if (!response.ok) {
    sessionStorage.removeItem(CSRF_KEY);
    return false;
  }
  const session = await response.json();
  sessionStorage.setItem(CSRF_KEY, session.csrfToken);
  return true;
}

export async function signOut() {
  try {
    await fetch(`${ROOT}/session`, { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken() || '' } });
  } finally {
    sessionStorage.removeItem(CSRF_KEY);
  }
}

export function forgetSession() {
  sessionStorage.removeItem(CSRF_KEY);
}

async function errorOf(response) {
  try {
    const body = await response.json();
    const { code, message, ...details } = body.error;
    return new ApiError(response.status, code, message, details);
  } catch {
    return new ApiError(response.status, 'http_' + response.status, `the server answered ${response.status}`);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the API; JSON in and out. A network failure shows the banner and tries again (0.5 s,
 * doubling up to 5 s) until the server answers, so no caller has to handle a restart.
 */
export async function call(method, path, body) {
  const headers = {};
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken() || '';
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let wait = 500;
  for (;;) {
    let response;
    try {
      response = await fetch(ROOT + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      hooks.unreachable();
      await sleep(wait);
      wait = Math.min(wait * 2, 5000);
      continue;
    }
    hooks.reachable();
    if (response.status === 401) {
      hooks.signedOut();
      throw await errorOf(response);
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      // A proxy in front of a server that is restarting.
      hooks.unreachable();
      await sleep(wait);
      wait = Math.min(wait * 2, 5000);
      continue;
    }
    if (!response.ok) {
      throw await errorOf(response);
    }
    if (response.status === 204) {
      return null;
    }
    return response.json();
  }
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);

/** The query string of the parameters that are set. */
export function query(parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

export const thumbnailUrl = (id, size = 'grid') => `${ROOT}/assets/${encodeURIComponent(id)}/thumbnail?size=${size}`;
export const originalUrl = (id) => `${ROOT}/assets/${encodeURIComponent(id)}/original`;
export const renditionUrl = (id) => `${ROOT}/assets/${encodeURIComponent(id)}/rendition`;
export const pairedVideoUrl = (id) => `${ROOT}/assets/${encodeURIComponent(id)}/paired-video`;

/**
 * Uploads one file as the raw body, reporting progress (fetch cannot report an upload's progress).
 * Resolves with the new asset; rejects with the server's error for this file.
 */
export function upload(file, album, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${ROOT}/assets${query({ filename: file.name, album })}`);
    request.setRequestHeader('X-CSRF-Token', csrfToken() || '');
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    };
    request.onload = () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not the API's answer: reported by its status below.
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body);
      } else if (body && body.error) {
        if (request.status === 401) {
          hooks.signedOut();
        }
        const { code, message, ...details } = body.error;
        reject(new ApiError(request.status, code, message, details));
      } else {
        reject(new ApiError(request.status, 'http_' + request.status, `the server answered ${request.status}`));
      }
    };
    request.onerror = () => reject(new ApiError(0, 'unavailable', 'the server could not be reached'));
    request.send(file);
  });
}
