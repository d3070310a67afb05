// Uploads by the file dialog or by dropping files on the page: each file its own request, two at
// a time, with its own progress bar and, when the server refuses it, the server's words for that
// file; a refused file does not stop the others. New assets reach the grid through the event stream.
// A file over the server's upload limit is refused here, before a byte is sent: the server refuses
// it by its length, but a browser still sending a large body may see the connection closed under
// it instead of the answer.

import * as api from './api.js';
import { $, element } from './dom.js';

const PARALLEL = 2;

/** A size in the units people read: 195 KB, 3.4 MB, 4 GB. */
export function size(bytes) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

function tooLarge(file, limit) {
  return `too large: ${size(file.size)}, the server takes files up to ${size(limit)}`;
}

export class Uploads {
  constructor(currentAlbum) {
    this.currentAlbum = currentAlbum;
    this.queue = [];
    this.running = 0;
    this.panel = $('#uploads');
    this.list = $('#upload-list');
    this.input = $('#file-input');
    this.drop = $('#drop-zone');
    this.depth = 0;
    // Asked once; until it answers (or if it cannot), the server's own 413 decides.
    this.limit = api
      .get('/limits')
      .then((limits) => limits.uploadMaxBytes)
      .catch(() => Infinity);
    this.handlers = [
      [$('#upload-button'), 'click', () => this.input.click()],
      [this.input, 'change', () => {
        this.add([...this.input.files]);
        this.input.value = '';
      }],
      [$('#uploads-close'), 'click', () => {
        this.panel.hidden = true;
      }],
      [window, 'dragenter', (event) => this.dragEnter(event)],
      [window, 'dragover', (event) => {
        if (this.carriesFiles(event)) {
          event.preventDefault();
        }
      }],
      [window, 'dragleave', () => {
        this.depth = Math.max(0, this.depth - 1);
        if (this.depth === 0) {
          this.drop.hidden = true;
        }
      }],
      [window, 'drop', (event) => this.dropped(event)],
    ];
    for (const [target, type, handler] of this.handlers) {
      target.addEventListener(type, handler);
    }
  }

  close() {
    for (const [target, type, handler] of this.handlers) {
      target.removeEventListener(type, handler);
    }
  }

  carriesFiles(event) {
    return event.dataTransfer && [...event.dataTransfer.types].includes('Files');
  }

  dragEnter(event) {
    if (this.carriesFiles(event)) {
      this.depth++;
      this.drop.hidden = false;
    }
  }

  dropped(event) {
    if (!this.carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    this.depth = 0;
    this.drop.hidden = true;
    this.add([...event.dataTransfer.files]);
  }

  add(files) {
    const album = this.currentAlbum();
    for (const file of files) {
      const item = element('li', 'upload');
      item.append(element('span', 'upload-name', file.name));
      const progress = element('progress');
      progress.max = 1;
      progress.value = 0;
      progress.setAttribute('aria-label', `Upload of ${file.name}`);
      const status = element('span', 'upload-status', 'Waiting');
      item.append(progress, status);
      this.list.append(item);
      this.queue.push({ file, album, item, progress, status });
    }
    this.panel.hidden = false;
    this.pump();
  }

  pump() {
    while (this.running < PARALLEL && this.queue.length > 0) {
      const job = this.queue.shift();
      this.running++;
      job.status.textContent = 'Uploading';
      this.send(job)
        .then(() => {
          job.progress.value = 1;
          job.item.classList.add('done');
          job.status.textContent = 'Added';
        })
        .catch(async (error) => {
          job.item.classList.add('failed');
          job.status.textContent = error.code === 'too_large' ? tooLarge(job.file, await this.limit) : error.message;
          job.item.dataset.code = error.code;
        })
        .finally(() => {
          this.running--;
          this.pump();
        });
    }
  }

  async send(job) {
    if (job.file.size > (await this.limit)) {
      throw new api.ApiError(413, 'too_large', 'too large');
    }
    return api.upload(job.file, job.album, (fraction) => {
      job.progress.value = fraction;
    });
  }
}
