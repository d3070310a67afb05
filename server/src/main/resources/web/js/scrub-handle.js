// The date scrubber of a narrow (phone-sized) screen, where the column of months does not fit: a
// thumb-sized handle at the right edge that appears while the grid scrolls, stands at the place of
// the month in view among all the months, and, dragged by a finger (or a mouse), shows the month
// it points at and jumps there when let go. Pointer events, so touch, pen and mouse are one path.

import { element } from './dom.js';

const NARROW = '(max-width: 700px)';
const SHOWN_AFTER_SCROLL = 2500;

const monthLong = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

function dateOf(key) {
  const [year, month] = key.split('-').map(Number);
  return new Date(year, month - 1, 1);
}

export class ScrubHandle {
  /** {@code jump(monthKey)} reaches a month; {@code currentMonth()} tells the month in view. */
  constructor(root, { jump, currentMonth }) {
    this.root = root;
    this.jump = jump;
    this.currentMonth = currentMonth;
    this.months = [];
    this.dragging = false;
    this.timer = 0;
    this.label = element('span', 'scrub-label');
    this.root.replaceChildren(this.label);
    this.root.setAttribute('role', 'slider');
    this.root.setAttribute('aria-label', 'Jump to a month');
    this.root.tabIndex = -1;
    this.root.onpointerdown = (event) => this.down(event);
    this.root.onpointermove = (event) => this.move(event);
    this.root.onpointerup = (event) => this.up(event);
    this.root.onpointercancel = () => this.cancel();
  }

  /** The months of the view, newest first (keys such as 2026-05). */
  setMonths(keys) {
    this.months = keys;
    this.root.setAttribute('aria-valuemin', '0');
    this.root.setAttribute('aria-valuemax', String(Math.max(0, keys.length - 1)));
  }

  /** The grid scrolled: show the handle at the month in view, for a moment. */
  scrolled(scroller) {
    this.scroller = scroller;
    if (this.months.length < 2 || !window.matchMedia(NARROW).matches) {
      return;
    }
    if (!this.dragging) {
      const index = this.months.indexOf(this.currentMonth());
      this.place(index < 0 ? 0 : index);
    }
    this.root.hidden = false;
    this.root.classList.add('visible');
    this.hideLater();
  }

  hide() {
    clearTimeout(this.timer);
    this.dragging = false;
    this.root.hidden = true;
    this.root.classList.remove('visible', 'dragging');
  }

  hideLater() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.dragging) {
        this.root.classList.remove('visible');
        this.root.hidden = true;
      }
    }, SHOWN_AFTER_SCROLL);
  }

  /** The band the handle moves in: the grid's height on the screen, less the handle's own. */
  track() {
    const box = this.scroller.getBoundingClientRect();
    const height = this.root.offsetHeight;
    return { top: box.top, span: Math.max(1, box.height - height) };
  }

  place(index) {
    const { top, span } = this.track();
    const fraction = this.months.length > 1 ? index / (this.months.length - 1) : 0;
    this.root.style.top = `${Math.round(top + fraction * span)}px`;
    this.index = index;
    const text = monthLong.format(dateOf(this.months[index]));
    this.label.textContent = text;
    this.root.setAttribute('aria-valuenow', String(index));
    this.root.setAttribute('aria-valuetext', text);
  }

  indexAt(clientY) {
    const { top, span } = this.track();
    const fraction = Math.min(1, Math.max(0, (clientY - top - this.root.offsetHeight / 2) / span));
    return Math.round(fraction * (this.months.length - 1));
  }

  down(event) {
    if (this.months.length < 2) {
      return;
    }
    event.preventDefault();
    this.root.setPointerCapture(event.pointerId);
    this.dragging = true;
    clearTimeout(this.timer);
    this.root.classList.add('dragging');
    this.place(this.indexAt(event.clientY));
  }

  move(event) {
    if (this.dragging) {
      event.preventDefault();
      this.place(this.indexAt(event.clientY));
    }
  }

  up(event) {
    if (!this.dragging) {
      return;
    }
    this.place(this.indexAt(event.clientY));
    this.dragging = false;
    this.root.classList.remove('dragging');
    const month = this.months[this.index];
    Promise.resolve(this.jump(month)).finally(() => this.hideLater());
  }

  cancel() {
    this.dragging = false;
    this.root.classList.remove('dragging');
    this.hideLater();
  }
}
