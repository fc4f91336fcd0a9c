/**
 * The parameter columns of a CSV prompt list, read into values. Aspect ratio and quality stay
 * text: whether a model offers them is the caps' question (`validateRequest`), asked when the
 * batch is planned, and a value no model has fails there with the model's own list.
 */

/** Parameters a row sets for its jobs; absent ones come from the Compose form. */
export interface PromptParams {
  model?: string;
  durationSeconds?: number;
  aspectRatio?: string;
  quality?: string;
  seed?: number;
  sound?: boolean;
  /** An image's file name (with or without extension), for pairing by name. */
  image?: string;
  /** Variations of this row (its own count instead of the batch's). */
  copies?: number;
}

export type NumberField = 'durationSeconds' | 'seed' | 'copies';

/** A row's problem; `line` is 1-based, the line the problem is on. */
export type RowProblem =
  | { code: 'unclosed-quote'; line: number }
  | { code: 'stray-quote'; line: number }
  | { code: 'field-count'; line: number; expected: number; actual: number }
  | { code: 'empty-prompt'; line: number }
  | { code: 'bad-number'; line: number; field: NumberField; value: string }
  | {
      code: 'out-of-range';
      line: number;
      field: NumberField;
      value: number;
      min: number;
      max: number;
    }
  | { code: 'bad-boolean'; line: number; field: 'sound'; value: string };

export type ColumnKey = 'prompt' | keyof PromptParams;

/** The largest seed the API takes (an unsigned 32-bit integer). */
export const MAX_SEED = 2 ** 32 - 1;
/** The same ceiling as Compose's copies: a typo of 500 should not plan 500 paid jobs. */
export const MAX_COPIES = 50;
/** The longest clip a request may ask for (JobRequest's schema). */
export const MAX_DURATION_S = 600;

const RANGES: Record<NumberField, { min: number; max: number }> = {
  durationSeconds: { min: 1, max: MAX_DURATION_S },
  seed: { min: 0, max: MAX_SEED },
  copies: { min: 1, max: MAX_COPIES },
};

// Column names by their letters alone: `aspect_ratio`, `aspectRatio` and `Aspect ratio` match.
const COLUMNS: Readonly<Record<string, ColumnKey>> = {
  prompt: 'prompt',
  model: 'model',
  duration: 'durationSeconds',
  durationseconds: 'durationSeconds',
  aspectratio: 'aspectRatio',
  quality: 'quality',
  seed: 'seed',
  sound: 'sound',
  image: 'image',
  copies: 'copies',
  variations: 'copies',
};

/** The parameter a header cell names, or null for a column the builder does not know. */
export function columnKey(name: string): ColumnKey | null {
  return (
    COLUMNS[
      name
        .trim()
        .toLowerCase()
        .replace(/[\s_-]/g, '')
    ] ?? null
  );
}

// Dutch too: the app is English and Dutch, and so are the lists people write for it.
const TRUE = new Set(['true', 'yes', 'y', '1', 'on', 'ja', 'j', 'waar']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', 'nee', 'onwaar']);

/** Reads a row's parameter cells; blank cells set nothing. */
export function parseParams(
  cells: Partial<Record<ColumnKey, string>>,
  line: number,
): { params: PromptParams; problems: RowProblem[] } {
  const params: PromptParams = {};
  const problems: RowProblem[] = [];
  const text = (key: ColumnKey): string | undefined => {
    const value = cells[key]?.trim();
    return value ? value : undefined;
  };
  const integer = (field: NumberField): void => {
    const value = text(field);
    if (value === undefined) return;
    if (!/^\d+$/.test(value)) {
      problems.push({ code: 'bad-number', line, field, value });
      return;
    }
    const number = Number(value);
    const { min, max } = RANGES[field];
    if (number < min || number > max)
      problems.push({ code: 'out-of-range', line, field, value: number, min, max });
    else params[field] = number;
  };

  const model = text('model');
  if (model !== undefined) params.model = model;
  integer('durationSeconds');
  const aspectRatio = text('aspectRatio');
  if (aspectRatio !== undefined) params.aspectRatio = aspectRatio;
  const quality = text('quality');
  if (quality !== undefined) params.quality = quality.toLowerCase();
  integer('seed');
  const sound = text('sound');
  if (sound !== undefined) {
    const word = sound.toLowerCase();
    if (TRUE.has(word)) params.sound = true;
    else if (FALSE.has(word)) params.sound = false;
    else problems.push({ code: 'bad-boolean', line, field: 'sound', value: sound });
  }
  const image = text('image');
  if (image !== undefined) params.image = image;
  integer('copies');
  return { params, problems };
}
