// The selection page's grid of a whole library, whatever its size: square tiles in rows of one
// fixed height, so the place of item N is known before it is loaded; only the rows near the
// viewport are in the page, and the items come page by page by cursor as the grid scrolls. What
// is selected lives in the form's hidden fields (the server wrote the current selection there),
// not in the tiles, so a tile scrolled out of the page and drawn again keeps its tick.

import { get, query, thumbnailUrl } from './api.js';
import { element } from './dom.js';

const GAP = 4;
const MIN_TILE = 92;
const FIRST_PAGE = 200;
const PAGE = 1000;
/** A long jump (the scroll bar dragged to the end) loads in bigger pages. */
const BIG_PAGE = 5000;
/** Screens drawn above and below the viewport. */
const ABOVE = 1;
const BELOW = 1.5;

export class SelectionGrid {
  /**
   * @param grid the element that holds the rows
   * @param chosen the element of the form holding one hidden field per selected item
   * @param count where the number selected is said
   */
  constructor(grid, chosen, count) {
    this.grid = grid;
    this.chosen = chosen;
    this.count = count;
    this.mediaType = grid.dataset.mediaTypes || '';
    this.fieldName = grid.dataset.field || 'asset';
    this.fields = new Map();
    for (const field of chosen.querySelectorAll('input[type=hidden]')) {
      this.fields.set(field.value, field);
    }
    this.assets = [];
    this.cursor = null;
    this.hasNext = true;
    this.total = 0;
    this.loading = null;
    this.rows = new Map();
    this.columns = 1;
    this.rowHeight = MIN_TILE + GAP;
    this.focusIndex = 0;
    this.frame = 0;
    grid.addEventListener('change', (event) => this.toggled(event.target));
    grid.addEventListener('keydown', (event) => this.key(event));
    grid.addEventListener('focusin', (event) => {
      const index = Number(event.target.dataset.index);
      if (Number.isInteger(index)) {
        this.focusIndex = index;
        this.roving();
      }
    });
    addEventListener('scroll', () => this.schedule(), { passive: true });
    addEventListener('resize', () => {
      this.measure();
      this.schedule();
    });
  }

  async start() {
    await this.load(FIRST_PAGE);
    this.grid.hidden = false;
    this.measure();
    this.draw();
    this.said();
  }

