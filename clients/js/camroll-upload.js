// Uploads of what createAssetAsync and an album's first file take: a File or Blob, a URL, or in
// Node a path or file:// URI. A file of the disk is sent as the server reads it, never whole in
// memory.

import { CamrollError, answerOf, apiUrl, authHeaders, invalidArgument, request } from './camroll-transport.js';

/** How much of a file one read takes. */
const READ_SIZE = 64 * 1024;
/** How long a file waits for the server's 100 Continue before it is sent anyway. */
const CONTINUE_WAIT_MS = 1000;

const IS_NODE = typeof process !== 'undefined' && process.versions?.node !== undefined;

/** The extension the server expects for a Blob without a name, by its type. */
const EXTENSIONS = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/avif': 'avif',
  'image/tiff': 'tiff',
  'image/bmp': 'bmp',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
};

/**
 * The upload of a source: `{ body, filename, type }`. `parameter` names the argument in errors.
 */
/**
 * Uploads a source to an upload route of the API (`path`, with `query` and the file's name in
 * `filename`) and resolves to the server's answer. `parameter` names the source in errors.
 */
export async function upload(path, query, source, parameter = 'localUri') {
  const file = localFileOf(source, parameter);
  if (file !== null) {
    return sendFile(path, query, await file, parameter);
  }
  const { body, filename, type } = await blobOf(source, parameter);
  return request('POST', path, { query: { ...query, filename }, body, headers: { 'Content-Type': type } });
}

/** In Node, the path a source names on this machine (a promise), or null for a web source. */
function localFileOf(source, parameter) {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return null;
  }
  if (source instanceof URL) {
    return source.protocol === 'file:' ? pathOf(source, parameter) : null;
  }
  if (typeof source !== 'string' || source.length === 0) {
    throw invalidArgument(parameter, `Invalid argument "${parameter}". It must be a string, a URL, a File or a Blob!`);
  }
  const hasScheme = /^[a-z][a-z0-9+.-]+:/i.test(source);
  if (source.startsWith('file:') || (IS_NODE && !hasScheme)) {
    return pathOf(source, parameter);
  }
  return null;
}

async function pathOf(source, parameter) {
  if (!IS_NODE) {
    throw invalidArgument(parameter, 'a browser cannot read file: URIs; pass a File from an <input type="file">');
  }
  const { fileURLToPath } = await import('node:url');
  return source instanceof URL || source.startsWith('file:') ? fileURLToPath(source) : source;
}

/** A web source (File, Blob, or the bytes of a URL) as `{ body, filename, type }`. */
async function blobOf(source, parameter) {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return { body: source, filename: nameOfBlob(source, parameter), type: source.type || 'application/octet-stream' };
  }
  let url;
  try {
    url = new URL(source, globalThis.location?.href);
  } catch {
    throw invalidArgument(parameter, `not a URL: ${source}`);
  }
  return urlUpload(url, parameter);
}

function nameOfBlob(blob, parameter) {
  if (typeof blob.name === 'string' && blob.name.length > 0) {
    return blob.name;
  }
  const extension = EXTENSIONS[(blob.type || '').split(';')[0].trim().toLowerCase()];
  if (!extension) {
    throw invalidArgument(parameter, 'a Blob without a name needs a media type (image/jpeg, video/mp4, ...)');
  }
  return `upload.${extension}`;
}

/**
 * A file of this machine (Node only), sent from the disk as the server reads it, with its length
 * and `Expect: 100-continue`: a server that refuses it by its length, its name or its caller says
 * so before a byte is sent, so the refusal is heard rather than a connection cut under a body
 * still being sent. Node's http, not fetch: fetch reads a Blob whole into memory, and sends a
 * stream without its length.
 */
async function sendFile(path, query, file, parameter) {
  const [{ open }, { basename }, http, https] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
    import('node:http'),
    import('node:https'),
  ]);
  let handle;
  try {
    handle = await open(file);
  } catch (e) {
    throw invalidArgument(parameter, `no file at ${file} (${e.code ?? e.message})`);
  }
  let size;
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw invalidArgument(parameter, `${file} is not a file`);
    }
    size = info.size;
  } catch (e) {
    await handle.close();
    throw e;
  }
  const url = apiUrl(path, { ...query, filename: basename(file) });
  const headers = authHeaders({
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(size),
    Expect: '100-continue',
  });
  return new Promise((resolve, reject) => {
    const call = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', headers });
    let sending = false;
    let answered = false;
    const send = () => {
      if (!sending && !answered) {
        sending = true;
        const bytes = handle.createReadStream({ highWaterMark: READ_SIZE, autoClose: false });
        bytes.on('error', (e) => call.destroy(e));
        bytes.pipe(call);
      }
    };
    // A server (or proxy) that never answers the expectation still gets the file, a little later.
    const patience = setTimeout(send, CONTINUE_WAIT_MS);
    const finish = (response, text) => {
      // A refusal ends the upload: nothing more of the file is sent.
      call.destroy();
      try {
        resolve(answerOf(response.statusCode, response.statusMessage, text));
      } catch (e) {
        reject(e);
      }
    };
    call.on('continue', send);
    call.on('response', (response) => {
      answered = true;
      clearTimeout(patience);
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('error', () => finish(response, text));
      response.on('end', () => finish(response, text));
    });
    call.on('error', (e) => {
      clearTimeout(patience);
      if (!answered) {
        reject(
          new CamrollError('unavailable', `the server cannot be reached: ${e?.message ?? e}`, {
            cause: String(e?.code ?? e),
          }),
        );
      }
    });
    call.on('close', () => {
      clearTimeout(patience);
      handle.close().catch(() => {});
    });
  });
}

/** A URL of the web (or blob: and data: URLs of a page): its bytes, named by its path or type. */
async function urlUpload(url, parameter) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new CamrollError('unavailable', `${url.href} cannot be read: ${e?.message ?? e}`, { parameter });
  }
  if (!response.ok) {
    throw invalidArgument(parameter, `${url.href} answered ${response.status}`);
  }
  const blob = await response.blob();
  const last = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  const filename = /\.[A-Za-z0-9]+$/.test(last) && url.protocol !== 'blob:' ? last : nameOfBlob(blob, parameter);
  return { body: blob, filename, type: blob.type || 'application/octet-stream' };
}
