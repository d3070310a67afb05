// The library's change events for addListener: one stream of the server's /api/v1/events shared
// by all listeners, read over fetch (Node 20 has no EventSource, and EventSource cannot send the
// token), opened with the first listener and closed with the last. After a drop it opens again
// from the last change it heard, so nothing is missed.

import { apiUrl, authHeaders, request, send } from './camroll-transport.js';

/** Waits between reconnections: from the first to the last, doubling. */
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 2000;
/** The server sends a comment every 15 s: three missed ones mean the connection is dead. */
const SILENCE_MS = 45_000;
/** Above this many changed assets in one event, the event asks for a full reload, as iOS does. */
const MAX_RESOLVED = 200;
/** How many assets of an event are read at once. */
const PARALLEL_READS = 8;

const listeners = new Set();
let stream = null;

/** Adds a listener; the first one opens the stream. */
export function subscribe(listener) {
  listeners.add(listener);
  if (stream === null) {
    stream = new EventStream();
  }
  let removed = false;
  return {
    remove() {
      if (!removed) {
        removed = true;
        unsubscribe(listener);
      }
    },
  };
}

function unsubscribe(listener) {
  listeners.delete(listener);
  if (listeners.size === 0 && stream !== null) {
    stream.close();
    stream = null;
  }
}

/** Removes every listener and closes the stream. */
export function unsubscribeAll() {
  listeners.clear();
  if (stream !== null) {
    stream.close();
    stream = null;
  }
}

/** Resolves once the stream is open (the server has said so), for callers that must not miss a change. */
export function whenListening() {
  return stream === null ? Promise.resolve() : stream.opened;
}

class EventStream {
  constructor() {
    this.closed = false;
    this.abort = null;
    this.lastEventId = null;
    // Events reach listeners one after another, in the order the server sent them.
    this.delivery = Promise.resolve();
    this.opened = new Promise((resolve) => {
      this.markOpen = resolve;
    });
    this.run();
  }

  close() {
    this.closed = true;
    this.abort?.abort();
    this.markOpen();
  }

  async run() {
    let wait = FIRST_RETRY_MS;
    try {
      // From the token of now, so that a change committed after addListener returned is heard.
      this.lastEventId = (await request('GET', 'changes/token')).token;
    } catch {
      // The stream's own connection starts from now too; errors show there and are retried.
    }
    while (!this.closed) {
      try {
        if (await this.readOnce()) {
          wait = FIRST_RETRY_MS;
        }
      } catch {
        // A drop, a refused connection or a dead silence: open again after a short wait.
      }
      if (this.closed) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, LAST_RETRY_MS);
    }
  }

  /** Reads one connection until it ends; true if it delivered anything. */
  async readOnce() {
    const abort = new AbortController();
    this.abort = abort;
    let silence = setTimeout(() => abort.abort(), SILENCE_MS);
    const headers = authHeaders({ Accept: 'text/event-stream' });
    if (this.lastEventId) {
      headers['Last-Event-ID'] = this.lastEventId;
    }
    let heard = false;
    try {
      const response = await send(apiUrl('events'), { headers, signal: abort.signal, cache: 'no-store' });
      if (!response.ok || response.body === null) {
        return false;
      }
      const parser = new EventParser((event) => {
        heard = true;
        this.markOpen();
        if (event.id) {
          this.lastEventId = event.id;
        }
        if (event.type === 'change' && event.data) {
          this.deliver(JSON.parse(event.data));
        }
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return heard;
        }
        clearTimeout(silence);
        silence = setTimeout(() => abort.abort(), SILENCE_MS);
        parser.push(value);
      }
    } finally {
      clearTimeout(silence);
    }
  }

  deliver(changes) {
    this.delivery = this.delivery
      .then(() => expoEventOf(changes))
      .then((event) => {
        for (const listener of [...listeners]) {
          try {
            listener(event);
          } catch (e) {
            // A failing listener must not stop the others nor the stream.
            queueMicrotask(() => {
              throw e;
            });
          }
        }
      })
      .catch(() => {});
  }
}

/** Server-sent events parsed from text as it arrives (comments included, as `comment` events). */
class EventParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.type = '';
    this.data = [];
    this.id = null;
  }

  push(text) {
    this.buffer += text;
    let end;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, end);
      const eol = this.buffer.startsWith('\r\n', end) ? 2 : 1;
      this.buffer = this.buffer.slice(end + eol);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0 || this.type) {
        this.onEvent({ type: this.type || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      this.onEvent({ type: 'comment', data: line.slice(1).trim(), id: null });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.type = value;
    } else if (field === 'data') {
      this.data.push(value);
    } else if (field === 'id') {
      this.id = value;
    }
  }
}

/**
 * expo's event from the server's change set (which names ids): inserted and updated assets read in
 * full, deleted ones as `{ id }` (they are gone). Too many to read, or a change the server cannot
 * describe, is `hasIncrementalChanges: false`: reload.
 */
async function expoEventOf(changes) {
  const inserted = changes.insertedAssets ?? [];
  const updated = changes.updatedAssets ?? [];
  const deleted = changes.deletedAssets ?? [];
  if (!changes.hasIncrementalChanges || inserted.length + updated.length > MAX_RESOLVED) {
    return { hasIncrementalChanges: false };
  }
  const assets = await readAll([...inserted, ...updated]);
  const gone = [];
  const pick = (ids) =>
    ids.flatMap((id) => {
      const asset = assets.get(id);
      if (asset === undefined) {
        // Deleted again before it could be read.
        gone.push({ id });
        return [];
      }
      return [asset];
    });
  const insertedAssets = pick(inserted);
  const updatedAssets = pick(updated);
  return {
    hasIncrementalChanges: true,
    insertedAssets,
    updatedAssets,
    deletedAssets: [...deleted.map((id) => ({ id })), ...gone],
  };
}

async function readAll(ids) {
  const assets = new Map();
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++];
      try {
        assets.set(id, assetOf(await request('GET', `assets/${encodeURIComponent(id)}`)));
      } catch {
        // Not there any more: counted as deleted.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, ids.length) }, worker));
  return assets;
}

const ASSET_FIELDS = [
  'id',
  'filename',
  'uri',
  'mediaType',
  'mediaSubtypes',
  'width',
  'height',
  'creationTime',
  'modificationTime',
  'duration',
  'albumId',
];

/** An asset's own fields out of its info. */
export function assetOf(info) {
  const asset = {};
  for (const field of ASSET_FIELDS) {
    if (info[field] !== undefined) {
      asset[field] = info[field];
    }
  }
  return asset;
}