  /** Loads the next page; one load at a time, the others wait for it. */
  load(size) {
    if (!this.loading) {
      this.loading = (async () => {
        const page = await get(
          '/assets' + query({ first: size, after: this.cursor, mediaType: this.mediaType }),
        );
        this.assets.push(...page.assets);
        this.cursor = page.endCursor;
        this.hasNext = page.hasNextPage;
        this.total = page.hasNextPage ? Math.max(page.totalCount, this.assets.length) : this.assets.length;
      })().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  /** A page that did not load (the session ended, the server refused): said where the count is. */
  failed(error) {
    this.count.textContent = `The items could not be loaded (${error.message}): reload the page.`;
  }

  measure() {
    const width = this.grid.clientWidth;
    this.columns = Math.max(1, Math.floor((width + GAP) / (MIN_TILE + GAP)));
    const tile = (width - GAP * (this.columns - 1)) / this.columns;
    this.rowHeight = tile + GAP;
    this.grid.style.setProperty('--columns', String(this.columns));
    this.grid.style.height = `${Math.ceil(this.total / this.columns) * this.rowHeight}px`;
    for (const row of this.rows.values()) {
      row.remove();
    }
    this.rows.clear();
  }

  schedule() {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  /** The rows within a screen above and a screen and a half below the viewport. */
  range() {
    const top = -this.grid.getBoundingClientRect().top;
    const screen = innerHeight;
    const rowCount = Math.ceil(this.total / this.columns);
    const first = Math.max(0, Math.floor((top - ABOVE * screen) / this.rowHeight));
    const last = Math.min(rowCount - 1, Math.ceil((top + (1 + BELOW) * screen) / this.rowHeight));
    return { first, last };
  }

  draw() {
    const { first, last } = this.range();
    for (const [index, row] of this.rows) {
      if (index < first || index > last) {
        row.remove();
        this.rows.delete(index);
      }
    }
    const needed = Math.min(this.total, (last + 1) * this.columns);
    for (let index = first; index <= last; index++) {
      // A row is drawn once all its items are loaded (the last row of the library may be short).
      const complete = Math.min(this.total, (index + 1) * this.columns) <= this.assets.length;
      if (complete && !this.rows.has(index)) {
        const row = this.row(index);
        this.rows.set(index, row);
        this.grid.append(row);
      }
    }
    this.roving();
    if (needed > this.assets.length && this.hasNext) {
      const size = needed - this.assets.length > PAGE ? BIG_PAGE : PAGE;
      this.load(size).then(
        () => this.draw(),
        (error) => this.failed(error),
      );
    }
  }

  row(index) {
    const row = element('div', 'selection-row');
    row.style.top = `${index * this.rowHeight}px`;
    row.style.height = `${this.rowHeight - GAP}px`;
    const end = Math.min(this.assets.length, (index + 1) * this.columns);
    for (let at = index * this.columns; at < end; at++) {
      row.append(this.tile(this.assets[at], at));
    }
    return row;
  }

  tile(asset, index) {
    const tile = element('label', 'selection-item');
    const box = element('input');
    box.type = 'checkbox';
    box.value = asset.id;
    box.dataset.index = String(index);
    box.tabIndex = -1;
    box.checked = this.fields.has(asset.id);
    box.setAttribute('aria-label', `${asset.filename}, ${day(asset.creationTime)}`);
    const image = element('img');
    image.alt = '';
    image.loading = 'lazy';
    image.decoding = 'async';
    image.src = thumbnailUrl(asset.id);
    image.addEventListener('error', () => {
      tile.classList.add('broken');
      image.replaceWith(element('span', 'name', asset.filename));
    });
    tile.append(box, image);
    return tile;
  }

  toggled(box) {
    if (box.type !== 'checkbox' || !box.value) {
      return;
    }
    if (box.checked && !this.fields.has(box.value)) {
      const field = element('input');
      field.type = 'hidden';
      field.name = this.fieldName;
      field.value = box.value;
      this.chosen.append(field);
      this.fields.set(box.value, field);
    } else if (!box.checked && this.fields.has(box.value)) {
      this.fields.get(box.value).remove();
      this.fields.delete(box.value);
    }
    this.said();
  }

  said() {
    const n = this.fields.size;
    this.count.textContent = `${n.toLocaleString('en-US')} ${n === 1 ? 'item' : 'items'} selected of ${this.total.toLocaleString('en-US')}`;
  }

  /** Arrow keys, Home, End, Page Up and Page Down move between items; Space ticks (the checkbox's own). */
  key(event) {
    const index = Number(event.target.dataset.index);
    if (!Number.isInteger(index)) {
      return;
    }
    const page = Math.max(1, Math.floor(innerHeight / this.rowHeight) - 1) * this.columns;
    const moves = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: this.columns,
      ArrowUp: -this.columns,
      PageDown: page,
      PageUp: -page,
      Home: -index,
      End: this.total - 1 - index,
    };
    if (event.key === 'Enter') {
      // A checkbox's Enter would send the form: the buttons below say what the answer is.
      event.preventDefault();
      return;
    }
    if (!(event.key in moves)) {
      return;
    }
    event.preventDefault();
    this.focus(Math.max(0, Math.min(this.total - 1, index + moves[event.key])));
  }

  /** Brings item N into view (loading up to it) and gives it the focus. */
  async focus(index) {
    this.focusIndex = index;
    const rowTop = this.grid.getBoundingClientRect().top + Math.floor(index / this.columns) * this.rowHeight;
    // The page's bar stays on top of the grid, as the answers stay at its foot.
    const bar = document.querySelector('.owner-topbar');
    const coveredAbove = bar ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
    if (rowTop < coveredAbove) {
      scrollBy(0, rowTop - coveredAbove - GAP);
    } else if (rowTop + this.rowHeight > innerHeight - this.coveredBelow()) {
      scrollBy(0, rowTop + this.rowHeight - innerHeight + this.coveredBelow());
    }
    while (index >= this.assets.length && this.hasNext) {
      await this.load(index - this.assets.length > PAGE ? BIG_PAGE : PAGE);
    }
    this.draw();
    const box = this.grid.querySelector(`input[data-index="${index}"]`);
    if (box) {
      box.focus({ preventScroll: true });
    }
  }

  /** The height of the bar of answers that stays at the foot of the screen over the grid. */
  coveredBelow() {
    const bar = document.querySelector('.selection-answers');
    return bar ? bar.getBoundingClientRect().height : 0;
  }

  /** One tile in the tab order: the focused one, else the first drawn. */
  roving() {
    const boxes = this.grid.querySelectorAll('input[data-index]');
    const current = this.grid.querySelector(`input[data-index="${this.focusIndex}"]`) || boxes[0];
    for (const box of boxes) {
      box.tabIndex = box === current ? 0 : -1;
    }
  }
}

function day(time) {
  return new Date(time).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
}

const grid = document.getElementById('selection-grid');
if (grid) {
  const selection = new SelectionGrid(
    grid,
    document.getElementById('selection-chosen'),
    document.getElementById('selection-count'),
  );
  selection.start().catch((error) => selection.failed(error));
}
