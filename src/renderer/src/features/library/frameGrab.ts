import { i18n } from '../../i18n';

/** A still of a clip: the PNG and where in the clip it was taken. */
export interface Frame {
  blob: Blob;
  atSeconds: number;
}

/** How far before the end the "last frame" is taken: the very end may show no picture. */
const LAST_FRAME_OFFSET = 0.05;

/**
 * The frame under the playhead, drawn on a canvas. A paused player still at its start has
 * not been looked at: its last frame is taken, the one a continuation starts from.
 *
 * The frame is drawn from a second, unseen video of the same clip loaded with CORS
 * (`crossOrigin = 'anonymous'`), not from the player: in the desktop app the page
 * (`app://airframe`) and the media (`clip://media`) are different origins, and a canvas a
 * cross-origin video was drawn on cannot be read. Main answers the app's CORS requests;
 * the player itself stays as it is, so playback never depends on CORS.
 */
export async function grabFrame(player: HTMLVideoElement): Promise<Frame> {
  player.pause();
  if (player.readyState < HTMLMediaElement.HAVE_METADATA) await until(player, 'loadedmetadata');
  const atStart = player.currentTime === 0 && Number.isFinite(player.duration);
  const at =
    atStart && player.duration > 0
      ? Math.max(0, player.duration - LAST_FRAME_OFFSET)
      : player.currentTime;
  const video = document.createElement('video');
  video.crossOrigin = 'anonymous';
  video.muted = true;
  video.preload = 'auto';
  try {
    const loaded = until(video, 'loadedmetadata');
    video.src = player.currentSrc || player.src;
    await loaded;
    const seeked = until(video, 'seeked');
    video.currentTime = at;
    await seeked;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) await until(video, 'loadeddata');
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) throw new Error(i18n.t('library:chain.noFrame'));
    context.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(i18n.t('library:chain.noFrame'));
    return { blob, atSeconds: at };
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}

function until(video: HTMLVideoElement, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      video.removeEventListener(event, done);
      video.removeEventListener('error', failed);
      resolve();
    };
    const failed = () => {
      video.removeEventListener(event, done);
      video.removeEventListener('error', failed);
      reject(new Error(i18n.t('library:view.playError')));
    };
    video.addEventListener(event, done);
    video.addEventListener('error', failed);
  });
}
