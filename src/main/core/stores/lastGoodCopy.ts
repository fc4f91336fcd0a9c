import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import type { Notice } from '../../../shared/notices';

/** Where the last copy that read well is kept, beside the file. */
export const lastGoodPath = (file: string) => `${file}.last-good`;

function readsWell(file: string): boolean {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

function copyAtomically(from: string, to: string): void {
  copyFileSync(from, `${to}.tmp`);
  renameSync(`${to}.tmp`, to);
}

function localTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * Run before a JSON store (JsonFileStore, electron-store) reads its file. A file that reads
 * well becomes the last good copy; one that does not is kept aside as
 * `<file>.corrupt-<time>` (never deleted) and the last good copy put in its place. Either
 * way the user is told; nothing silently starts empty.
 */
export function guardJsonFile(file: string, now: number, what = 'The settings file'): Notice[] {
  const good = lastGoodPath(file);
  const exists = existsSync(file);
  if (exists && readsWell(file)) {
    const same = existsSync(good) && readFileSync(good).equals(readFileSync(file));
    if (!same) copyAtomically(file, good);
    return [];
  }
  if (!exists && !existsSync(good)) return [];
  const kept = exists ? `${file}.corrupt-${now}` : null;
  if (kept) renameSync(file, kept);
  const keptAt = kept ? ` The damaged file is kept at ${kept}.` : '';
  const state = exists ? 'was damaged' : 'was missing';
  if (readsWell(good)) {
    copyAtomically(good, file);
    const message = `${what} ${state}; restored the last good copy, from ${localTime(statSync(good).mtimeMs)}.${keptAt}`;
    return [{ level: 'warning', message, at: now }];
  }
  const message = `${what} ${state} and there is no good copy of it; the settings start from their defaults.${keptAt}`;
  return [{ level: 'error', message, at: now }];
}
