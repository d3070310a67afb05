// The timeline: a justified grid under day headers, newest first, loaded page by page over the
// API's cursor as it scrolls. Only the rows near the viewport are in the DOM: every row has a
// computed top, the scroller's canvas is as high as the whole laid-out grid (plus an estimate for
// what is not loaded yet), and a scroll re-renders only the rows that came into or left the band
// around the viewport. A tile is sized from the asset's width and height in the index before its
// thumbnail arrives, so nothing moves when it does.

import { aspectOf, dayKey, dayLabel, justify, monthKey } from './layout.js';
import { thumbnailUrl } from './api.js';
import { hasPairedVideo, playOnHover } from './paired-video.js';
import { addBadges } from './badges.js';

const HEADER = 44;
// One formatter for every tile's label: toLocaleString builds a new one at each call.
const labelTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const FIRST_PAGE = 200;
const NEXT_PAGE = 1000;
const JUMP_PAGE = 5000;

function metrics(width) {
  return width < 600 ? { target: 112, gap: 2 } : { target: 196, gap: 4 };
}

export class Timeline {
  /**
   * @param scroller the element that scrolls (its only child becomes the canvas)
   * @param load async (after, first) => AssetPage of this view
   * @param selection the shared Selection
   * @param onOpen (index) => void, to open the viewer
   * @param onChange () => void, after each page and each change (the scrubber listens)
   */
  constructor({ scroller, load, selection, onOpen, onChange, empty }) {
    this.scroller = scroller;
    this.load = load;
    this.selection = selection;
    this.onOpen = onOpen;
    this.onChange = onChange || (() => {});
    this.empty = empty;
    this.assets = [];
    this.index = new Map();
    this.cursor = null;
    this.hasNext = true;
    this.totalCount = 0;
    this.loading = null;
    this.rows = [];
    this.sections = [];
    this.rowOf = [];
    this.height = 0;
    this.rendered = new Map();
    this.focused = -1;
    this.width = 0;
    this.frame = 0;

    this.canvas = document.createElement('div');
    this.canvas.className = 'canvas';
    this.canvas.setAttribute('role', 'grid');
    this.canvas.setAttribute('aria-label', 'Photos and videos, newest first');
    scroller.replaceChildren(this.canvas);
    this.emptyNote = document.createElement('p');
    this.emptyNote.className = 'empty';
    this.emptyNote.hidden = true;
    this.emptyNote.textContent = empty;
    scroller.append(this.emptyNote);

    this.onScroll = () => this.schedule();
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(scroller);
    this.canvas.addEventListener('click', (event) => this.click(event));
    // Load errors do not bubble: caught on the way down.
    this.canvas.addEventListener('error', (event) => this.broken(event.target), true);
    this.unsubscribe = selection.listen(() => this.paintSelection());
  }

  destroy() {
    this.scroller.removeEventListener('scroll', this.onScroll);
    this.resizeObserver.disconnect();
    this.unsubscribe();
    cancelAnimationFrame(this.frame);
    this.destroyed = true;
  }

  async start() {
    await this.more(FIRST_PAGE);
  }

