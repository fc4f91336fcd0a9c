import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import type { Notice } from '../../../shared/notices';
import { english, type Translate } from '../i18n';

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
 * way the user is told, in the language of `t` (the settings themselves may be what is
 * damaged: the host's guess, English by default); nothing silently starts empty.
 */
export function guardJsonFile(file: string, now: number, t: Translate = english.t): Notice[] {
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
  const keptAt = kept ? ` ${t('notice.keptAt', { path: kept })}` : '';
  if (readsWell(good)) {
    copyAtomically(good, file);
    const when = localTime(statSync(good).mtimeMs);
    const restored = t(exists ? 'notice.damagedRestored' : 'notice.missingRestored', { when });
    return [{ level: 'warning', message: restored + keptAt, at: now }];
  }
  const lost = t(exists ? 'notice.damagedNoCopy' : 'notice.missingNoCopy');
  return [{ level: 'error', message: lost + keptAt, at: now }];
}
