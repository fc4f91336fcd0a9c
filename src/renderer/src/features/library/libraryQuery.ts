import type { VideoMode } from '../../../../shared/api/schemas';
import type { LibrarySearchRequest, LibrarySort } from '../../../../shared/library';

/** The library's filters as the controls hold them. */
export interface LibraryQuery {
  text: string;
  model: string;
  mode: VideoMode | '';
  favouritesOnly: boolean;
  /** ms since epoch, inclusive; undefined for open. */
  from: number | undefined;
  to: number | undefined;
  sort: SortChoice;
}

/** The sort menu's choices; each is labelled by `library:sort.<choice>`. */
export const sortChoices = {
  newest: { sort: 'date', order: 'desc' },
  oldest: { sort: 'date', order: 'asc' },
  prompt: { sort: 'prompt', order: 'asc' },
  model: { sort: 'model', order: 'asc' },
  cost: { sort: 'cost', order: 'desc' },
} as const satisfies Record<string, { sort: LibrarySort; order: 'asc' | 'desc' }>;
export type SortChoice = keyof typeof sortChoices;

export const emptyQuery: LibraryQuery = {
  text: '',
  model: '',
  mode: '',
  favouritesOnly: false,
  from: undefined,
  to: undefined,
  sort: 'newest',
};

/** The `library.search` request for one page of the query; empty filters are left out. */
export function toSearchRequest(
  query: LibraryQuery,
  offset: number,
  limit: number,
): LibrarySearchRequest {
  const { sort, order } = sortChoices[query.sort];
  const text = query.text.trim();
  return {
    ...(text ? { text } : {}),
    ...(query.model ? { model: query.model } : {}),
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.favouritesOnly ? { favouritesOnly: true } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    sort,
    order,
    offset,
    limit,
  };
}

export function isFiltered(query: LibraryQuery): boolean {
  return Boolean(
    query.text.trim() ||
    query.model ||
    query.mode ||
    query.favouritesOnly ||
    query.from !== undefined ||
    query.to !== undefined,
  );
}

/** The pages (of `pageSize`) that hold items `start`…`end`. */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end < start) return [];
  const pages: number[] = [];
  for (let p = Math.floor(Math.max(0, start) / pageSize); p <= Math.floor(end / pageSize); p++)
    pages.push(p);
  return pages;
}
