import type { AspectRatio, Quality } from '../../../../shared/api/schemas';
import type { JobDraft } from '../../../../shared/jobDraft';
import type { JobRequest } from '../../../../shared/jobs';
import {
  estimateCostCents,
  formatCents,
  validateRequest,
  type ModelInfo,
} from '../../../../shared/rules';
import { formatCentsPerSecond } from '../common/format';
import type { ComposeForm, ComposeImage } from './composeForm';
import { describeShape, shapeMatches } from './cropMath';

const MAX_SEED = 2 ** 32 - 1;
const PREFERRED_ASPECT: AspectRatio = '16:9';
const PREFERRED_QUALITY: Quality = '720p';

/**
 * Fits the form to a model's caps: what still fits is kept, the rest takes the model's
 * nearest or first value, and each change is said in words.
 */
export function fitToModel(
  form: ComposeForm,
  model: ModelInfo,
): { form: ComposeForm; changes: string[] } {
  const { caps } = model;
  const changes: string[] = [];
  const next: ComposeForm = { ...form, modelId: model.id };

  if (!caps.modes.includes(form.mode)) {
    next.mode = caps.modes[0] ?? 'text';
    changes.push(`mode ${form.mode} → ${next.mode} (${model.id} has no ${form.mode} mode)`);
  }
  const duration = Math.min(
    caps.max_duration_s,
    Math.max(caps.min_duration_s, form.durationSeconds),
  );
  if (duration !== form.durationSeconds) {
    next.durationSeconds = duration;
    changes.push(`duration ${form.durationSeconds} s → ${duration} s`);
  }
  if (!form.aspectRatio || !caps.aspect_ratios.includes(form.aspectRatio)) {
    next.aspectRatio = caps.aspect_ratios.includes(PREFERRED_ASPECT)
      ? PREFERRED_ASPECT
      : (caps.aspect_ratios[0] ?? null);
    if (form.aspectRatio && next.aspectRatio !== form.aspectRatio) {
      changes.push(
        `aspect ratio ${form.aspectRatio} → ${next.aspectRatio ?? 'the model’s default'}`,
      );
    }
  }
  if (!form.quality || !caps.qualities.includes(form.quality)) {
    next.quality = caps.qualities.includes(PREFERRED_QUALITY)
      ? PREFERRED_QUALITY
      : (caps.qualities[0] ?? null);
    if (form.quality && next.quality !== form.quality) {
      changes.push(`quality ${form.quality} → ${next.quality ?? 'the model’s default'}`);
    }
  }
  return { form: next, changes };
}

/** The images that go with the request: none in text mode. */
export function sentImages(form: ComposeForm): ComposeImage[] {
  return form.mode === 'text' ? [] : form.images;
}

/** The seed as typed: undefined when empty, NaN when it is not a seed. */
export function parseSeed(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return NaN;
  const value = Number(trimmed);
  return value <= MAX_SEED ? value : NaN;
}

/** The request the form describes, as the contract takes it (images still loading are left out). */
export function toDraft(form: ComposeForm): JobDraft {
  const seed = parseSeed(form.seed);
  return {
    model: form.modelId,
    prompt: form.prompt.trim(),
    mode: form.mode,
    durationSeconds: form.durationSeconds,
    ...(form.aspectRatio ? { aspectRatio: form.aspectRatio } : {}),
    ...(form.quality ? { quality: form.quality } : {}),
    ...(seed !== undefined && !Number.isNaN(seed) ? { seed } : {}),
    ...(form.sound ? { sound: true } : {}),
    inputImages: sentImages(form).flatMap((image) => (image.input ? [image.input] : [])),
  };
}

/** An image whose shape differs from the video's and that the user has not settled. */
export function needsShaping(image: ComposeImage, aspect: AspectRatio | null): boolean {
  return Boolean(
    aspect &&
    !image.keepShape &&
    image.width &&
    image.height &&
    !shapeMatches(image.width, image.height, aspect),
  );
}

/**
 * Why Generate is not possible yet, in words; empty when it is. The caps are checked by the
 * shared rules, the same the engine applies before paying.
 */
export function composeProblems(form: ComposeForm, model: ModelInfo | undefined): string[] {
  if (!model) return [form.modelId ? `Model ${form.modelId} is not available.` : 'Choose a model.'];
  const problems: string[] = [];
  const prompt = form.prompt.trim();
  if (prompt === '') problems.push('Write a prompt.');
  else if (prompt.length > 4000)
    problems.push(`The prompt is ${prompt.length} characters; at most 4000.`);
  if (Number.isNaN(parseSeed(form.seed)))
    problems.push(`The seed must be a whole number from 0 to ${MAX_SEED}, or empty.`);
  if (!Number.isInteger(form.copies) || form.copies < 1 || form.copies > 50)
    problems.push('Copies must be 1 to 50.');
  const images = sentImages(form);
  if (images.some((image) => image.input === null))
    problems.push('Wait for the images to finish loading.');
  images.forEach((image, index) => {
    if (needsShaping(image, form.aspectRatio) && image.width && image.height) {
      problems.push(
        `Image ${index + 1} is ${describeShape(image.width, image.height)} but the video is ${form.aspectRatio}: crop it, fit it, or keep its shape.`,
      );
    }
  });
  if (images.length > 8) problems.push('At most 8 images can be sent.');
  // The shared rules count images; one still loading counts as the image it will be.
  const request: JobRequest = {
    ...toDraft(form),
    inputImages: images.map(() => ({ url: 'https://image.invalid/' })),
  };
  for (const problem of validateRequest(request, model)) problems.push(`${problem.message}.`);
  return problems;
}

/** "8 s × 40 ¢/s = $3.20", and "× 3 copies = $9.60" when there are copies. */
export function costLine(
  form: ComposeForm,
  model: ModelInfo,
): { text: string; totalCents: number } {
  const each = estimateCostCents(form, model);
  let text = `${form.durationSeconds} s × ${formatCentsPerSecond(model.caps.price_per_second_cents)} = ${formatCents(each)}`;
  const copies = Math.max(1, Math.floor(form.copies) || 1);
  if (copies > 1) text += ` × ${copies} copies = ${formatCents(each * copies)}`;
  return { text, totalCents: each * copies };
}
