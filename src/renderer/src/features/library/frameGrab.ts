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
 */
export async function grabFrame(video: HTMLVideoElement): Promise<Frame> {
  video.pause();
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) await until(video, 'loadedmetadata');
  if (video.currentTime === 0 && Number.isFinite(video.duration) && video.duration > 0) {
    const seeked = until(video, 'seeked');
    video.currentTime = Math.max(0, video.duration - LAST_FRAME_OFFSET);
    await seeked;
  }
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) await until(video, 'loadeddata');
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context || canvas.width === 0) throw new Error(i18n.t('library:chain.noFrame'));
  context.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(i18n.t('library:chain.noFrame'));
  return { blob, atSeconds: video.currentTime };
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
