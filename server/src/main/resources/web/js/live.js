// The library's changes as they happen, through the server's event stream: another tab, the
// command line, a file copied into the folder. The browser reconnects by itself and the server
// sends what was missed since the last event's id; changes that arrive together are handled once.

import * as api from './api.js';

const GATHER_MS = 50;

export class LiveChanges {
  constructor(onChanges) {
    this.onChanges = onChanges;
    this.pending = null;
    this.timer = 0;
    this.open();
  }

  open() {
    this.source = new EventSource('/api/v1/events');
    this.source.addEventListener('change', (event) => this.received(JSON.parse(event.data)));
    this.source.addEventListener('error', () => this.lost());
  }

  received(changes) {
    if (!this.pending) {
      this.pending = { hasIncrementalChanges: true, insertedAssets: [], updatedAssets: [], deletedAssets: [] };
    }
    const pending = this.pending;
    pending.hasIncrementalChanges = pending.hasIncrementalChanges && changes.hasIncrementalChanges !== false;
    pending.insertedAssets.push(...(changes.insertedAssets || []));
    pending.updatedAssets.push(...(changes.updatedAssets || []));
    pending.deletedAssets.push(...(changes.deletedAssets || []));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.pending = null;
      this.onChanges(pending);
    }, GATHER_MS);
  }

  /**
   * The stream dropped. The browser retries by itself while the server is away; one call of the
   * API shows the banner meanwhile, and tells a stream refused for an ended session (which the
   * browser gives up on) from a server that is gone.
   */
  async lost() {
    if (this.checking) {
      return;
    }
    this.checking = true;
    try {
      await api.get('/changes/token');
      if (this.source.readyState === EventSource.CLOSED && !this.closed) {
        this.open();
      }
    } catch {
      // Signed out: the page goes back to sign-in and closes this.
    } finally {
      this.checking = false;
    }
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.source.close();
  }
}
