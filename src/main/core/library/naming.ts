import { TASK_ID_PATTERN } from '../../../shared/library';

/**
 * File names in the library. They are built only from a validated task id, a date and a
 * slug restricted to `[a-z0-9-]`, so nothing a server or a prompt says can escape the folder
 * or clash with the OS (reserved names, separators, control characters, length).
 */
const SLUG_MAX = 40;

export function isTaskId(value: string): boolean {
  return TASK_ID_PATTERN.test(value);
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
 * `YYYY-MM-DD_HHMM_<slug>_<taskId>`, the date in UTC: the name must come out the same after
 * a restart or on another machine, or an unfinished `.part` would not be found again.
 */
export function clipBaseName(createdAt: number, prompt: string, taskId: string): string {
  if (!isTaskId(taskId))
    throw new Error(`Refusing an unexpected task id: ${JSON.stringify(taskId.slice(0, 80))}`);
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime())) throw new Error('Invalid creation date');
  const iso = date.toISOString();
  const stamp = `${iso.slice(0, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  return `${stamp}_${slugify(prompt)}_${taskId}`;
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

/** A name read from disk that is safe to join to the library folder: one plain component. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}