  /** Loads the next page (once at a time). */
  more(first = NEXT_PAGE) {
    if (!this.hasNext) {
      return Promise.resolve();
    }
    if (!this.loading) {
      this.loading = this.load(this.cursor, first)
        .then((page) => {
          if (this.destroyed) {
            return;
          }
          this.append(page);
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }

  append(page) {
    const from = this.assets.length;
    for (const asset of page.assets) {
      this.index.set(asset.id, this.assets.length);
      this.assets.push(asset);
    }
    this.cursor = page.endCursor;
    this.hasNext = page.hasNextPage;
    this.totalCount = page.totalCount;
    this.layoutFrom(this.sectionOf(from));
    this.afterLayout();
  }

  /** The section an asset index starts or continues (the last one when it is past the end). */
  sectionOf(assetIndex) {
    let low = 0;
    let high = this.sections.length - 1;
    let found = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.sections[mid].first <= assetIndex) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /** Lays out from a section on (the sections before it do not change). */
  layoutFrom(sectionIndex) {
    const width = this.canvas.clientWidth || this.scroller.clientWidth;
    this.width = width;
    const { target, gap } = metrics(width);
    let top = 0;
    let first = 0;
    if (sectionIndex < this.sections.length && this.sections.length > 0) {
      const section = this.sections[sectionIndex];
      top = this.rows[section.row].top;
      first = section.first;
      this.rows.length = section.row;
      this.sections.length = sectionIndex;
    } else {
      this.rows.length = 0;
      this.sections.length = 0;
    }
    this.rowOf.length = this.assets.length;
    let i = first;
    while (i < this.assets.length) {
      const key = dayKey(this.assets[i].creationTime);
      let end = i + 1;
      while (end < this.assets.length && dayKey(this.assets[end].creationTime) === key) {
        end++;
      }
      this.sections.push({ key, first: i, row: this.rows.length });
      this.rows.push({ kind: 'day', top, height: HEADER, key, start: i });
      top += HEADER;
      const ratios = new Array(end - i);
      for (let k = i; k < end; k++) {
        ratios[k - i] = aspectOf(this.assets[k]);
      }
      for (const row of justify(ratios, width, target, gap)) {
        const rowIndex = this.rows.length;
        this.rows.push({ kind: 'tiles', top, height: row.height, start: i + row.start, count: row.count, xs: row.xs, widths: row.widths });
        for (let k = 0; k < row.count; k++) {
          this.rowOf[i + row.start + k] = rowIndex;
        }
        top += row.height + gap;
      }
      i = end;
    }
    this.height = top;
    // Rows from the first section laid out on may have moved: drawn again.
    const firstRow = this.sections.length > sectionIndex ? this.sections[Math.min(sectionIndex, this.sections.length - 1)].row : 0;
    for (const [index, element] of this.rendered) {
      if (index >= firstRow || sectionIndex === 0) {
        element.remove();
        this.rendered.delete(index);
      }
    }
  }

  afterLayout() {
    const remaining = this.hasNext ? Math.max(0, this.totalCount - this.assets.length) : 0;
    const perAsset = this.assets.length ? this.height / this.assets.length : 0;
    this.canvas.style.height = `${Math.ceil(this.height + remaining * perAsset)}px`;
    this.emptyNote.hidden = this.assets.length > 0 || this.hasNext;
    this.render();
    this.onChange();
  }

  resize() {
    const width = this.canvas.clientWidth;
    if (width === this.width || width === 0) {
      return;
    }
    const anchor = this.anchor();
    this.layoutFrom(0);
    this.afterLayout();
    this.restore(anchor);
  }

  schedule() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }
  }

  /** The first row at or below a position. */
  rowAt(y) {
    let low = 0;
    let high = this.rows.length - 1;
    let found = this.rows.length;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const row = this.rows[mid];
      if (row.top + row.height >= y) {
        found = mid;
        high = mid - 1;
      } else {
        low = mid + 1;
      }
    }
    return found;
  }

  render() {
    const view = this.scroller.clientHeight;
    const top = this.scroller.scrollTop - view;
    const bottom = this.scroller.scrollTop + view * 2;
    const from = this.rowAt(top);
    let to = from;
    while (to < this.rows.length && this.rows[to].top <= bottom) {
      to++;
    }
    for (const [index, element] of this.rendered) {
      if (index < from || index >= to) {
        element.remove();
        this.rendered.delete(index);
      }
    }
    const fragment = document.createDocumentFragment();
    for (let index = from; index < to; index++) {
      if (!this.rendered.has(index)) {
        const row = this.rows[index];
        // The band reaches a screen above and two below: the thumbnails in view come first.
        const inView = row.top < this.scroller.scrollTop + view && row.top + row.height > this.scroller.scrollTop;
        const element = this.draw(row, inView);
        this.rendered.set(index, element);
        fragment.append(element);
      }
    }
    this.canvas.append(fragment);
    if (this.hasNext && this.scroller.scrollTop + view * 3 > this.height) {
      this.more().then(() => this.schedule());
    }
  }

  draw(row, inView = false) {
    const element = document.createElement('div');
    element.style.transform = `translateY(${row.top}px)`;
    element.style.height = `${row.height}px`;
    if (row.kind === 'day') {
      element.className = 'day';
      const heading = document.createElement('h2');
      heading.textContent = dayLabel(row.key);
      element.append(heading);
      return element;
    }
    element.className = 'row';
    element.setAttribute('role', 'row');
    for (let k = 0; k < row.count; k++) {
      element.append(this.tile(row.start + k, row.xs[k], row.widths[k], row.height, inView));
    }
    return element;
  }

