import type { AspectRatio, Quality } from '../../../../shared/api/schemas';
import type { JobDraft } from '../../../../shared/jobDraft';
import type { JobRequest } from '../../../../shared/jobs';
import { estimateCostCents, validateRequest, type ModelInfo } from '../../../../shared/rules';
import { i18n } from '../../i18n';
import { formatCentsPerSecond, formatMoney } from '../common/format';
import type { ComposeContinues, ComposeForm, ComposeImage } from './composeForm';
import { describeShape, shapeMatches } from './cropMath';
import { requestProblemText } from './requestProblems';

const MAX_SEED = 2 ** 32 - 1;
const MAX_PROMPT = 4000;
const MAX_IMAGES = 8;
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
    changes.push(
      i18n.t('compose:changes.mode', {
        from: i18n.t(`compose:modes.names.${form.mode}`),
        to: i18n.t(`compose:modes.names.${next.mode}`),
        model: model.id,
      }),
    );
  }
  const duration = Math.min(
    caps.max_duration_s,
    Math.max(caps.min_duration_s, form.durationSeconds),
  );
  if (duration !== form.durationSeconds) {
    next.durationSeconds = duration;
    changes.push(i18n.t('compose:changes.duration', { from: form.durationSeconds, to: duration }));
  }
  if (!form.aspectRatio || !caps.aspect_ratios.includes(form.aspectRatio)) {
    next.aspectRatio = caps.aspect_ratios.includes(PREFERRED_ASPECT)
      ? PREFERRED_ASPECT
      : (caps.aspect_ratios[0] ?? null);
    if (form.aspectRatio && next.aspectRatio !== form.aspectRatio) {
      const from = form.aspectRatio;
      changes.push(
        next.aspectRatio
          ? i18n.t('compose:changes.aspect', { from, to: next.aspectRatio })
          : i18n.t('compose:changes.aspectDefault', { from }),
      );
    }
  }
  if (!form.quality || !caps.qualities.includes(form.quality)) {
    next.quality = caps.qualities.includes(PREFERRED_QUALITY)
      ? PREFERRED_QUALITY
      : (caps.qualities[0] ?? null);
    if (form.quality && next.quality !== form.quality) {
      const from = form.quality;
      changes.push(
        next.quality
          ? i18n.t('compose:changes.quality', { from, to: next.quality })
          : i18n.t('compose:changes.qualityDefault', { from }),
      );
    }
  }
  return { form: next, changes };
}

/** "Switched to kling-1: duration 10 s → 8 s." — what `fitToModel` changed; null when nothing. */
export function changesText(
  kind: 'switched' | 'adjusted',
  model: string,
  changes: readonly string[],
): string | null {
  if (changes.length === 0) return null;
  return i18n.t(`compose:changes.${kind}`, { model, changes: changes.join('; ') });
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
    ...(form.continues ? parentOf(form.continues) : {}),
  };
}

const parentOf = ({ clipId, atSeconds }: ComposeContinues) => ({
  parentClipId: clipId,
  ...(atSeconds !== null ? { parentFrameSeconds: atSeconds } : {}),
});

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
  if (!model)
    return [
      form.modelId
        ? i18n.t('compose:rules.modelGone', { model: form.modelId })
        : i18n.t('compose:rules.chooseModel'),
    ];
  const problems: string[] = [];
  const prompt = form.prompt.trim();
  if (prompt === '') problems.push(i18n.t('compose:rules.writePrompt'));
  else if (prompt.length > MAX_PROMPT)
    problems.push(
      i18n.t('compose:rules.promptTooLong', { length: prompt.length, max: MAX_PROMPT }),
    );
  if (Number.isNaN(parseSeed(form.seed)))
    problems.push(i18n.t('compose:rules.seed', { max: MAX_SEED }));
  if (!Number.isInteger(form.copies) || form.copies < 1 || form.copies > 50)
    problems.push(i18n.t('compose:rules.copies'));
  const images = sentImages(form);
  if (images.some((image) => image.input === null))
    problems.push(i18n.t('compose:rules.waitForImages'));
  images.forEach((image, index) => {
    const aspect = form.aspectRatio;
    if (needsShaping(image, aspect) && aspect && image.width && image.height) {
      const shape = describeShape(image.width, image.height);
      problems.push(i18n.t('compose:rules.shape', { n: index + 1, shape, aspect }));
    }
  });
  if (images.length > MAX_IMAGES)
    problems.push(i18n.t('compose:rules.tooManyImages', { max: MAX_IMAGES }));
  // The shared rules count images; one still loading counts as the image it will be.
  const request: JobRequest = {
    ...toDraft(form),
    inputImages: images.map(() => ({ url: 'https://image.invalid/' })),
  };
  for (const problem of validateRequest(request, model))
    problems.push(requestProblemText(problem, request, model));
  return problems;
}

/** "8 s × 40 ¢/s = $3.20", and "× 3 copies = $9.60" when there are copies. */
export function costLine(
  form: ComposeForm,
  model: ModelInfo,
): { text: string; totalCents: number } {
  const each = estimateCostCents(form, model);
  const copies = Math.max(1, Math.floor(form.copies) || 1);
  const line = {
    seconds: form.durationSeconds,
    price: formatCentsPerSecond(model.caps.price_per_second_cents),
    each: formatMoney(each),
  };
  const text =
    copies > 1
      ? i18n.t('compose:cost.withCopies', {
          ...line,
          count: copies,
          total: formatMoney(each * copies),
        })
      : i18n.t('compose:cost.line', line);
  return { text, totalCents: each * copies };
}
