// The one way to the server shared by the classic API, the object API and the event stream: where
// the server is, the owner's token, and the one place where an answer that is not a success becomes
// an Error with the server's code.

/** The API's root under the server's URL. */
const API_ROOT = 'api/v1/';

/**
 * Where the module was loaded from: served by a Camroll server, the server itself is the default,
 * so a page of the server needs no URL.
 */
function defaultUrl() {
  try {
    const here = new URL('.', import.meta.url);
    return here.protocol === 'http:' || here.protocol === 'https:' ? here.href : null;
  } catch {
    return null;
  }
}

const settings = { url: defaultUrl(), token: null, csrfToken: null, onConsentUrl: null };

/**
 * An error of the library, as expo's are: an Error with a `code`. The codes are the server's
 * (`invalid_argument`, `not_found`, `not_media`, `too_large`, `conflict`, `unauthorized`,
 * `unavailable`, ...), and what the server said about it stays in `details` (`parameter`, `ids`).
 */
export class CamrollError extends Error {
  constructor(code, message, details = {}) {
    super(message);
    this.name = 'CamrollError';
    this.code = code;
    this.details = details;
  }
}

/** A refused argument, found before anything is sent. */
export function invalidArgument(parameter, message) {
  return new CamrollError('invalid_argument', message, { parameter });
}

/**
 * Says which server to talk to and with which token. `url` is the server's root
 * (`http://127.0.0.1:8420/`); `token` its owner's token (sent as a bearer token). A page of the
 * server signed in with a session may give its `csrfToken` instead of a token.
 */
export function configure(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw invalidArgument('options', 'configure takes an object { url, token }');
  }
  const { url, token, csrfToken, onConsentUrl } = options;
  if (url !== undefined) {
    let parsed;
    try {
      parsed = new URL(String(url), globalThis.location?.href);
    } catch {
      throw invalidArgument('url', `not a URL: ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw invalidArgument('url', `the server's URL must be http or https, got ${url}`);
    }
    settings.url = parsed.href.endsWith('/') ? parsed.href : parsed.href + '/';
  }
  if (token !== undefined) {
    if (token !== null && (typeof token !== 'string' || token.length === 0)) {
      throw invalidArgument('token', 'the token must be a non-empty string');
    }
    settings.token = token;
  }
  if (csrfToken !== undefined) {
    settings.csrfToken = csrfToken;
  }
  if (onConsentUrl !== undefined) {
    if (onConsentUrl !== null && typeof onConsentUrl !== 'function') {
      throw invalidArgument('onConsentUrl', 'onConsentUrl must be a function taking the consent page\'s URL');
    }
    settings.onConsentUrl = onConsentUrl;
  }
}

/** What configure was given to hand the consent page's URL to (null for nothing). */
export function consentUrlHandler() {
  return settings.onConsentUrl ?? null;
}

/** Whether a server is set. */
export function isConfigured() {
  return settings.url !== null && typeof globalThis.fetch === 'function';
}

/** The URL of a path of the API, with its query parameters (undefined ones left out). */
export function apiUrl(path, query = {}) {
  if (settings.url === null) {
    throw new CamrollError('unavailable', 'no server: call configure({ url, token }) first');
  }
  const url = new URL(API_ROOT + path.replace(/^\//, ''), settings.url);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
}

/** The headers every call sends: the token, or the session's CSRF token. */
export function authHeaders(extra = {}) {
  const headers = { ...extra };
  if (settings.token) {
    headers.Authorization = `Bearer ${settings.token}`;
  } else if (settings.csrfToken) {
    headers['X-CSRF-Token'] = settings.csrfToken;
  }
  return headers;
}

/**
 * Calls the API: `json` is sent as a JSON body, `body` as it is (the Blob of an upload).
 * Resolves to the parsed answer, or undefined for an answer without a body (204).
 */
export async function request(method, path, { query, json, body, headers = {}, signal } = {}) {
  const init = { method, headers: authHeaders(headers), signal };
  // A page of the server without a token rides on its session cookie; another origin never does.
  init.credentials = settings.token ? 'omit' : 'same-origin';
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await send(apiUrl(path, query), init);
  return read(response);
}

/** fetch, with a server out of reach as the error `unavailable`. */
export async function send(url, init) {
  try {
    return await fetch(url, init);
  } catch (e) {
    if (e?.name === 'AbortError') {
      throw e;
    }
    throw new CamrollError('unavailable', `the server at ${settings.url} cannot be reached: ${e?.message ?? e}`, {
      cause: String(e?.cause?.code ?? e?.cause ?? e),
    });
  }
}

/** The parsed answer of a success, else the server's error as a CamrollError. */
export async function read(response) {
  let text = '';
  try {
    text = await response.text();
  } catch (e) {
    if (response.ok) {
      throw new CamrollError('unavailable', `the answer of the server was cut off: ${e?.message ?? e}`);
    }
    // The body of an error was cut off: the status still says what happened.
  }
  return answerOf(response.status, response.statusText, text);
}

/** The parsed body of a success (undefined when empty), else the server's error as a CamrollError. */
export function answerOf(status, statusText, text) {
  if (status >= 200 && status < 300) {
    return text.length === 0 ? undefined : JSON.parse(text);
  }
  try {
    const { error } = JSON.parse(text);
    if (error && typeof error.code === 'string') {
      const { code, message, ...details } = error;
      throw new CamrollError(code, message ?? code, details);
    }
  } catch (e) {
    if (e instanceof CamrollError) {
      throw e;
    }
    // Not the API's error body (a proxy's page, say): the status tells the code.
  }
  const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'invalid_argument');
  throw new CamrollError(code, `the server answered ${status} ${statusText ?? ''}`.trim(), { status });
}

const CODE_OF_STATUS = {
  400: 'invalid_argument',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'not_media',
  503: 'unavailable',
  507: 'no_space',
};
