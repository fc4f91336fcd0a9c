import type { AspectRatio, Quality } from '../api/schemas';
import type { JobDraft } from '../jobDraft';
import type { JobRequest } from '../jobs';
import { estimateCostCents, type ModelInfo } from '../rules';
import { capProblems, type CapProblem } from './capProblems';
import {
  pairImages,
  type ImageFile,
  type MissingImage,
  type PairingMode,
  type PairingProblem,
} from './imagePairing';
import type { PlannedRequest } from './plannedRequest';
import { MAX_COPIES, type RowProblem } from './promptParams';
import type { PromptRow } from './promptList';
import { variationSeeds, type SeedSource } from './variations';
import { DEFAULT_WILDCARD_LIMIT, expandWildcards, type WildcardProblem } from './wildcards';

/** Why a planned job cannot be queued as it is. */
export type JobProblem =
  | RowProblem
  | CapProblem
  | { code: 'unknown-model'; model: string }
  /** `line` null: Compose's own prompt. */
  | { code: 'empty-prompt'; line: number | null }
  | { code: 'prompt-too-long'; length: number; max: number }
  | { code: 'no-image'; reason: MissingImage; name?: string };

/** What the user should see on a job that may still be queued. */
export type JobWarning =
  | Exclude<WildcardProblem, { code: 'expansion-capped' }>
  | { code: 'duplicate-image'; duplicateOf: number }
  | { code: 'ambiguous-image'; name: string; images: number[] };

export interface PlannedJob {
  /** Stable for the same input: row, image, wildcard choice and variation. */
  key: string;
  /** The prompt list's 1-based line; null for Compose's own prompt. */
  sourceLine: number | null;
  prompt: string;
  imageName?: string;
  draft: PlannedRequest;
  /** null when the model is not known. */
  costCents: number | null;
  problems: JobProblem[];
  warnings: JobWarning[];
}

/** About the batch as a whole; pairing's row indices are given as lines. */
export type PlanProblem =
  | Exclude<PairingProblem, { code: 'unused-rows' | 'ambiguous-image' }>
  | { code: 'unused-rows'; lines: number[] }
  | { code: 'expansion-capped'; line: number | null; total: number; limit: number }
  | { code: 'plan-capped'; total: number; limit: number }
  | { code: 'bad-variations'; value: number; min: number; max: number };

export interface BatchPlan {
  jobs: PlannedJob[];
  /** `totalCents` counts the jobs without problems (the ones that can be queued). */
  totals: { count: number; okCount: number; totalCents: number };
  problems: PlanProblem[];
}

/** Compose's values a batch starts from; a JobDraft fits. */
export type BatchDefaults = Pick<
  JobDraft,
  'model' | 'prompt' | 'mode' | 'durationSeconds' | 'aspectRatio' | 'quality' | 'sound' | 'seed'
>;

export interface BatchInput {
  /** From `parsePromptList`; empty takes Compose's prompt (`base.prompt`) as the one row. */
  rows: readonly PromptRow[];
  images: readonly ImageFile[];
  /** With 'none' the jobs are text-mode; otherwise image-mode (reference when Compose is). */
  pairing: PairingMode;
  skipDuplicateImages?: boolean;
  /** Variations per prompt (1 to {@link MAX_COPIES}); a row's `copies` column overrides it. */
  variations?: number;
  /**
   * Seeds: a row's seed, else `seeds.baseSeed`, else Compose's; variations count up from it
   * (the same seeds for every prompt, so prompts compare seed for seed), or are drawn from
   * `seeds.random` for each prompt when there is no seed at all.
   */
  seeds?: SeedSource;
  base: BatchDefaults;
  models: readonly ModelInfo[];
  wildcardLimit?: number;
  /** Jobs planned at most (default {@link DEFAULT_JOB_LIMIT}); the rest are only counted. */
  jobLimit?: number;
}

