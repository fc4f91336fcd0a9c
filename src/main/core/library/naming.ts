import { createHash } from 'node:crypto';
import { CLIP_ID_PATTERN } from '../../../shared/library';

/**
 * File names in the library. They are built only from a clip id, a date and a slug
 * restricted to `[a-z0-9-]`, so nothing a server or a prompt says can escape the folder or
 * clash with the OS (reserved names, separators, control characters, length).
 */
const SLUG_MAX = 40;
const ID_SLUG_MAX = 40;
/** 64 bits of SHA-256: two task ids sharing a clip id would take billions of clips. */
const ID_HASH_HEX = 16;

/**
 * The clip id of a task id. Task ids are opaque (nothing promises `vid_01HX…`): one already
 * in the safe alphabet is its own clip id, so libraries and `clip://` URLs made before stay
 * valid; any other becomes a slug of it plus a hash of the whole id, so `a.b` and `a_b` (or
 * `a.b` and `a:b`) never share a clip.
 */
export function clipIdFor(taskId: string): string {
  if (CLIP_ID_PATTERN.test(taskId)) return taskId;
  const slug =
    taskId
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .slice(0, ID_SLUG_MAX)
      .replace(/^_+|_+$/g, '') || 'task';
  const hash = createHash('sha256').update(taskId, 'utf8').digest('hex').slice(0, ID_HASH_HEX);
  return `${slug}-${hash}`;
}

export function slugify(prompt: string): string {
  const ascii = prompt
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.slice(0, SLUG_MAX).replace(/-+$/, '');
  return cut || 'clip';
}

/**
 * `YYYY-MM-DD_HHMM_<slug>_<clipId>`, the date in UTC: the name must come out the same after
 * a restart or on another machine, or an unfinished `.part` would not be found again.
 */
export function clipBaseName(createdAt: number, prompt: string, taskId: string): string {
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) throw new Error('Invalid creation date');
  const iso = date.toISOString();
  const stamp = `${iso.slice(0, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  return `${stamp}_${slugify(prompt)}_${clipIdFor(taskId)}`;
}

export const clipFiles = (base: string) => ({
  video: `${base}.mp4`,
  poster: `${base}.jpg`,
  sidecar: `${base}.json`,
});

const INPUT_EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as const;

export function inputImageFile(
  base: string,
  index: number,
  mime: keyof typeof INPUT_EXTENSIONS,
): string {
  return `${base}.input-${index + 1}.${INPUT_EXTENSIONS[mime]}`;
}

/**
 * A still saved from the clip at `atSeconds`: `<base>.frame-00m03s200.png` (minutes, seconds,
 * milliseconds). The same moment saved twice is the same file.
 */
export function frameFile(base: string, atSeconds: number): string {
  const ms = Math.round(atSeconds * 1000);
  const minutes = String(Math.floor(ms / 60_000)).padStart(2, '0');
  const seconds = String(Math.floor(ms / 1000) % 60).padStart(2, '0');
  return `${base}.frame-${minutes}m${seconds}s${String(ms % 1000).padStart(3, '0')}.png`;
}

/** Whether a name a sidecar gives is one of the clip's stills: only one next to the clip. */
export function isFrameFileOf(base: string, file: string): boolean {
  return (
    file.startsWith(`${base}.frame-`) &&
    /^\d+m\d{2}s\d{3}\.png$/.test(file.slice(base.length + 7)) &&
    isPlainFileName(file)
  );
}

/** A name read from disk that is safe to join to the library folder: one plain component. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}
