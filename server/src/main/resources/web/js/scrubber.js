// The date scrubber: the months of the view, newest first, with their counts from the server
// (GET /assets/months, in the browser's zone); a click loads up to that month and scrolls to it.
// Against a server without counts per month it lists the months loaded so far. On a narrow
// screen, where the column does not fit, the same months are reached by a handle (scrub-handle.js).

import * as api from './api.js';
import { $, element } from './dom.js';
import { ScrubHandle } from './scrub-handle.js';

const monthName = new Intl.DateTimeFormat(undefined, { month: 'short' });
const monthLong = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

function dateOf(key) {
  const [year, month] = key.split('-').map(Number);
  return new Date(year, month - 1, 1);
}

export class Scrubber {
  constructor(root) {
    this.root = root;
    this.timeline = null;
    this.months = null;
    this.fromServer = false;
    this.buttons = new Map();
    this.current = null;
    this.frame = 0;
    this.handle = new ScrubHandle($('#scrub-handle'), {
      jump: (month) => this.timeline && this.timeline.jumpTo(month),
      currentMonth: () => (this.timeline ? this.timeline.currentMonth() : null),
    });
  }

  hide() {
    this.root.hidden = true;
    this.root.replaceChildren();
    this.handle.hide();
    this.handle.setMonths([]);
    this.timeline = null;
    if (this.scroller) {
      this.scroller.removeEventListener('scroll', this.onScroll);
    }
  }

  /** Shows the empty column before the grid's first layout, so that the months' arrival moves nothing. */
  reserve() {
    this.root.replaceChildren();
    this.root.hidden = false;
  }

  async attach(timeline, { album, mediaType }) {
    this.timeline = timeline;
    this.fromServer = false;
    this.scroller = timeline.scroller;
    this.onScroll = () => {
      if (!this.frame) {
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.mark();
          this.handle.scrolled(this.scroller);
        });
      }
    };
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const answer = await api.get('/assets/months' + api.query({ album, mediaType, timeZone }));
      if (this.timeline === timeline) {
        this.fromServer = true;
        this.render(answer.months.map((month) => ({ key: month.month, count: month.count })));
      }
    } catch {
      // No counts per month on this server: the months loaded so far.
      this.update(timeline);
    }
  }

  update(timeline) {
    if (this.fromServer || timeline !== this.timeline) {
      this.mark();
      return;
    }
    const counts = new Map();
    for (const section of timeline.sections) {
      const key = section.key.slice(0, 7);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    this.render([...counts.keys()].map((key) => ({ key, count: null })));
  }

  render(months) {
    this.buttons.clear();
    this.handle.setMonths(months.map((month) => month.key));
    const list = element('ol', 'months');
    let year = null;
    for (const month of months) {
      const thisYear = month.key.slice(0, 4);
      if (thisYear !== year) {
        year = thisYear;
        list.append(element('li', 'year', year));
      }
      const item = element('li');
      const button = element('button', 'month', monthName.format(dateOf(month.key)));
      button.type = 'button';
      button.dataset.month = month.key;
      const label = monthLong.format(dateOf(month.key)) + (month.count === null ? '' : ` · ${month.count}`);
      button.title = label;
      button.setAttribute('aria-label', label);
      button.addEventListener('click', () => this.timeline && this.timeline.jumpTo(month.key));
      this.buttons.set(month.key, button);
      item.append(button);
      list.append(item);
    }
    this.root.replaceChildren(list);
    this.current = null;
    this.mark();
  }

  /** Marks the month at the top of the grid. */
  mark() {
    if (!this.timeline) {
      return;
    }
    const month = this.timeline.currentMonth();
    if (month === this.current) {
      return;
    }
    const previous = this.buttons.get(this.current);
    if (previous) {
      previous.removeAttribute('aria-current');
    }
    this.current = month;
    const button = this.buttons.get(month);
    if (button) {
      button.setAttribute('aria-current', 'true');
      button.scrollIntoView({ block: 'nearest' });
    }
  }
}
