import { useDeferredValue, useMemo } from 'react';
import {
  parsePromptList,
  planBatch,
  type BatchPlan,
  type JobProblem,
  type PlannedJob,
  type PromptList,
} from '../../../../shared/batch';
import type { ModelInfo } from '../../../../shared/rules';
import { useComposeStore } from '../compose';
import { toDraft } from '../compose';
import { useModels } from '../models';
import { useBatchStore } from './batchStore';

/** A small seeded generator (mulberry32): the same seeds every time the preview is planned. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BatchPreview {
  list: PromptList;
  plan: BatchPlan;
  /** The plan's jobs the user kept, with their edited prompts. */
  jobs: PlannedJob[];
  /** Of those, the ones that can be queued (no problem left). */
  ready: PlannedJob[];
  readyCents: number;
  models: ModelInfo[];
}

const tooLong = 4000;

/**
 * The batch as it would be queued, planned from the builder's form and Compose's values
 * (model, mode, duration, aspect, quality, sound). Typing in a long list plans at the pace
 * React can keep (a deferred value), not once per key.
 */
export function useBatchPlan(): BatchPreview {
  const form = useBatchStore();
  const compose = useComposeStore((s) => s.form);
  const models = useModels();
  const text = useDeferredValue(form.text);
  const list = useMemo(
    () => parsePromptList(text, { fileName: form.fileName ?? undefined, limit: form.rowLimit }),
    [text, form.fileName, form.rowLimit],
  );
  const plan = useMemo(
    () =>
      planBatch({
        rows: list.rows,
        images: form.images.map((image) => ({ name: image.name, hash: image.hash })),
        pairing: form.pairing,
        skipDuplicateImages: form.skipDuplicates,
        variations: form.variations,
        seeds: { random: seeded(form.seedBase) },
        base: toDraft(compose),
        models,
        jobLimit: form.jobLimit,
      }),
    [
      list,
      form.images,
      form.pairing,
      form.skipDuplicates,
      form.variations,
      form.seedBase,
      form.jobLimit,
      compose,
      models,
    ],
  );
  return useMemo(() => {
    const jobs: PlannedJob[] = [];
    for (const job of plan.jobs) {
      if (form.removed[job.key]) continue;
      const edited = form.edits[job.key];
      if (edited === undefined) {
        jobs.push(job);
        continue;
      }
      const prompt = edited.trim();
      const problems: JobProblem[] = job.problems.filter(
        (p) => p.code !== 'empty-prompt' && p.code !== 'prompt-too-long',
      );
      if (prompt === '') problems.push({ code: 'empty-prompt', line: job.sourceLine });
      if (prompt.length > tooLong)
        problems.push({ code: 'prompt-too-long', length: prompt.length, max: tooLong });
      jobs.push({ ...job, prompt: edited, draft: { ...job.draft, prompt }, problems });
    }
    const ready = jobs.filter((job) => job.problems.length === 0);
    const readyCents = ready.reduce((sum, job) => sum + (job.costCents ?? 0), 0);
    return { list, plan, jobs, ready, readyCents, models };
  }, [list, plan, form.removed, form.edits, models]);
}
