import type { Clip } from '../../../../../shared/library';

/** The parameters the Compare view lists for each clip, in its order. */
export const comparedFields = [
  'model',
  'durationSeconds',
  'aspectRatio',
  'quality',
  'seed',
  'sound',
  'mode',
  'costCents',
] as const satisfies readonly (keyof Clip)[];

export type ComparedField = (typeof comparedFields)[number];

/** The parameters whose values are not the same in every clip. */
export function differingFields(clips: readonly Pick<Clip, ComparedField>[]): Set<ComparedField> {
  const first = clips[0];
  return new Set(
    first ? comparedFields.filter((field) => clips.some((c) => c[field] !== first[field])) : [],
  );
}

/** A piece of a prompt as written: a word (shared or not by every prompt) or what lies between words. */
export interface PromptPart {
  text: string;
  /** False for a word some other prompt lacks; spaces and punctuation are always shared. */
  shared: boolean;
}

// A word is letters, digits and the marks inside words ("fox's", "slow-motion"), in any script.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

const wordKey = (word: string): string => word.toLocaleLowerCase();

/**
 * Each prompt cut into parts, the words not found in every other prompt marked — letter case
 * aside, wherever they stand. A prompt the server never gave (null) has no parts and is left
 * out of the comparison: it neither shares nor lacks a word.
 */
export function promptParts(prompts: readonly (string | null)[]): PromptPart[][] {
  const known = prompts.filter((p): p is string => p !== null);
  const wordSets = known.map((p) => new Set(Array.from(p.matchAll(WORD), (m) => wordKey(m[0]))));
  const inAll = (word: string) => wordSets.every((set) => set.has(wordKey(word)));
  return prompts.map((prompt) => {
    if (prompt === null) return [];
    const parts: PromptPart[] = [];
    let end = 0;
    for (const match of prompt.matchAll(WORD)) {
      if (match.index > end) parts.push({ text: prompt.slice(end, match.index), shared: true });
      parts.push({ text: match[0], shared: inAll(match[0]) });
      end = match.index + match[0].length;
    }
    if (end < prompt.length) parts.push({ text: prompt.slice(end), shared: true });
    return merge(parts);
  });
}

/**
 * Neighbouring parts alike become one ("a red fox" is one part, not five), and the spaces
 * between two marked words are marked with them: "red fox" is one highlight, not two.
 */
function merge(parts: PromptPart[]): PromptPart[] {
  const joined = parts.map((part, i) =>
    part.shared &&
    /^\s+$/.test(part.text) &&
    parts[i - 1]?.shared === false &&
    parts[i + 1]?.shared === false
      ? { ...part, shared: false }
      : part,
  );
  const out: PromptPart[] = [];
  for (const part of joined) {
    const last = out.at(-1);
    if (last && last.shared === part.shared) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}
