import type { Clip, LibrarySearchQuery, LibrarySearchResponse } from '../../../shared/library';
import type { ClipEntry } from './libraryIndex';

type Compare = (a: Clip, b: Clip) => number;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
// One collator for every search: `localeCompare` with options builds one per call.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
// Ties fall back to the date, then the id, so paging through equal values is stable.
const tieBreak: Compare = (a, b) => a.createdAt - b.createdAt || byText(a.id, b.id);

const comparators: Record<LibrarySearchQuery['sort'], Compare> = {
  date: tieBreak,
  // An unknown prompt (an import) sorts as an empty one.
  prompt: (a, b) => collator.compare(a.prompt ?? '', b.prompt ?? '') || tieBreak(a, b),
  model: (a, b) => byText(a.model, b.model) || tieBreak(a, b),
  // Unknown costs sort as the cheapest.
  cost: (a, b) => (a.costCents ?? -1) - (b.costCents ?? -1) || tieBreak(a, b),
};

/** Filters, sorts and pages the in-memory index. */
export function searchClips(
  entries: Iterable<ClipEntry>,
  query: LibrarySearchQuery,
): LibrarySearchResponse {
  const words = (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const tags = query.tags?.map((tag) => tag.toLowerCase()) ?? [];
  const matches: Clip[] = [];
  for (const entry of entries) {
    const clip = entry.clip;
    if (query.favouritesOnly && !clip.favourite) continue;
    if (query.model !== undefined && clip.model !== query.model) continue;
    if (query.mode !== undefined && clip.mode !== query.mode) continue;
    if (query.from !== undefined && clip.createdAt < query.from) continue;
    if (query.to !== undefined && clip.createdAt > query.to) continue;
    if (!words.every((word) => entry.haystack.includes(word))) continue;
    if (tags.length > 0 && !tags.every((tag) => clip.tags.some((own) => own.toLowerCase() === tag)))
      continue;
    matches.push(clip);
  }
  const compare = comparators[query.sort];
  const direction = query.order === 'asc' ? 1 : -1;
  matches.sort((a, b) => direction * compare(a, b));
  return { total: matches.length, clips: matches.slice(query.offset, query.offset + query.limit) };
}
