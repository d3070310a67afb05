// The detail view: one asset at screen size over the grid. Photos show their 1440 px preview, and
// the original (or a JPEG rendition where the browser cannot show the original) on zoom; video and
// audio play with seeking. The arrow keys step through the grid's order, loading more as needed.

import { get, originalUrl, renditionUrl, thumbnailUrl } from './api.js';
import { durationText } from './badges.js';
import { icon } from './icons.js';
import { hasPairedVideo, swapOnHover } from './paired-video.js';

/** Types Chromium, Firefox and Safari all show in an <img>. */
const SHOWN = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/svg+xml']);

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

export function sizeText(bytes) {
  if (bytes === undefined || bytes === null) {
    return '';
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function button(label, className, onClick, title) {
  const node = element('button', className);
  node.append(typeof label === 'string' ? document.createTextNode(label) : label);
  node.type = 'button';
  if (title) {
    node.title = title;
    node.setAttribute('aria-label', title);
  }
  node.addEventListener('click', onClick);
  return node;
}

/** The first value of a tag among the EXIF directories, as metadata-extractor names them. */
function tag(exif, name) {
  for (const directory of Object.values(exif || {})) {
    if (directory[name] !== undefined) {
      return directory[name];
    }
  }
  return undefined;
}

export class Viewer {
  constructor(root, { actions, onClose, onShow }) {
    this.root = root;
    this.actions = actions;
    this.onClose = onClose;
    this.onShow = onShow;
    this.timeline = null;
    this.index = -1;
    this.info = null;

    this.stage = element('div', 'stage');
    this.media = element('div', 'media');
    this.previous = button(icon('left'), 'step previous', () => this.step(-1), 'Previous (←)');
    this.next = button(icon('right'), 'step next', () => this.step(1), 'Next (→)');
    this.stage.append(this.media, this.previous, this.next);

    this.bar = element('div', 'viewer-bar');
    this.close = button(icon('close'), 'icon', () => this.hide(), 'Close (Esc)');
    this.favorite = button(icon('heart'), 'icon favorite', () => this.toggleFavorite(), 'Favorite (F)');
    this.favorite.setAttribute('aria-pressed', 'false');
    this.album = button(icon('plus'), 'icon', () => this.actions.addToAlbum([this.asset().id]), 'Add to album');
    this.download = element('a', 'icon');
    this.download.append(icon('download'));
    this.download.title = 'Download the original';
    this.download.setAttribute('aria-label', 'Download the original');
    this.trash = button(icon('trash'), 'icon danger', () => this.remove(), 'Delete (Del)');
    this.bar.append(this.close, element('span', 'spacer'), this.favorite, this.album, this.download, this.trash);

    this.details = element('aside', 'details');
    this.root.replaceChildren(this.bar, this.stage, this.details);
    // A property, not a listener: the viewer of a later sign-in replaces this one's.
    this.root.onkeydown = (event) => this.key(event);
  }

  get open() {
    return !this.root.hidden;
  }

  asset() {
    return this.timeline.assets[this.index];
  }

  show(timeline, index) {
    this.timeline = timeline;
    if (this.root.hidden) {
      this.returnFocus = document.activeElement;
      this.root.hidden = false;
      document.body.classList.add('viewing');
    }
    this.display(index);
    this.root.focus({ preventScroll: true });
  }

  hide() {
    if (this.root.hidden) {
      return;
    }
    this.stopMedia();
    this.root.hidden = true;
    document.body.classList.remove('viewing');
    this.timeline.focus(this.index);
    this.onClose();
  }

  stopMedia() {
    for (const player of this.media.querySelectorAll('video, audio')) {
      player.pause();
      player.removeAttribute('src');
      player.load();
    }
  }

  async step(direction) {
    let next = this.index + direction;
    if (next >= this.timeline.assets.length && this.timeline.hasNext) {
      await this.timeline.more();
    }
    if (next < 0 || next >= this.timeline.assets.length) {
      return;
    }
    this.display(next);
  }

  display(index) {
    this.stopMedia();
    this.index = index;
    const asset = this.asset();
    this.root.dataset.id = asset.id;
    this.previous.disabled = index === 0;
    this.next.disabled = index >= this.timeline.assets.length - 1 && !this.timeline.hasNext;
    this.media.replaceChildren(this.player(asset));
    this.media.classList.remove('zoomed');
    this.download.href = originalUrl(asset.id);
    this.download.setAttribute('download', asset.filename);
    this.renderDetails(asset, null);
    this.onShow(asset.id);
    // The next picture is usually wanted next.
    const following = this.timeline.assets[index + 1];
    if (following) {
      new Image().src = thumbnailUrl(following.id, 'preview');
    }
    const shown = asset.id;
    get(`/assets/${encodeURIComponent(asset.id)}`)
      .then((info) => {
        if (this.asset() && this.asset().id === shown) {
          this.info = info;
          this.renderDetails(asset, info);
          this.choosePlayback(info);
        }
      })
      .catch(() => {});
  }

  player(asset) {
    if (asset.mediaType === 'video') {
      const video = element('video', 'player');
      video.controls = true;
      video.playsInline = true;
      video.preload = 'metadata';
      video.poster = thumbnailUrl(asset.id, 'preview');
      return video;
    }
    if (asset.mediaType === 'audio') {
      const box = element('div', 'audio');
      const cover = element('img', 'cover');
      cover.alt = '';
      cover.src = thumbnailUrl(asset.id, 'preview');
      cover.addEventListener('error', () => cover.replaceWith(element('div', 'cover none', '♪')));
      const audio = element('audio', 'player');
      audio.controls = true;
      audio.preload = 'metadata';
      box.append(cover, element('p', 'caption', asset.filename), audio);
      return box;
    }
    const image = element('img', 'photo');
    image.alt = asset.filename;
    image.src = thumbnailUrl(asset.id, 'preview');
    image.addEventListener('error', () => {
      if (image.src.includes('/thumbnail')) {
        // No thumbnail for this kind (a raw file, say): the rendition, which is the original where
        // the browser shows it as it is, else a JPEG of it (a raw file's preview, a TIFF).
        image.src = renditionUrl(asset.id);
      } else {
        image.replaceWith(element('div', 'placeholder', asset.filename));
      }
    });
    image.addEventListener('click', () => this.zoom(image, asset));
    image.title = 'Click to zoom';
    if (hasPairedVideo(asset)) {
      swapOnHover(image, asset);
    }
    return image;
  }

  /** Zoom: the original at full size (a rendition when the browser cannot show the original). */
  zoom(image, asset) {
    const zoomed = this.media.classList.toggle('zoomed');
    if (zoomed) {
      const type = this.info && this.info.mimeType;
      // The rendition is the original itself where the browser shows it: the safe choice while the type is unknown.
      image.src = type && SHOWN.has(type) ? originalUrl(asset.id) : renditionUrl(asset.id);
    }
  }

  /** Video and audio: the original where the browser can play its type, else the rendition, and the other on failure. */
  choosePlayback(info) {
    const player = this.media.querySelector('video, audio');
    if (!player) {
      return;
    }
    const playable = info.mimeType && player.canPlayType(info.mimeType) !== '';
    const order = playable ? [originalUrl(info.id), renditionUrl(info.id)] : [renditionUrl(info.id), originalUrl(info.id)];
    let attempt = 0;
    player.addEventListener('error', () => {
      attempt++;
      if (attempt < order.length) {
        player.src = order[attempt];
      } else {
        player.replaceWith(element('div', 'placeholder', `${info.filename}: this browser cannot play it`));
      }
    });
    player.src = order[0];
  }

  renderDetails(asset, info) {
    const list = element('dl', 'facts');
    const add = (name, value) => {
      if (value === undefined || value === null || value === '') {
        return;
      }
      list.append(element('dt', '', name));
      const cell = element('dd');
      if (value instanceof Node) {
        cell.append(value);
      } else {
        cell.textContent = value;
      }
      list.append(cell);
    };
    add('Date', dateFormat.format(new Date(asset.creationTime)));
    add('File', asset.filename);
    if (asset.width && asset.height) {
      add('Size', `${asset.width} × ${asset.height}${info ? ' · ' + sizeText(info.fileSize) : ''}`);
    } else if (info) {
      add('Size', sizeText(info.fileSize));
    }
    if (asset.duration) {
      add('Length', durationText(asset.duration));
    }
    const heading = element('h2', 'title', asset.filename);
    this.details.replaceChildren(heading, list);
    if (!info) {
      this.markFavorite(false);
      return;
    }
    this.markFavorite(!!info.isFavorite);
    const tags = info.audioTags;
    if (tags) {
      add('Title', tags.title);
      add('Artist', tags.artist);
      add('Album', tags.album);
      add('Track', tags.track);
      add('Year', tags.year);
      add('Genre', tags.genre);
      this.showSoundTags(tags);
    }
    add('Camera', cameraName(info.cameraMake, info.cameraModel));
    const exposure = [
      tag(info.exif, 'F-Number'),
      tag(info.exif, 'Exposure Time'),
      tag(info.exif, 'ISO Speed Ratings') && 'ISO ' + tag(info.exif, 'ISO Speed Ratings'),
      tag(info.exif, 'Focal Length'),
    ].filter(Boolean);
    add('Exposure', exposure.join(' · '));
    add('Type', info.mimeType);
    if (info.location) {
      const { latitude, longitude } = info.location;
      const link = element('a', 'map', `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`);
      const [lat, lon] = [latitude.toFixed(6), longitude.toFixed(6)];
      link.href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=15/${lat}/${lon}`;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      add('Location', link);
    }
    const directories = Object.entries(info.exif || {});
    if (directories.length > 0) {
      const all = element('details', 'exif');
      const summary = element('summary', '', 'All metadata');
      all.append(summary);
      all.addEventListener('toggle', () => {
        if (all.open && all.childElementCount === 1) {
          for (const [directory, tags] of directories) {
            all.append(element('h3', '', directory));
            const table = element('dl', 'facts small');
            for (const [name, value] of Object.entries(tags)) {
              table.append(element('dt', '', name), element('dd', '', value));
            }
            all.append(table);
          }
        }
      }, { once: false });
      this.details.append(all);
    }
  }

  /** A sound's player is captioned by its title and artist, its album under them; the cover is its thumbnail. */
  showSoundTags(tags) {
    const box = this.media.querySelector('.audio');
    if (!box || !tags.title) {
      return;
    }
    const caption = box.querySelector('.caption');
    caption.textContent = tags.artist ? `${tags.title} · ${tags.artist}` : tags.title;
    if (tags.album) {
      const album = element('p', 'caption album', tags.year ? `${tags.album} (${tags.year})` : tags.album);
      caption.after(album);
    }
    const cover = box.querySelector('img.cover');
    if (cover) {
      cover.alt = tags.album ? `Cover of ${tags.album}` : `Cover of ${tags.title}`;
    }
  }

  markFavorite(value) {
    this.favorite.setAttribute('aria-pressed', String(value));
    this.favorite.replaceChildren(icon('heart', value));
    this.favorite.title = value ? 'Unfavorite (F)' : 'Favorite (F)';
  }

  async toggleFavorite() {
    const asset = this.asset();
    const value = !(this.info && this.info.id === asset.id && this.info.isFavorite);
    await this.actions.favorite([asset.id], value);
    if (this.info && this.info.id === asset.id) {
      this.info.isFavorite = value;
      this.markFavorite(value);
    }
  }

  async remove() {
    const asset = this.asset();
    await this.actions.delete([asset.id]);
    if (this.timeline.assets.length === 0) {
      this.hide();
      return;
    }
    this.display(Math.min(this.index, this.timeline.assets.length - 1));
  }

  key(event) {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const onPlayer = event.target instanceof HTMLMediaElement;
    switch (event.key) {
      case 'ArrowRight':
        if (!onPlayer) {
          this.step(1);
          event.preventDefault();
        }
        break;
      case 'ArrowLeft':
        if (!onPlayer) {
          this.step(-1);
          event.preventDefault();
        }
        break;
      case 'Escape':
        this.hide();
        event.preventDefault();
        break;
      case 'f':
        this.toggleFavorite();
        break;
      case 'Delete':
        this.remove();
        break;
      default:
    }
    event.stopPropagation();
  }
}

/** "Canon EOS 40D", not "Canon Canon EOS 40D": many cameras repeat their make in the model. */
function cameraName(make, model) {
  const maker = (make || '').trim();
  const name = (model || '').trim();
  if (!maker) return name;
  if (!name) return maker;
  return name.toLowerCase().startsWith(maker.split(/\s+/)[0].toLowerCase()) ? name : maker + ' ' + name;
}
