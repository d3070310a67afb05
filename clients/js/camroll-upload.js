// What createAssetAsync and the album's first file take, made into the body of an upload: a File or
// Blob, a URL, or in Node a path or file:// URI. A file of the disk is sent as a stream read from
// the disk, never whole in memory.

import { CamrollError, invalidArgument } from './camroll-transport.js';

/** How much of a file one read takes. */
const READ_SIZE = 64 * 1024;

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

/** A file of this machine (Node only), as a stream of its bytes. */
async function fileUpload(pathOrUrl, parameter) {
  if (!IS_NODE) {
    throw invalidArgument(parameter, 'a browser cannot read file: URIs; pass a File from an <input type="file">');
  }
  const [{ open }, { basename }, { fileURLToPath }] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
    import('node:url'),
  ]);
  const path = pathOrUrl instanceof URL || pathOrUrl.startsWith('file:') ? fileURLToPath(pathOrUrl) : pathOrUrl;
  let handle;
  try {
    handle = await open(path);
  } catch (e) {
    throw invalidArgument(parameter, `no file at ${path} (${e.code ?? e.message})`);
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw invalidArgument(parameter, `${path} is not a file`);
  }
  return { body: fileStream(handle), filename: basename(path), type: 'application/octet-stream' };
}

/**
 * The file's bytes, read as the upload asks for them. Not a Blob: Node's fetch reads a Blob body
 * (a file-backed one too) whole into memory before sending it.
 */
function fileStream(handle) {
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  return new ReadableStream({
    async pull(controller) {
      const buffer = new Uint8Array(READ_SIZE);
      try {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) {
          await close();
          controller.close();
        } else {
          controller.enqueue(buffer.subarray(0, bytesRead));
        }
      } catch (e) {
        await close();
        controller.error(e);
      }
    },
    cancel: close,
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
