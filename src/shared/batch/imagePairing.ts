/**
 * Which prompt goes with which image. Rows and images are referred to by their index in the
 * lists given, so the UI keeps its own thumbnails and bytes and nothing is copied. A row that
 * finds no image is still paired (with `image: null` and why), so the preview shows it.
 */

export type PairingMode =
  /** Prompts alone: text-mode jobs. */
  | 'none'
  /** Every image with the first row's prompt. */
  | 'shared'
  /** Row i with image i. */
  | 'byOrder'
  /** Each row with the image its `image` column names, else the one numbered as its line. */
  | 'byName'
  /** Every row with every image. */
  | 'matrix';

export interface ImageFile {
  name: string;
  /** The content's hash (any stable digest); images with the same hash are duplicates. */
  hash?: string;
}

/** What pairing reads of a prompt row: `PromptRow` fits. */
export interface PairingRow {
  /** The row's line in the list, which byName matches to numbered images (`003.png`). */
  line?: number;
  params: { image?: string };
}

export type MissingImage =
  /** byOrder: more rows than images. */
  | 'leftover'
  /** byName: the row names no image, and no image has its line's number. */
  | 'no-name'
  /** byName: no image has the name the row gives. */
  | 'not-found';

export interface Pair {
  row: number;
  image: number | null;
  /** Why `image` is null. */
  missing?: MissingImage;
}

export type PairingProblem =
  /** `image` has the content of `duplicateOf` (the first with it); `skipped` when left out. */
  | { code: 'duplicate-image'; image: number; duplicateOf: number; skipped: boolean }
  /** Images no job uses. */
  | { code: 'unused-images'; images: number[] }
  /** shared: rows after the first, which that mode does not use. */
  | { code: 'unused-rows'; rows: number[] }
  /** byName: several images answer to the row's name (or line: name ''); the first is used. */
  | { code: 'ambiguous-image'; row: number; name: string; images: number[] }
  /** The mode pairs with images and there are none (after skipping duplicates). */
  | { code: 'no-images' }
  | { code: 'no-prompts' };

export interface ImagePairing {
  pairs: Pair[];
  problems: PairingProblem[];
}

export interface PairingOptions {
  /** Leave out images whose content an earlier image has (they are flagged either way). */
  skipDuplicates?: boolean;
}

/** The name without folders, in one Unicode form (macOS gives decomposed names) and case. */
function fileKey(name: string): string {
  return (name.split(/[/\\]/).pop() ?? '').normalize('NFC').toLowerCase();
}

function stem(key: string): string {
  const dot = key.lastIndexOf('.');
  return dot > 0 ? key.slice(0, dot) : key;
}

function indexBy(keys: readonly string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  });
  return map;
}

/** For each image, the first image with the same hash (itself when it is the first). */
function originals(images: readonly ImageFile[]): number[] {
  const first = new Map<string, number>();
  return images.map((image, index) => {
    if (image.hash === undefined) return index;
    const earlier = first.get(image.hash);
    if (earlier !== undefined) return earlier;
    first.set(image.hash, index);
    return index;
  });
}

function unused(usable: readonly number[], used: ReadonlySet<number>): PairingProblem[] {
  const images = usable.filter((index) => !used.has(index));
  return images.length > 0 ? [{ code: 'unused-images', images }] : [];
}

/** Images whose name is a number (`1.png`, `002.jpg`), by that number. */
function byNumber(stems: ReadonlyMap<string, number[]>): Map<number, number[]> {
  const numbered = new Map<number, number[]>();
  for (const [key, indices] of stems) {
    const number = /^\d+$/.test(key) ? Number(key) : 0;
    // Lines count from 1: `0.png` is no line's.
    if (number === 0) continue;
    numbered.set(
      number,
      [...(numbered.get(number) ?? []), ...indices].sort((a, b) => a - b),
    );
  }
  return numbered;
}

function pairByName(
  rows: readonly PairingRow[],
  images: readonly ImageFile[],
  original: readonly number[],
): ImagePairing {
  const keys = images.map((image) => fileKey(image.name));
  const byFull = indexBy(keys);
  const byStem = indexBy(keys.map(stem));
  // A folder of numbered stills goes with a list of prompts by line.
  const numbered = byNumber(byStem);
  const problems: PairingProblem[] = [];
  const used = new Set<number>();
  const pairs = rows.map((row, index): Pair => {
    const name = row.params.image?.trim();
    const key = name ? fileKey(name) : '';
    const found = name
      ? (byFull.get(key) ?? byStem.get(stem(key)) ?? [])
      : (numbered.get(row.line ?? 0) ?? []);
    const first = found[0];
    if (first === undefined)
      return { row: index, image: null, missing: name ? 'not-found' : 'no-name' };
    if (found.length > 1)
      problems.push({ code: 'ambiguous-image', row: index, name: name ?? '', images: found });
    // A skipped duplicate is the same picture as the one kept: the row gets that one.
    const image = original[first] ?? first;
    used.add(image);
    return { row: index, image };
  });
  const kept = images.map((_, index) => index).filter((index) => original[index] === index);
  return { pairs, problems: [...problems, ...unused(kept, used)] };
}

/**
 * Pairs prompt rows with images by `mode`. Duplicates (same `hash`) are always flagged; with
 * `skipDuplicates` only the first of each is used (byName sends a row naming a later copy to
 * the first). Pairs come row by row; in matrix mode each row with every image in turn.
 */
export function pairImages(
  rows: readonly PairingRow[],
  images: readonly ImageFile[],
  mode: PairingMode,
  options: PairingOptions = {},
): ImagePairing {
  const skip = options.skipDuplicates ?? false;
  const original = originals(images);
  const duplicates: PairingProblem[] = [];
  original.forEach((first, image) => {
    if (first !== image)
      duplicates.push({ code: 'duplicate-image', image, duplicateOf: first, skipped: skip });
  });
  const usable = images
    .map((_, index) => index)
    .filter((index) => !skip || original[index] === index);
  const done = (result: ImagePairing): ImagePairing => ({
    pairs: result.pairs,
    problems: [...duplicates, ...result.problems],
  });

  if (rows.length === 0) return done({ pairs: [], problems: [{ code: 'no-prompts' }] });
  if (mode === 'none') {
    const all = images.map((_, index) => index);
    return done({
      pairs: rows.map((_, row) => ({ row, image: null })),
      problems: unused(all, new Set()),
    });
  }
  if (usable.length === 0) return done({ pairs: [], problems: [{ code: 'no-images' }] });

  switch (mode) {
    case 'shared': {
      const rest = rows.map((_, index) => index).slice(1);
      return done({
        pairs: usable.map((image) => ({ row: 0, image })),
        problems: rest.length > 0 ? [{ code: 'unused-rows', rows: rest }] : [],
      });
    }
    case 'byOrder': {
      const pairs = rows.map((_, row): Pair => {
        const image = usable[row];
        return image === undefined ? { row, image: null, missing: 'leftover' } : { row, image };
      });
      return done({ pairs, problems: unused(usable, new Set(usable.slice(0, rows.length))) });
    }
    case 'byName':
      return done(pairByName(rows, images, skip ? original : images.map((_, i) => i)));
    case 'matrix':
      return done({
        pairs: rows.flatMap((_, row) => usable.map((image) => ({ row, image }))),
        problems: [],
      });
  }
}