/** The preview lists at most this many jobs unless the user raises it. */
export const DEFAULT_JOB_LIMIT = 1000;
/** JobRequest's longest prompt. */
export const MAX_PROMPT_LENGTH = 4000;

// The rules count images; the batch sends an index until the UI swaps in the real one.
const PLACEHOLDER_IMAGE = { url: 'https://image.invalid/' } as const;

function variationCount(input: BatchInput, problems: PlanProblem[]): number {
  const value = input.variations ?? 1;
  if (Number.isInteger(value) && value >= 1 && value <= MAX_COPIES) return value;
  problems.push({ code: 'bad-variations', value, min: 1, max: MAX_COPIES });
  return 1;
}

function composeRow(base: BatchDefaults): PromptRow {
  return { line: 0, prompt: base.prompt.trim(), params: {}, problems: [] };
}

function planProblem(problem: PairingProblem, rows: readonly PromptRow[]): PlanProblem | null {
  if (problem.code === 'ambiguous-image') return null;
  if (problem.code !== 'unused-rows') return problem;
  return { code: 'unused-rows', lines: problem.rows.map((row) => rows[row]?.line ?? 0) };
}

/**
 * The batch as it would be queued, job by job, before anything is paid: each job's request
 * (Compose's values under the row's own), its cost and what is wrong with it. A job that
 * breaks its model's caps or has a bad row is listed with the reason, never dropped; only
 * the jobs without problems count toward the total.
 */
export function planBatch(input: BatchInput): BatchPlan {
  const problems: PlanProblem[] = [];
  const variations = variationCount(input, problems);
  const rows = input.rows.length > 0 ? input.rows : [composeRow(input.base)];
  const pairing = pairImages(rows, input.images, input.pairing, {
    skipDuplicates: input.skipDuplicateImages ?? false,
  });
  for (const problem of pairing.problems) {
    const planned = planProblem(problem, rows);
    if (planned) problems.push(planned);
  }
  const duplicateOf = new Map<number, number>();
  for (const p of pairing.problems)
    if (p.code === 'duplicate-image' && !p.skipped) duplicateOf.set(p.image, p.duplicateOf);
  const ambiguous = new Map<number, { name: string; images: number[] }>();
  for (const p of pairing.problems)
    if (p.code === 'ambiguous-image') ambiguous.set(p.row, { name: p.name, images: p.images });

  const models = new Map(input.models.map((model) => [model.id, model]));
  const wildcardLimit = input.wildcardLimit ?? DEFAULT_WILDCARD_LIMIT;
  const jobLimit = Math.max(1, Math.floor(input.jobLimit ?? DEFAULT_JOB_LIMIT) || 1);
  const expansions = new Map<number, ReturnType<typeof expandWildcards>>();
  const expand = (index: number, row: PromptRow) => {
    let expansion = expansions.get(index);
    if (!expansion) {
      expansion = expandWildcards(row.prompt, wildcardLimit);
      expansions.set(index, expansion);
      const capped = expansion.problems.find((p) => p.code === 'expansion-capped');
      if (capped) problems.push({ ...capped, line: row.line || null });
    }
    return expansion;
  };

  const jobs: PlannedJob[] = [];
  let planned = 0;
  for (const pair of pairing.pairs) {
    const row = rows[pair.row];
    if (!row) continue;
    const copies = row.params.copies ?? variations;
    if (jobs.length >= jobLimit) {
      // Past the limit only the count is needed, not the prompts.
      const prompts =
        expansions.get(pair.row)?.prompts.length ??
        Math.min(expandWildcards(row.prompt, 1).total, wildcardLimit);
      planned += prompts * copies;
      continue;
    }
    const expansion = expand(pair.row, row);
    const warnings: JobWarning[] = expansion.problems.flatMap((p) =>
      p.code === 'expansion-capped' ? [] : [p],
    );
    const original = pair.image === null ? undefined : duplicateOf.get(pair.image);
    if (original !== undefined) warnings.push({ code: 'duplicate-image', duplicateOf: original });
    const unsure = ambiguous.get(pair.row);
    if (unsure) warnings.push({ code: 'ambiguous-image', ...unsure });

    expansion.prompts.forEach((text, choice) => {
      const seedOf = seedsFor(row, copies, input);
      for (let copy = 0; copy < copies; copy++) {
        planned += 1;
        if (jobs.length >= jobLimit) continue;
        const prompt = text.trim();
        const key = `${pair.row}:${pair.image ?? '-'}:${choice}:${copy}`;
        const job = planJob(input, row, pair, prompt, seedOf[copy], models);
        jobs.push({ key, ...job, warnings: [...warnings] });
      }
    });
  }
  if (planned > jobs.length)
    problems.push({ code: 'plan-capped', total: planned, limit: jobLimit });

  const ok = jobs.filter((job) => job.problems.length === 0);
  return {
    jobs,
    totals: {
      count: jobs.length,
      okCount: ok.length,
      totalCents: ok.reduce((sum, job) => sum + (job.costCents ?? 0), 0),
    },
    problems,
  };
}

