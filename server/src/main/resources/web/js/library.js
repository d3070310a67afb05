// The signed-in library: which view is shown (the timeline, the moments, a moment, an album,
// favorites, the albums, the trash), the selection and what can be done to it, the detail view,
// uploads and live changes.
// The view and the open asset are kept in the address's fragment: #/album/ID?type=video&asset=ID.

import * as api from './api.js';
import { $, note } from './dom.js';
import { Selection } from './selection.js';
import { Timeline } from './timeline.js';
import { Viewer } from './viewer.js';
import { AlbumPicker, albumHeader, showAlbums } from './albums.js';
import { MomentsView, momentHeader } from './moments.js';
import { Uploads } from './uploads.js';
import { LiveChanges } from './live.js';
import { Scrubber } from './scrubber.js';
import { showTrash } from './trash.js';

const ALL = 'photo,video,audio';
/** Past this many changed assets at once, the loaded range is read again in one call. */
const PATCH_MAX = 200;

function parse(hash) {
  const text = hash.replace(/^#\/?/, '');
  const [path, search] = text.split('?');
  const parameters = new URLSearchParams(search || '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { view: parts[0] || 'timeline', id: parts[1] || null, type: parameters.get('type') || ALL, asset: parameters.get('asset') };
}

export class Library {
  constructor() {
    this.scroller = $('#scroller');
    this.header = $('#view-header');
    this.selection = new Selection();
    this.place = null;
    this.timeline = null;
    this.moments = null;
    // Each view drawn gets a number: a slow answer for a view already left draws nothing.
    this.generation = 0;
    this.cleanup = [];
    this.actions = {
      favorite: (ids, value) => this.favorite(ids, value),
      delete: (ids) => this.delete(ids),
      addToAlbum: (ids) => this.picker.open(ids),
    };
    this.viewer = new Viewer($('#viewer'), {
      actions: this.actions,
      onClose: () => this.setAsset(null),
      onShow: (id) => this.setAsset(id),
    });
    this.picker = new AlbumPicker(() => this.afterAlbumChange());
    this.uploads = new Uploads(() => (this.place && this.place.view === 'album' ? this.place.id : null));
    this.scrubber = new Scrubber($('#scrubber'));
    this.live = new LiveChanges((changes) => this.changed(changes));
    this.selectionBar();
    this.listen(document, 'keydown', (event) => this.key(event));
    this.listen($('#filter'), 'change', () => this.go({ type: $('#filter').value, asset: null }));
  }

  listen(target, type, handler) {
    target.addEventListener(type, handler);
    this.cleanup.push(() => target.removeEventListener(type, handler));
  }

  stop() {
    this.live.close();
    this.uploads.close();
    if (this.timeline) {
      this.timeline.destroy();
    }
    if (this.moments) {
      this.moments.destroy();
    }
    for (const undo of this.cleanup) {
      undo();
    }
    this.selection.clear();
  }

  /** Goes to another place (fields left out stay). */
  go(change) {
    const place = { ...this.place, ...change };
    const path = place.view === 'timeline' ? '' : place.view + (place.id ? '/' + encodeURIComponent(place.id) : '');
    const search = new URLSearchParams();
    if (place.type && place.type !== ALL) {
      search.set('type', place.type);
    }
    if (place.asset) {
      search.set('asset', place.asset);
    }
    const query = search.toString();
    location.hash = `#/${path}${query ? '?' + query : ''}`;
  }

  setAsset(id) {
    if (!this.place || this.place.asset === id) {
      return;
    }
    this.place.asset = id;
    const path = location.hash.split('?')[0];
    const search = new URLSearchParams(location.hash.split('?')[1] || '');
    if (id) {
      search.set('asset', id);
    } else {
      search.delete('asset');
    }
    const query = search.toString();
    // Stepping through assets replaces the entry: Back leaves the viewer rather than replaying each step.
    history.replaceState(null, '', `${path}${query ? '?' + query : ''}`);
  }

  async route(hash) {
    const place = parse(hash);
    const same = this.place && this.place.view === place.view && this.place.id === place.id && this.place.type === place.type;
    this.place = place;
    if (!same) {
      await this.show(place);
    }
    if (place.asset && this.timeline) {
      let index = this.timeline.index.get(place.asset);
      if (index === undefined) {
        // Opened from an address: look for it a few pages on.
        for (let pages = 0; index === undefined && this.timeline.hasNext && pages < 5; pages++) {
          await this.timeline.more();
          index = this.timeline.index.get(place.asset);
        }
      }
      if (index !== undefined && (!this.viewer.open || this.viewer.asset().id !== place.asset)) {
        this.viewer.show(this.timeline, index);
      }
    } else if (this.viewer.open) {
      this.viewer.hide();
    }
  }

  async show(place) {
    if (this.timeline) {
      this.timeline.destroy();
      this.timeline = null;
    }
    if (this.moments) {
      this.moments.destroy();
      this.moments = null;
    }
    if (this.viewer.open) {
      this.viewer.hide();
    }
    const generation = ++this.generation;
    this.current = () => generation === this.generation;
    this.selection.clear();
    this.scroller.scrollTop = 0;
    this.header.hidden = true;
    this.header.replaceChildren();
    this.scrubber.hide();
    $('#filter').value = place.type;
    for (const link of document.querySelectorAll('.nav a')) {
      const current =
        link.dataset.view === place.view ||
        (link.dataset.view === 'albums' && place.view === 'album') ||
        (link.dataset.view === 'moments' && place.view === 'moment');
      link.classList.toggle('current', current);
      if (current) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    }
    document.body.dataset.view = place.view;
    if (place.view === 'albums') {
      await showAlbums(this.scroller, this.header, place.type, this.current);
      return;
    }
    if (place.view === 'trash') {
      await showTrash(this.scroller, this.header, this.selection, this.current);
      return;
    }
    if (place.view === 'moments') {
      this.moments = new MomentsView({ scroller: this.scroller, mediaType: place.type, current: this.current });
      await this.moments.start();
      return;
    }
    // A moment is an album to the API: its view is an album's, under its place and dates.
    const album = place.view === 'favorites' ? 'smart-favorites' : place.view === 'album' || place.view === 'moment' ? place.id : null;
    if (place.view === 'album' || place.view === 'moment') {
      await (place.view === 'album' ? albumHeader(this.header, place.id, () => this.go({ view: 'albums', id: null, asset: null })) : momentHeader(this.header, place.id));
      if (!this.current()) {
        return;
      }
    }
    this.timeline = new Timeline({
      scroller: this.scroller,
      selection: this.selection,
      empty: place.view === 'favorites' ? 'No favorites yet: press ♡ on a photo.' : 'Nothing here yet. Drop photos and videos on this page, or use Upload.',
      load: (after, first) => api.get('/assets' + api.query({ first, after, album, mediaType: place.type, sortBy: 'creationTime:desc' })),
      onOpen: (index) => this.viewer.show(this.timeline, index),
      onChange: () => this.scrubber.update(this.timeline),
    });
    const timeline = this.timeline;
    this.scrubber.reserve();
    await timeline.start();
    // The counts per month after the first page: the first screen does not wait for them.
    if (this.timeline === timeline) {
      this.scrubber.attach(timeline, { album, mediaType: place.type });
    }
  }

  selectionBar() {
    const bar = $('#selection-bar');
    const update = () => {
      bar.hidden = this.selection.size === 0;
      $('#selection-count').textContent = `${this.selection.size} selected`;
      const trash = this.place && this.place.view === 'trash';
      const album = this.place && this.place.view === 'album';
      $('#selection-remove').hidden = !album;
      $('#selection-restore').hidden = !trash;
      $('#selection-favorite').hidden = trash;
      $('#selection-album').hidden = trash;
      $('#selection-delete').hidden = trash;
    };
    this.cleanup.push(this.selection.listen(update));
    const on = (id, handler) => this.listen($(id), 'click', handler);
    on('#selection-clear', () => this.selection.clear());
    on('#selection-favorite', () => this.favorite(this.selection.list(), true));
    on('#selection-album', () => this.picker.open(this.selection.list()));
    on('#selection-delete', () => this.delete(this.selection.list()));
    on('#selection-remove', async () => {
      const ids = this.selection.list();
      await api.post(`/albums/${encodeURIComponent(this.place.id)}/assets/remove`, { assetIds: ids });
      this.selection.clear();
      this.timeline.remove(ids);
      note(`Removed ${ids.length} from the album`);
    });
    on('#selection-restore', async () => {
      const ids = this.selection.list();
      await api.post('/trash/restore', { ids });
      this.selection.clear();
      note(`Restored ${ids.length}`);
      await showTrash(this.scroller, this.header, this.selection, this.current);
    });
  }

  async favorite(ids, value) {
    await Promise.all(ids.map((id) => api.call('PUT', `/assets/${encodeURIComponent(id)}/favorite`, { favorite: value })));
    if (this.selection.size > 0) {
      this.selection.clear();
      note(value ? `Added ${ids.length} to Favorites` : `Removed ${ids.length} from Favorites`);
    }
  }

  async delete(ids) {
    if (ids.length === 0) {
      return;
    }
    await api.post('/assets/delete', { ids });
    this.selection.clear();
    if (this.timeline) {
      this.timeline.remove(ids);
    }
    note(`Moved ${ids.length} to the trash`, {
      label: 'Undo',
      run: () => api.post('/trash/restore', { ids }).then(() => this.refresh()),
    });
  }

  afterAlbumChange() {
    this.selection.clear();
    this.refresh();
  }

  /** Reads the current view again (after the server came back, or a change it cannot patch). */
  async refresh() {
    if (!this.place) {
      return;
    }
    if (this.timeline) {
      await this.timeline.reload();
      this.keepViewerOnItsAsset();
    } else if (this.place.view === 'albums') {
      await showAlbums(this.scroller, this.header, this.place.type, this.current);
    } else if (this.place.view === 'trash') {
      await showTrash(this.scroller, this.header, this.selection, this.current);
    } else if (this.moments) {
      await this.moments.reload();
    }
  }

  keepViewerOnItsAsset() {
    if (this.viewer.open && this.place.asset) {
      const index = this.timeline.index.get(this.place.asset);
      if (index !== undefined) {
        this.viewer.index = index;
      }
    }
  }

  /**
   * A change of the library (this page, another tab, the command line, a file copied in). Each
   * one handled leaves a mark in the Performance API's timeline ("camroll:change-applied"), by
   * which the time from a change to the page is measured.
   */
  async changed(changes) {
    try {
      await this.apply(changes);
    } finally {
      performance.mark('camroll:change-applied');
    }
  }

  async apply(changes) {
    if (!this.timeline) {
      await this.refresh();
      return;
    }
    const onlyDeleted = changes.hasIncrementalChanges && changes.insertedAssets.length === 0 && changes.updatedAssets.length === 0;
    if (onlyDeleted) {
      this.timeline.remove(changes.deletedAssets);
      this.keepViewerOnItsAsset();
      return;
    }
    const onlyUpdated = changes.hasIncrementalChanges && changes.insertedAssets.length === 0 && changes.deletedAssets.length === 0;
    if (onlyUpdated && this.place.view !== 'favorites') {
      const loaded = changes.updatedAssets.filter((id) => this.timeline.index.has(id));
      if (loaded.length === 0) {
        return;
      }
      // Only what changed is read again, not the whole loaded range: unless one moved.
      if (loaded.length <= PATCH_MAX && (await this.patch(loaded))) {
        return;
      }
    }
    await this.refresh();
  }

  /** Reads these loaded assets again and puts them in their places; false when that cannot be done. */
  async patch(ids) {
    const timeline = this.timeline;
    const page = await api.get('/assets?' + ids.map((id) => 'id=' + encodeURIComponent(id)).join('&'));
    const types = this.place.type.split(',');
    if (timeline !== this.timeline || page.assets.length !== ids.length || page.assets.some((asset) => !types.includes(asset.mediaType))) {
      return false;
    }
    if (!timeline.patch(page.assets)) {
      return false;
    }
    this.keepViewerOnItsAsset();
    return true;
  }

  key(event) {
    const target = event.target;
    if (this.viewer.open || target.closest('input, select, textarea, dialog, button, a')) {
      return;
    }
    if (event.key === 'Escape') {
      this.selection.clear();
      return;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && this.selection.size > 0 && this.place.view !== 'trash') {
      event.preventDefault();
      this.delete(this.selection.list());
      return;
    }
    if (event.key === 'a' && (event.ctrlKey || event.metaKey) && this.timeline) {
      event.preventDefault();
      this.selection.selectAll(this.timeline.assets);
      return;
    }
    if (this.timeline && !event.altKey && !event.ctrlKey && !event.metaKey) {
      this.timeline.key(event);
    }
  }
}
