import type { LibrarySearchQuery } from '../../../shared/library';
import type { SQLInputValue } from 'node:sqlite';

/** The sort columns of each order; ties fall back to the date, then the id, for stable pages. */
const SORT_KEYS: Record<LibrarySearchQuery['sort'], readonly string[]> = {
  date: ['c.created_at', 'c.clip_id'],
  prompt: ['c.prompt_rank', 'c.created_at', 'c.clip_id'],
  model: ['c.model', 'c.created_at', 'c.clip_id'],
  cost: ['c.cost', 'c.created_at', 'c.clip_id'],
};

/** FTS5's trigram tokenizer finds only words of three characters or more. */
const TRIGRAM = 3;

/** A word as an FTS5 phrase: quoted, so nothing in it is read as query syntax. */
const phrase = (word: string): string => `"${word.replaceAll('"', '""')}"`;

/**
 * The WHERE and ORDER BY of a library search over `library_clips c`. Words must each appear
 * in the haystack (lower-cased prompt, task id, tags): FTS5 finds the candidates for words
 * long enough for trigrams, and `instr` on the same lower-cased text keeps exactly the rows
 * `includes` would (FTS5 folds case by its own rules, which may find a few more).
 */
export function searchSql(
  folder: string,
  query: LibrarySearchQuery,
): { where: string; params: SQLInputValue[]; order: string } {
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  const where = (clause: string, ...values: SQLInputValue[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  where('c.folder = ?', folder);
  if (query.favouritesOnly) where('c.favourite = 1');
  if (query.model !== undefined) where('c.model = ?', query.model);
  if (query.mode !== undefined) where('c.mode = ?', query.mode);
  if (query.from !== undefined) where('c.created_at >= ?', query.from);
  if (query.to !== undefined) where('c.created_at <= ?', query.to);
  const words = [...new Set((query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean))];
  // FTS5 reads its query up to a NUL ("unterminated string"): such a word is left to `instr`.
  const long = words.filter((word) => [...word].length >= TRIGRAM && !word.includes('\0'));
  if (long.length > 0)
    where(
      'c.id IN (SELECT rowid FROM library_text WHERE library_text MATCH ?)',
      long.map(phrase).join(' '),
    );
  for (const word of words) where('instr(c.haystack, ?) > 0', word);
  for (const tag of new Set(query.tags?.map((tag) => tag.toLowerCase()) ?? []))
    where('c.id IN (SELECT clip FROM library_tags WHERE tag = ?)', tag);
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  const order = SORT_KEYS[query.sort].map((key) => `${key} ${direction}`).join(', ');
  return { where: `WHERE ${clauses.join(' AND ')}`, params, order };
}
