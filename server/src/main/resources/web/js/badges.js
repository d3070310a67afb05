// The badges a phone puts on a tile: what kind of picture or clip it is (Live Photo, Motion Photo,
// burst, panorama, raw, slow motion, time-lapse) and a video's or sound's length. Each says in
// words what its few letters mean (its title and aria-label), and the tile's own label repeats
// those words, since a screen reader says a grid cell's label rather than its content.

/** The subtype badges in the order they are shown; the first of a kind wins (a Live Photo is not also "Motion"). */
const SUBTYPES = [
  { subtype: 'livePhoto', text: 'LIVE', label: 'Live Photo', kind: 'live' },
  // Google's and Samsung's moving photos: a phone shows them with the same kind of mark.
  { subtype: 'motionPhoto', text: 'LIVE', label: 'Motion Photo', kind: 'live' },
  { subtype: 'burst', text: 'BURST', label: 'Burst photo', kind: 'burst' },
  { subtype: 'panorama', text: 'PANO', label: 'Panorama', kind: 'panorama' },
  { subtype: 'raw', text: 'RAW', label: 'RAW photo', kind: 'raw' },
  { subtype: 'highFrameRate', text: 'SLO-MO', label: 'Slo-mo video', kind: 'slow' },
  { subtype: 'timelapse', text: 'TIME-LAPSE', label: 'Time-lapse video', kind: 'timelapse' },
];

/** A length as a player shows it: 0:05, 1:05, 1:02:03. */
export function durationText(seconds) {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The badges of an asset, each as { text, label, kind }: its subtypes first, then its length. */
export function badgesOf(asset) {
  const subtypes = asset.mediaSubtypes || [];
  const badges = [];
  const kinds = new Set();
  for (const badge of SUBTYPES) {
    if (subtypes.includes(badge.subtype) && !kinds.has(badge.kind)) {
      kinds.add(badge.kind);
      badges.push(badge);
    }
  }
  if (asset.mediaType === 'video' || asset.mediaType === 'audio') {
    const length = durationText(asset.duration || 0);
    const video = asset.mediaType === 'video';
    badges.push({ text: (video ? '▶ ' : '♪ ') + length, label: `${video ? 'Video' : 'Sound'}, ${length}`, kind: 'duration' });
  }
  return badges;
}

/** Puts the badges on a tile (bottom right, in a row); returns their words for the tile's label. */
export function addBadges(tile, asset) {
  const badges = badgesOf(asset);
  if (badges.length === 0) {
    return [];
  }
  const row = document.createElement('span');
  row.className = 'badges';
  for (const badge of badges) {
    const element = document.createElement('span');
    element.className = `badge ${badge.kind}`;
    element.textContent = badge.text;
    element.title = badge.label;
    element.setAttribute('aria-label', badge.label);
    row.append(element);
  }
  tile.append(row);
  return badges.map((badge) => badge.label);
}
