// The Moments view: the camera roll grouped as a phone groups it (GET /api/v1/moments: a new
// moment after a pause of hours or a jump of tens of kilometres), newest first, each under its
// towns and its dates with its photos as square tiles. The list of moments is small (a few
// thousand for 100,000 photos) and read whole; their assets are not: moments are drawn a page
// at a time as the scroller nears the end, and only a drawn moment reads its assets, one call
// each. A tile opens the moment's own view (#/moment/ID) on that asset, where the timeline
// shows the whole moment with the viewer, the selection and everything else of an album.

import * as api from './api.js';
import { element } from './dom.js';
import { addBadges } from './badges.js';

/** Moments drawn at a time. */
const PAGE = 12;
/** Tiles a moment shows here; the rest are in its own view. */
const TILES = 24;
/** How far below the screen the next page is drawn already. */
const AHEAD = 1500;

const monthName = new Intl.DateTimeFormat(undefined, { month: 'long' });
const labelTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment's place: its towns, then their country ("Lyon, France"); "" without one. */
export function placeOf(moment) {
  return (moment.locationNames || []).join(', ');
}

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * A moment's span as a phone writes it, in the browser's zone: "12 March 2024",
 * "12–14 March 2024", "30 March – 2 April 2024", "30 December 2023 – 2 January 2024".
 */
export function momentDates(startTime, endTime) {
  const start = new Date(startTime);
  const end = new Date(endTime ?? startTime);
  const day = (date) => `${date.getDate()} ${monthName.format(date)}`;
  if (sameDay(start, end)) {
    return `${day(start)} ${start.getFullYear()}`;
  }
  if (start.getFullYear() !== end.getFullYear()) {
    return `${day(start)} ${start.getFullYear()} – ${day(end)} ${end.getFullYear()}`;
  }
  if (start.getMonth() !== end.getMonth()) {
    return `${day(start)} – ${day(end)} ${end.getFullYear()}`;
  }
  return `${start.getDate()}–${end.getDate()} ${monthName.format(end)} ${end.getFullYear()}`;
}

/** The words a moment is called by: its place and dates, or its dates alone. */
export function momentTitle(moment) {
  const place = placeOf(moment);
  const dates = momentDates(moment.startTime, moment.endTime);
  return place ? `${place}, ${dates}` : dates;
}

/** What a moment's section is drawn from: a moment that keeps it needs no new reading. */
const keyOf = (moment) => [moment.startTime, moment.endTime, moment.assetCount, placeOf(moment)].join('|');

export const momentHref = (moment, assetId) =>
  `#/moment/${encodeURIComponent(moment.id)}` + (assetId ? `?asset=${encodeURIComponent(assetId)}` : '');

export class MomentsView {
  /**
   * @param scroller the element that scrolls (its children are replaced)
   * @param mediaType the view's media types, as the timeline's filter
   * @param current () => whether this view is still the one shown
   */
  constructor({ scroller, mediaType, current }) {
    this.scroller = scroller;
    this.mediaType = mediaType;
    this.current = current;
    this.moments = [];
    /** The drawn sections by moment id, with what they were drawn from. */
    this.sections = new Map();
    this.drawn = 0;
    this.loading = null;
    // ARIA's pattern for a list that grows as it scrolls: a feed of articles.
    this.list = element('div', 'moments');
    this.list.setAttribute('role', 'feed');
    this.list.setAttribute('aria-label', 'Moments, newest first');
    this.end = element('div', 'moments-end');
    this.emptyNote = element('p', 'empty', 'No moments yet: photos and videos with their dates make them.');
    this.emptyNote.hidden = true;
    this.observer = new IntersectionObserver((entries) => this.near(entries), {
      root: scroller,
      rootMargin: `0px 0px ${AHEAD}px 0px`,
    });
  }

  async start() {
    await this.read();
    if (!this.current()) {
      return;
    }
    this.scroller.replaceChildren(this.list, this.end, this.emptyNote);
    await this.more();
  }

  destroy() {
    this.observer.disconnect();
    this.destroyed = true;
  }

  /** The moments, newest first. */
  async read() {
    const moments = await api.get('/moments');
    this.moments = moments.sort((a, b) => b.startTime - a.startTime);
    this.emptyNote.hidden = this.moments.length > 0;
  }

