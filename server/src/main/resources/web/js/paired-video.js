// Live Photos and Motion Photos play their video while the pointer rests on them, as a phone plays
// one while it is pressed: muted, from the start, in the still's place; gone when the pointer
// leaves. The video is the photo's own, served by /paired-video to whoever sees the photo.

import { pairedVideoUrl } from './api.js';

/** Whether an asset has a video of its own beside its still. */
export const hasPairedVideo = (asset) =>
  (asset.mediaSubtypes || []).some((subtype) => subtype === 'livePhoto' || subtype === 'motionPhoto');

/**
 * Plays the asset's video over {@code target} (a tile) while the pointer is on it. The video is
 * made on entering and dropped on leaving, so a grid of thousands of tiles holds none at rest.
 */
export function playOnHover(target, asset) {
  let video = null;
  const stop = () => {
    if (video) {
      video.pause();
      video.removeAttribute('src');
      video.load();
      video.remove();
      video = null;
    }
  };
  target.addEventListener('mouseenter', () => {
    if (video) {
      return;
    }
    video = pairedPlayer(asset, 'paired-video');
    // A video the browser cannot play (HEVC in Chromium, say) leaves the still as it was.
    video.addEventListener('error', stop);
    target.append(video);
  });
  target.addEventListener('mouseleave', stop);
}

/** In the viewer: the still gives way to its video while the pointer is on it. */
export function swapOnHover(image, asset) {
  image.addEventListener('mouseenter', () => {
    const video = pairedPlayer(asset, 'paired-video-full');
    const back = () => {
      video.pause();
      video.remove();
      image.hidden = false;
    };
    video.addEventListener('mouseleave', back);
    video.addEventListener('error', back);
    video.addEventListener('click', () => {
      back();
      image.click();
    });
    image.hidden = true;
    image.after(video);
  });
}

function pairedPlayer(asset, className) {
  const video = document.createElement('video');
  video.className = className;
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.loop = true;
  video.src = pairedVideoUrl(asset.id);
  return video;
}