/** One seed per copy: the row's or Compose's seed alone, or distinct ones for variations. */
function seedsFor(row: PromptRow, copies: number, input: BatchInput): (number | undefined)[] {
  const own = row.params.seed ?? input.seeds?.baseSeed ?? input.base.seed;
  // One copy without a seed leaves it to the server, as Compose does.
  if (copies === 1) return [own];
  return variationSeeds(copies, own !== undefined ? { baseSeed: own } : input.seeds);
}

function planJob(
  input: BatchInput,
  row: PromptRow,
  pair: { image: number | null; missing?: MissingImage },
  prompt: string,
  seed: number | undefined,
  models: ReadonlyMap<string, ModelInfo>,
): Omit<PlannedJob, 'key' | 'warnings'> {
  const { base, pairing } = input;
  const { params } = row;
  const withImages = pairing !== 'none';
  const aspectRatio = (params.aspectRatio ?? base.aspectRatio) as AspectRatio | undefined;
  const quality = (params.quality ?? base.quality) as Quality | undefined;
  const sound = params.sound ?? base.sound;
  const draft: PlannedRequest = {
    model: params.model ?? base.model,
    prompt,
    mode: withImages ? (base.mode === 'reference' ? 'reference' : 'image') : 'text',
    durationSeconds: params.durationSeconds ?? base.durationSeconds,
    ...(aspectRatio !== undefined ? { aspectRatio } : {}),
    ...(quality !== undefined ? { quality } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(sound !== undefined ? { sound } : {}),
    image: pair.image,
  };
  const problems: JobProblem[] = [...row.problems];
  const saidEmpty = row.problems.some((p) => p.code === 'empty-prompt');
  if (prompt === '') {
    if (!saidEmpty) problems.push({ code: 'empty-prompt', line: row.line || null });
  } else if (prompt.length > MAX_PROMPT_LENGTH)
    problems.push({ code: 'prompt-too-long', length: prompt.length, max: MAX_PROMPT_LENGTH });
  if (pair.missing) {
    const name = params.image?.trim();
    problems.push({ code: 'no-image', reason: pair.missing, ...(name ? { name } : {}) });
  }
  const model = models.get(draft.model);
  let costCents: number | null = null;
  if (!model) problems.push({ code: 'unknown-model', model: draft.model });
  else {
    costCents = estimateCostCents(draft, model);
    const request: JobRequest = {
      ...draft,
      inputImages: pair.image === null ? [] : [PLACEHOLDER_IMAGE],
    };
    // The missing image is said once, with its reason, not again as a cap.
    for (const cap of capProblems(request, model))
      if (!(pair.missing && cap.field === 'inputImages')) problems.push(cap);
  }
  const imageName = pair.image === null ? undefined : input.images[pair.image]?.name;
  return {
    sourceLine: row.line || null,
    prompt,
    ...(imageName !== undefined ? { imageName } : {}),
    draft,
    costCents,
    problems,
  };
}