  /** Draws the next page of moments and waits for their assets, so the end is measured past them. */
  more() {
    if (!this.loading && this.drawn < this.moments.length && !this.destroyed) {
      const page = this.moments.slice(this.drawn, this.drawn + PAGE);
      this.drawn += page.length;
      this.loading = Promise.all(page.map((moment) => this.section(moment).read))
        .then(() => {
          // Observed again, the end reports where it is now: a short page draws the next at once.
          this.observer.unobserve(this.end);
          if (this.drawn < this.moments.length && !this.destroyed) {
            this.observer.observe(this.end);
          }
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading || Promise.resolve();
  }

  near(entries) {
    if (entries.some((entry) => entry.isIntersecting)) {
      this.more();
    }
  }

  /**
   * Reads the moments again after a change and draws as many as were drawn, the scroll kept. A
   * moment whose span, count and place are as they were keeps its section as it is: a change
   * reads the assets of the moments it touched, not of every moment drawn.
   */
  async reload() {
    const top = this.scroller.scrollTop;
    const drawn = Math.max(this.drawn, PAGE);
    await this.read();
    if (!this.current() || this.destroyed) {
      return;
    }
    const kept = this.sections;
    this.sections = new Map();
    const shown = this.moments.slice(0, Math.min(drawn, this.moments.length));
    const reads = [];
    const elements = shown.map((moment) => {
      const old = kept.get(moment.id);
      if (old && old.key === keyOf(moment)) {
        this.sections.set(moment.id, old);
        return old.element;
      }
      const { element: section, read } = this.section(moment, false);
      reads.push(read);
      return section;
    });
    this.list.replaceChildren(...elements);
    this.drawn = shown.length;
    this.scroller.scrollTop = top;
    await Promise.all(reads);
    this.observer.unobserve(this.end);
    if (this.drawn < this.moments.length && !this.destroyed) {
      this.observer.observe(this.end);
    }
  }

  /** A moment's section, appended to the list unless told otherwise, and the read of its assets. */
  section(moment, append = true) {
    const section = element('article', 'moment');
    section.dataset.id = moment.id;
    section.setAttribute('aria-label', momentTitle(moment));
    const heading = element('h2', 'moment-heading');
    const link = element('a', 'moment-link');
    link.href = momentHref(moment);
    link.append(element('span', 'moment-place', placeOf(moment)), element('span', 'moment-dates', momentDates(moment.startTime, moment.endTime)));
    heading.append(link);
    const grid = element('div', 'moment-grid');
    section.append(heading, grid);
    if (append) {
      this.list.append(section);
    }
    this.sections.set(moment.id, { element: section, key: keyOf(moment) });
    return { element: section, read: this.fill(moment, section, grid) };
  }

  async fill(moment, section, grid) {
    const page = await api.get(
      '/assets' + api.query({ album: moment.id, first: TILES, mediaType: this.mediaType, sortBy: 'creationTime:desc' }),
    );
    if (this.destroyed) {
      return;
    }
    // A moment of none of the view's media types (videos only, under Photos) is left out.
    section.hidden = page.totalCount === 0;
    for (const asset of page.assets) {
      grid.append(tile(moment, asset));
    }
    if (page.totalCount > page.assets.length) {
      const rest = element('a', 'moment-more', `Show all ${page.totalCount}`);
      rest.href = momentHref(moment);
      section.append(rest);
    }
  }
}

function tile(moment, asset) {
  const link = element('a', 'tile');
  link.href = momentHref(moment, asset.id);
  link.dataset.id = asset.id;
  const image = element('img');
  image.alt = '';
  image.loading = 'lazy';
  image.decoding = 'async';
  image.src = api.thumbnailUrl(asset.id);
  // A file without a thumbnail shows its name, as in the timeline.
  image.addEventListener('error', () => {
    link.classList.add('broken');
    image.replaceWith(element('span', 'name', asset.filename));
  });
  link.append(image);
  const words = addBadges(link, asset);
  link.setAttribute('aria-label', [asset.filename, ...words, labelTime.format(asset.creationTime)].join(', '));
  return link;
}

/** The header of a moment's own view: its place (or its dates) as the title, its dates, its count. */
export async function momentHeader(header, id) {
  const moments = await api.get('/moments');
  const moment = moments.find((candidate) => candidate.id === id);
  // A moment regrouped since its address was taken has another id, or none: the view says so plainly.
  const title = element('h1', '', moment ? placeOf(moment) || momentDates(moment.startTime, moment.endTime) : 'Moment');
  header.replaceChildren(title);
  if (moment) {
    if (placeOf(moment)) {
      header.append(element('span', 'moment-dates', momentDates(moment.startTime, moment.endTime)));
    }
    header.append(element('span', 'count', `${moment.assetCount} ${moment.assetCount === 1 ? 'item' : 'items'}`));
  }
  header.hidden = false;
}
