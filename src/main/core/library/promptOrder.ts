import type { AppDatabase } from '../db/database';

/** The order the library sorts prompts in: the user's locale, case and accents aside. */
export const promptCollator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Room between two ranks after a renumbering, so a new prompt fits without moving others. */
const GAP = 1024;
/** More new prompts than this at once (a first build) are placed by one sort of them all. */
const MANY = 32;

/**
 * Each prompt's place in the locale sort, kept in `library_prompts` so a search sorts by a
 * number instead of calling the collator per comparison. Prompts the collator finds equal
 * share a rank (ties then fall to the date and id, as before). A new prompt is placed by a
 * binary search among the ranks (a few indexed look-ups); many at once, or no room left
 * between two ranks, renumber the whole list with one sort.
 */
export class PromptOrder {
  constructor(private readonly db: AppDatabase) {}

  /**
   * Gives every prompt in `prompts` a rank; call it inside the write that stores them.
   * True when every rank was renumbered (rows must copy theirs again).
   */
  place(prompts: Iterable<string>): boolean {
    const fresh = [...new Set(prompts)].filter(
      (prompt) => !this.db.get('SELECT 1 FROM library_prompts WHERE prompt = ?', prompt),
    );
    if (fresh.length === 0) return false;
    if (fresh.length > MANY) return this.renumber(fresh);
    for (const prompt of fresh) {
      const rank = this.rankFor(prompt);
      if (rank === null) return this.renumber(fresh);
      this.db.run('INSERT INTO library_prompts (prompt, rank) VALUES (?, ?)', prompt, rank);
    }
    return false;
  }

  /** The rank `prompt` takes among the others; null when there is no room left for it. */
  private rankFor(prompt: string): number | null {
    const ends = this.db.get<{ low: number | null; high: number | null }>(
      'SELECT MIN(rank) AS low, MAX(rank) AS high FROM library_prompts',
    );
    if (ends?.low == null || ends.high == null) return 0;
    // Exclusive bounds: every rank strictly between them is still a candidate.
    let low = ends.low - GAP;
    let high = ends.high + GAP;
    for (;;) {
      const middle = (low + high) / 2;
      const row =
        this.db.get<{ prompt: string; rank: number }>(
          'SELECT prompt, rank FROM library_prompts WHERE rank >= ? AND rank < ? ORDER BY rank LIMIT 1',
          middle,
          high,
        ) ??
        this.db.get<{ prompt: string; rank: number }>(
          'SELECT prompt, rank FROM library_prompts WHERE rank > ? AND rank < ? ORDER BY rank DESC LIMIT 1',
          low,
          middle,
        );
      if (!row) break;
      const order = promptCollator.compare(prompt, row.prompt);
      if (order === 0) return row.rank;
      if (order < 0) high = row.rank;
      else low = row.rank;
    }
    const rank = (low + high) / 2;
    return rank > low && rank < high && high - low > 1e-6 ? rank : null;
  }

  /** Sorts every prompt still in use (and `fresh`) once and numbers them again. */
  private renumber(fresh: readonly string[]): true {
    const used = this.db
      .all<{ prompt: string }>('SELECT DISTINCT prompt FROM library_clips')
      .map((row) => row.prompt);
    const all = [...new Set([...used, ...fresh])].sort(promptCollator.compare);
    this.db.run('DELETE FROM library_prompts');
    let rank = 0;
    all.forEach((prompt, i) => {
      if (i > 0 && promptCollator.compare(all[i - 1]!, prompt) !== 0) rank += GAP;
      this.db.run('INSERT INTO library_prompts (prompt, rank) VALUES (?, ?)', prompt, rank);
    });
    return true;
  }
}
