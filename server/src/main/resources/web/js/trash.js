// The trash: what was deleted, for 30 days. Select to restore; empty it for good.

import * as api from './api.js';
import { confirmAction, element, note } from './dom.js';

let stopPainting = null;

export async function showTrash(scroller, header, selection, current) {
  const { ids } = await api.get('/trash');
  if (!current()) {
    return;
  }
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
  ids.forEach((id, index) => {
    const tile = element('div', 'tile square');
    tile.dataset.id = id;
    tile.tabIndex = 0;
    tile.setAttribute('role', 'gridcell');
    tile.setAttribute('aria-label', 'Deleted item');
    const image = element('img');
    image.alt = '';
    image.src = api.thumbnailUrl(id);
    image.addEventListener('error', () => {
      tile.classList.add('broken');
      image.replaceWith(element('span', 'name', 'In the trash'));
    });
    tile.append(image, element('span', 'check'));
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