  tile(index, x, width, height, inView = false) {
    const asset = this.assets[index];
    const tile = document.createElement('div');
    tile.className = 'tile';
    tile.dataset.index = index;
    tile.dataset.id = asset.id;
    tile.setAttribute('role', 'gridcell');
    tile.tabIndex = index === this.focused ? 0 : -1;
    tile.style.left = `${x}px`;
    tile.style.width = `${width}px`;
    tile.style.height = `${height}px`;
    const selected = this.selection.has(asset.id);
    tile.classList.toggle('selected', selected);
    tile.setAttribute('aria-selected', String(selected));
    const image = document.createElement('img');
    image.alt = '';
    image.decoding = 'async';
    image.draggable = false;
    image.fetchPriority = inView ? 'high' : 'low';
    image.src = thumbnailUrl(asset.id);
    tile.append(image);
    const words = addBadges(tile, asset);
    tile.setAttribute('aria-label', [asset.filename, ...words, labelTime.format(asset.creationTime)].join(', '));
    if (asset.mediaType === 'photo' && hasPairedVideo(asset)) {
      playOnHover(tile, asset);
    }
    const check = document.createElement('span');
    check.className = 'check';
    check.setAttribute('aria-hidden', 'true');
    tile.append(check);
    return tile;
  }

  /** A thumbnail that cannot be made: a quiet placeholder with the file's name. */
  broken(image) {
    if (!(image instanceof HTMLImageElement)) {
      return;
    }
    const tile = image.closest('.tile');
    if (!tile || tile.classList.contains('broken')) {
      return;
    }
    tile.classList.add('broken');
    const asset = this.assets[Number(tile.dataset.index)];
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = asset ? asset.filename : '';
    image.replaceWith(name);
  }

  click(event) {
    const tile = event.target.closest('.tile');
    if (!tile) {
      return;
    }
    const index = Number(tile.dataset.index);
    this.focus(index);
    if (event.shiftKey) {
      this.selection.range(this.assets, index);
    } else if (event.ctrlKey || event.metaKey || event.target.classList.contains('check') || this.selection.size > 0) {
      this.selection.toggle(this.assets[index].id, index);
    } else {
      this.onOpen(index);
    }
  }

  paintSelection() {
    for (const element of this.rendered.values()) {
      for (const tile of element.querySelectorAll('.tile')) {
        const selected = this.selection.has(tile.dataset.id);
        tile.classList.toggle('selected', selected);
        tile.setAttribute('aria-selected', String(selected));
      }
    }
    this.canvas.classList.toggle('selecting', this.selection.size > 0);
  }

  tileElement(index) {
    const element = this.rendered.get(this.rowOf[index]);
    return element ? element.querySelector(`[data-index="${index}"]`) : null;
  }

  /** Scrolls an asset into view (if needed) and gives its tile the keyboard focus. */
  focus(index) {
    if (index < 0 || index >= this.assets.length) {
      return;
    }
    const previous = this.tileElement(this.focused);
    if (previous) {
      previous.tabIndex = -1;
    }
    this.focused = index;
    this.reveal(index);
    const tile = this.tileElement(index);
    if (tile) {
      tile.tabIndex = 0;
      tile.focus({ preventScroll: true });
    }
  }

  reveal(index) {
    const row = this.rows[this.rowOf[index]];
    const top = this.scroller.scrollTop;
    const view = this.scroller.clientHeight;
    if (row.top < top + HEADER) {
      this.scroller.scrollTop = Math.max(0, row.top - HEADER);
    } else if (row.top + row.height > top + view) {
      this.scroller.scrollTop = row.top + row.height - view + 8;
    }
    this.render();
  }

