// The albums page (folders with their count and a cover, then the smart albums), the dialog
// that adds assets to an album or makes a new one of them, and the one that renames an album.

import * as api from './api.js';
import { $, confirmAction, element, note } from './dom.js';

async function coverOf(album, mediaType) {
  const page = await api.get('/assets' + api.query({ album: album.id, first: 1, mediaType, sortBy: 'creationTime:desc' }));
  return page.assets[0] || null;
}

function card(album, mediaType) {
  const link = element('a', 'album-card');
  link.href = album.id === 'smart-favorites' ? '#/favorites' : `#/album/${encodeURIComponent(album.id)}`;
  const count = `${album.assetCount} ${album.assetCount === 1 ? 'item' : 'items'}`;
  // One phrase for a screen reader rather than a picture, a title and a number read apart.
  link.setAttribute('aria-label', `${album.title}, ${count}`);
  const cover = element('div', 'cover');
  link.append(cover, element('span', 'album-title', album.title));
  link.append(element('span', 'album-count', count));
  if (album.assetCount > 0) {
    coverOf(album, mediaType)
      .then((asset) => {
        if (asset) {
          const image = element('img');
          image.alt = '';
          image.src = api.thumbnailUrl(asset.id);
          image.addEventListener('error', () => image.remove());
          cover.append(image);
        }
      })
      .catch(() => {});
  }
  return link;
}

export async function showAlbums(scroller, header, mediaType, current) {
  const albums = await api.get('/albums' + api.query({ includeSmartAlbums: true }));
  if (!current()) {
    return;
  }
  const folders = albums.filter((album) => album.type === 'album').sort((a, b) => a.title.localeCompare(b.title));
  const smart = albums.filter((album) => album.type === 'smart' && album.id !== 'smart-recents');
  const page = element('div', 'albums-page');
  page.append(element('h2', 'section-title', 'Albums'));
  const grid = element('div', 'album-grid');
  for (const album of folders) {
    grid.append(card(album, mediaType));
  }
  if (folders.length === 0) {
    page.append(element('p', 'empty', 'No albums yet. Select photos, then “Add to album” to make one.'));
  }
  page.append(grid);
  // The albums a phone makes by itself, each listed only when it holds something (the server
  // leaves out the empty ones; Favorites stays, as on a phone). Recents is the timeline itself.
  page.append(element('h2', 'section-title', 'Smart albums'));
  const smartGrid = element('div', 'album-grid smart-albums');
  for (const album of smart) {
    smartGrid.append(card(album, mediaType));
  }
  page.append(smartGrid);
  header.hidden = true;
  scroller.replaceChildren(page);
}

/**
 * The header of an album's view: its title and count, and for a folder album Rename and Delete
 * album (a smart album has neither: the server refuses them, so they are not offered).
 */
export async function albumHeader(header, id, onDeleted) {
  const albums = await api.get('/albums' + api.query({ includeSmartAlbums: true }));
  const album = albums.find((candidate) => candidate.id === id);
  const title = document.createElement('h1');
  title.textContent = album ? album.title : 'Album';
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = album ? `${album.assetCount} ${album.assetCount === 1 ? 'item' : 'items'}` : '';
  header.replaceChildren(title, count);
  if (album && album.type === 'album') {
    const rename = document.createElement('button');
    rename.type = 'button';
    rename.className = 'quiet';
    rename.id = 'album-rename';
    rename.textContent = 'Rename';
    rename.addEventListener('click', async () => {
      const renamed = await renameAlbum(album);
      if (renamed) {
        album.title = renamed.title;
        title.textContent = renamed.title;
        note(`Renamed the album to ${renamed.title}`);
      }
    });
    header.append(rename);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'quiet danger';
    remove.textContent = 'Delete album';
    remove.addEventListener('click', async () => {
      if (await confirmAction(`Delete the album “${album.title}”? Its photos stay in the library.`, 'Delete album')) {
        await api.post('/albums/delete', { albumIds: [album.id], assetRemove: false });
        onDeleted();
      }
    });
    header.append(remove);
  }
  header.hidden = false;
}

/** The dialog of "Add to album": an album of the list, or a new one named here. */
export class AlbumPicker {
  constructor(onDone) {
    this.dialog = $('#album-dialog');
    this.onDone = onDone;
    this.ids = [];
    // Properties, not listeners: the picker of a later sign-in replaces this one's.
    $('#new-album-create').onclick = () => this.create();
    $('#new-album').onkeydown = (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.create();
      }
    };
  }

  async open(ids) {
    if (ids.length === 0) {
      return;
    }
    this.ids = ids;
    $('#album-error').textContent = '';
    $('#new-album').value = '';
    $('#album-dialog-title').textContent = ids.length === 1 ? 'Add to album' : `Add ${ids.length} to album`;
    const list = $('#album-choices');
    list.replaceChildren();
    const albums = (await api.get('/albums')).sort((a, b) => a.title.localeCompare(b.title));
    for (const album of albums) {
      const choice = element('button', 'album-choice', album.title);
      choice.type = 'button';
      choice.append(element('span', 'album-count', String(album.assetCount)));
      choice.addEventListener('click', () => this.add(album));
      const item = element('li');
      item.append(choice);
      list.append(item);
    }
    this.dialog.showModal();
  }

  async add(album) {
    try {
      // The album is a folder: the assets move into it (a copy would show each photo twice).
      await api.post(`/albums/${encodeURIComponent(album.id)}/assets`, { assetIds: this.ids, copy: false });
      this.dialog.close();
      note(`Added ${this.ids.length} to ${album.title}`);
      this.onDone();
    } catch (error) {
      $('#album-error').textContent = error.message;
    }
  }

  async create() {
    const name = $('#new-album').value.trim();
    if (!name) {
      $('#album-error').textContent = 'Give the new album a name.';
      return;
    }
    try {
      const [first, ...rest] = this.ids;
      const album = await api.post('/albums', { name, assetId: first, copy: false });
      if (rest.length > 0) {
        await api.post(`/albums/${encodeURIComponent(album.id)}/assets`, { assetIds: rest, copy: false });
      }
      this.dialog.close();
      note(`Made the album ${name}`);
      this.onDone();
    } catch (error) {
      $('#album-error').textContent = error.code === 'conflict' ? `There is an album named ${name} already.` : error.message;
    }
  }
}

/**
 * Asks for a new name of an album and renames it (its folder; ids stay). Resolves the album as
 * the server gives it afterwards, or null when the dialog was left. The server's refusal (a
 * taken name, a slash) is shown in the dialog, which stays open to try another name.
 */
export function renameAlbum(album) {
  const dialog = $('#rename-dialog');
  const input = $('#rename-title');
  const error = $('#rename-error');
  input.value = album.title;
  error.textContent = '';
  return new Promise((resolve) => {
    let renamed = null;
    // Properties, not listeners: each opening replaces the last one's handlers.
    $('#rename-cancel').onclick = () => dialog.close();
    $('#rename-form').onsubmit = async (event) => {
      event.preventDefault();
      const title = input.value.trim();
      if (!title) {
        error.textContent = 'Give the album a name.';
        return;
      }
      if (title === album.title) {
        dialog.close();
        return;
      }
      try {
        renamed = await api.call('PATCH', `/albums/${encodeURIComponent(album.id)}`, { title });
        dialog.close();
      } catch (failure) {
        error.textContent = failure.code === 'conflict' ? `There is an album or folder named ${title} already.` : failure.message;
      }
    };
    dialog.addEventListener('close', () => resolve(renamed), { once: true });
    dialog.showModal();
    input.select();
  });
}
