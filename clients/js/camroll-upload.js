// What createAssetAsync and the album's first file take, made into the body of an upload: a File or
// Blob, a URL, or in Node a path or file:// URI. A file of the disk is streamed by fetch from the
// disk (a file-backed Blob), never read into memory first.

import { CamrollError, invalidArgument } from './camroll-transport.js';

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
export async function uploadOf(source, parameter = 'localUri') {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return { body: source, filename: nameOfBlob(source, parameter), type: source.type || 'application/octet-stream' };
  }
  if (source instanceof URL) {
    return source.protocol === 'file:' ? fileUpload(source, parameter) : urlUpload(source, parameter);
  }
  if (typeof source !== 'string' || source.length === 0) {
    throw invalidArgument(parameter, `Invalid argument "${parameter}". It must be a string, a URL, a File or a Blob!`);
  }
  if (IS_NODE && !/^[a-z][a-z0-9+.-]+:/i.test(source)) {
    return fileUpload(source, parameter);
  }
  let url;
  try {
    url = new URL(source, globalThis.location?.href);
  } catch {
    throw invalidArgument(parameter, `not a URL: ${source}`);
  }
  return url.protocol === 'file:' ? fileUpload(url, parameter) : urlUpload(url, parameter);
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

/** A file of this machine (Node only): a Blob backed by the file, which fetch streams. */
async function fileUpload(pathOrUrl, parameter) {
  if (!IS_NODE) {
    throw invalidArgument(parameter, 'a browser cannot read file: URIs; pass a File from an <input type="file">');
  }
  const [{ stat, open }, { openAsBlob, createReadStream }, { basename }, { fileURLToPath }] = await Promise.all([
    import('node:fs/promises'),
    import('node:fs'),
    import('node:path'),
    import('node:url'),
  ]);
  const path = pathOrUrl instanceof URL || pathOrUrl.startsWith('file:') ? fileURLToPath(pathOrUrl) : pathOrUrl;
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw invalidArgument(parameter, `no file at ${path} (${e.code ?? e.message})`);
  }
  if (!info.isFile()) {
    throw invalidArgument(parameter, `${path} is not a file`);
  }
  const filename = basename(path);
  if (typeof openAsBlob === 'function') {
    return { body: await openAsBlob(path), filename, type: 'application/octet-stream', length: info.size };
  }
  // Node versions without file-backed Blobs: the file as a stream, sent chunked.
  await (await open(path)).close();
  const { Readable } = await import('node:stream');
  return { body: Readable.toWeb(createReadStream(path)), filename, type: 'application/octet-stream' };
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
