// The trash: what was deleted, for 30 days, each with its thumbnail and file name. Select to
// restore; empty it for good.

import * as api from './api.js';
import { confirmAction, element, note } from './dom.js';

let stopPainting = null;

/** Every trashed asset, most recently deleted first, read page by page. */
async function trashedAssets() {
  const assets = [];
  let after;
  do {
    const page = await api.get('/trash/assets' + api.query({ first: 1000, after }));
    assets.push(...page.assets);
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
  return assets;
}

export async function showTrash(scroller, header, selection, current) {
  const assets = await trashedAssets();
  if (!current()) {
    return;
  }
  const ids = assets.map((asset) => asset.id);
  const title = element('h1', '', 'Trash');
  const count = element('span', 'count', `${ids.length} ${ids.length === 1 ? 'item' : 'items'} · kept 30 days`);
  const restoreAll = element('button', 'quiet', 'Restore all');
  restoreAll.type = 'button';
  restoreAll.disabled = ids.length === 0;
  restoreAll.addEventListener('click', async () => {
    await api.post('/trash/restore', { ids });
    note(`Restored ${ids.length}`);
    selection.clear();
    await showTrash(scroller, header, selection, current);
  });
  const empty = element('button', 'danger', 'Empty trash');
  empty.type = 'button';
  empty.disabled = ids.length === 0;
  empty.addEventListener('click', async () => {
    if (await confirmAction(`Delete ${ids.length} ${ids.length === 1 ? 'item' : 'items'} for good? This cannot be undone.`, 'Empty trash')) {
      await api.call('DELETE', '/trash');
      note('The trash is empty');
      selection.clear();
      await showTrash(scroller, header, selection, current);
    }
  });
  header.replaceChildren(title, count, element('span', 'spacer'), restoreAll, empty);
  header.hidden = false;

  const grid = element('div', 'trash-grid');
  grid.setAttribute('role', 'grid');
  assets.forEach(({ id, filename }, index) => {
    const tile = element('div', 'tile square');
    tile.dataset.id = id;
    tile.tabIndex = 0;
    tile.title = filename;
    tile.setAttribute('role', 'gridcell');
    tile.setAttribute('aria-label', filename);
    const image = element('img');
    image.alt = '';
    image.src = api.thumbnailUrl(id);
    // Nothing to draw (a sound without cover art, say): the name alone, as in the timeline.
    image.addEventListener('error', () => {
      tile.classList.add('broken');
      image.remove();
    });
    tile.append(image, element('span', 'trash-name', filename), element('span', 'check'));
    const toggle = () => selection.toggle(id, index);
    tile.addEventListener('click', toggle);
    tile.addEventListener('keydown', (event) => {
      if (event.key === ' ' || event.key === 'Enter') {
        event.preventDefault();
        toggle();
      }
    });
    grid.append(tile);
  });
  const paint = () => {
    for (const tile of grid.children) {
      const selected = selection.has(tile.dataset.id);
      tile.classList.toggle('selected', selected);
      tile.setAttribute('aria-selected', String(selected));
    }
    grid.classList.toggle('selecting', selection.size > 0);
  };
  if (stopPainting) {
    stopPainting();
  }
  stopPainting = selection.listen(paint);
  scroller.replaceChildren(grid);
  if (ids.length === 0) {
    scroller.append(element('p', 'empty', 'The trash is empty.'));
  }
}
