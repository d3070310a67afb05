// The justified grid: pictures in rows that fill the width, each row as high as its pictures'
// aspect ratios allow, grouped under a header per day. Pure functions over numbers, so the
// timeline can lay out 100,000 assets in a few milliseconds and redo only the last day when a
// page arrives.

/** An asset's aspect ratio from the index (width / height), kept within 1:4 and 4:1; 1 when unknown. */
export function aspectOf(asset) {
  if (!asset.width || !asset.height) {
    return 1;
  }
  return Math.min(4, Math.max(0.25, asset.width / asset.height));
}

/**
 * Lays out one day: rows of consecutive pictures whose heights make them fill `width` exactly,
 * near `target` high; the last row keeps the target height rather than stretching a few pictures.
 * Returns rows as { start, count, height, xs, widths } (positions relative to the row).
 */
export function justify(ratios, width, target, gap) {
  const rows = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < ratios.length; i++) {
    sum += ratios[i];
    const count = i - start + 1;
    if (sum * target + gap * (count - 1) >= width) {
      rows.push(row(ratios, start, count, (width - gap * (count - 1)) / sum, gap));
      start = i + 1;
      sum = 0;
    }
  }
  if (start < ratios.length) {
    const count = ratios.length - start;
    // A lone wide picture could still overflow the target height: never wider than the grid.
    const height = Math.min(target, (width - gap * (count - 1)) / sum);
    rows.push(row(ratios, start, count, height, gap));
  }
  return rows;
}

function row(ratios, start, count, height, gap) {
  const xs = new Array(count);
  const widths = new Array(count);
  let x = 0;
  for (let k = 0; k < count; k++) {
    const w = ratios[start + k] * height;
    xs[k] = x;
    widths[k] = w;
    x += w + gap;
  }
  return { start, count, height, xs, widths };
}

/** The key of an asset's day in the browser's zone ("2026-11-29"), and of its month ("2026-11"). */
export function dayKey(time) {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function monthKey(time) {
  const date = new Date(time);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

const pad = (n) => String(n).padStart(2, '0');

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });

/** A day header's words: Today, Yesterday, or the date. */
export function dayLabel(key, now = new Date()) {
  const [y, m, d] = key.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((today - date) / 86_400_000);
  if (days === 0) {
    return 'Today';
  }
  if (days === 1) {
    return 'Yesterday';
  }
  return dayFormat.format(date);
}