  /** Arrow keys move the focus; up and down go to the nearest tile of the row above or below. */
  async key(event) {
    const index = this.focused < 0 ? 0 : this.focused;
    let next = null;
    switch (event.key) {
      case 'ArrowRight':
        next = index + 1;
        break;
      case 'ArrowLeft':
        next = index - 1;
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        next = this.vertical(index, event.key === 'ArrowDown' ? 1 : -1);
        break;
      }
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.assets.length - 1;
        break;
      case 'Enter':
        if (this.focused >= 0) {
          this.onOpen(this.focused);
        }
        event.preventDefault();
        return;
      case ' ':
        if (this.focused >= 0) {
          this.selection.toggle(this.assets[this.focused].id, this.focused);
        }
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next >= this.assets.length && this.hasNext) {
      await this.more();
    }
    next = Math.max(0, Math.min(this.assets.length - 1, next));
    if (this.focused < 0) {
      next = 0;
    }
    this.focus(next);
    if (event.shiftKey) {
      this.selection.range(this.assets, next);
    }
  }

  vertical(index, direction) {
    let rowIndex = this.rowOf[index];
    const row = this.rows[rowIndex];
    const center = row.xs[index - row.start] + row.widths[index - row.start] / 2;
    do {
      rowIndex += direction;
    } while (rowIndex >= 0 && rowIndex < this.rows.length && this.rows[rowIndex].kind !== 'tiles');
    if (rowIndex < 0) {
      return index;
    }
    if (rowIndex >= this.rows.length) {
      return this.hasNext ? this.assets.length : index;
    }
    const target = this.rows[rowIndex];
    let best = target.start;
    for (let k = 0; k < target.count; k++) {
      if (target.xs[k] <= center) {
        best = target.start + k;
      }
    }
    return best;
  }

  /** Where the first visible asset is, to keep it in place through a change. */
  anchor() {
    const rowIndex = this.rowAt(this.scroller.scrollTop);
    const row = this.rows[rowIndex];
    if (!row || this.scroller.scrollTop === 0) {
      return null;
    }
    const asset = this.assets[row.start];
    return asset ? { id: asset.id, day: row.kind === 'day', offset: row.top - this.scroller.scrollTop } : null;
  }

  restore(anchor) {
    if (!anchor) {
      return;
    }
    const index = this.index.get(anchor.id);
    if (index === undefined) {
      return;
    }
    // A day's header row starts with the same asset as the day's first row of tiles.
    const row = anchor.day ? this.rows[this.sections[this.sectionOf(index)].row] : this.rows[this.rowOf[index]];
    this.scroller.scrollTop = row.top - anchor.offset;
    this.render();
  }

  /** Replaces the loaded assets by a new reading of them, keeping the first visible one in place. */
  replace(assets, page) {
    const anchor = this.anchor();
    this.assets = assets;
    this.index = new Map(assets.map((asset, i) => [asset.id, i]));
    if (page) {
      this.cursor = page.endCursor;
      this.hasNext = page.hasNextPage;
      this.totalCount = page.totalCount;
    }
    if (this.focused >= assets.length) {
      this.focused = assets.length - 1;
    }
    this.layoutFrom(0);
    this.afterLayout();
    this.restore(anchor);
  }

  /**
   * Puts new readings of loaded assets in their places; false when one would move (its date
   * changed, so its place in the order may have), for the caller to read the range again.
   */
  patch(assets) {
    const next = this.assets.slice();
    for (const asset of assets) {
      const at = this.index.get(asset.id);
      if (at === undefined || next[at].creationTime !== asset.creationTime) {
        return false;
      }
      next[at] = asset;
    }
    this.replace(next, null);
    return true;
  }

  /** Takes deleted assets out at once (the next change event brings the rest). */
  remove(ids) {
    const gone = new Set(ids);
    const kept = this.assets.filter((asset) => !gone.has(asset.id));
    if (kept.length !== this.assets.length) {
      this.totalCount -= this.assets.length - kept.length;
      this.replace(kept, null);
    }
  }

  /** Reads the loaded part again in one call: right under any filter and sort, whatever changed. */
  async reload() {
    const first = Math.min(100_000, Math.max(FIRST_PAGE, this.assets.length));
    const page = await this.load(null, first);
    if (!this.destroyed) {
      this.replace(page.assets, page);
    }
  }

  /** Loads pages until an asset of the month (or an older one) is loaded, then scrolls to it. */
  async jumpTo(month) {
    const reached = () => this.assets.findIndex((asset) => monthKey(asset.creationTime) <= month);
    let index = reached();
    while (index < 0 && this.hasNext) {
      await this.more(JUMP_PAGE);
      index = reached();
    }
    if (index < 0) {
      return;
    }
    const section = this.sections[this.sectionOf(index)];
    this.scroller.scrollTop = this.rows[section.row].top;
    this.focused = index;
    this.render();
  }

  /** The month at the top of the viewport. */
  currentMonth() {
    const row = this.rows[this.rowAt(this.scroller.scrollTop)];
    return row ? monthKey(this.assets[row.start].creationTime) : null;
  }
}
