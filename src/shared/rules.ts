// No zod here: the renderer runs these rules, and main validates what crosses the contract.
import type { JobRequest } from './jobs';
import type { ModelInfo } from './modelInfo';

export type { ModelInfo } from './modelInfo';

export interface RequestProblem {
  field: keyof JobRequest;
  message: string;
}

/** Cost debited when the task is created: duration × price per second. */
export function estimateCostCents(
  request: Pick<JobRequest, 'durationSeconds'>,
  model: ModelInfo,
): number {
  return request.durationSeconds * model.caps.price_per_second_cents;
}

export function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/**
 * Checks a request against the model's caps: the same rules the compose form shows and the
 * engine applies before paying for anything.
 */
export function validateRequest(request: JobRequest, model: ModelInfo): RequestProblem[] {
  const { caps } = model;
  const problems: RequestProblem[] = [];
  if (!caps.modes.includes(request.mode)) {
    problems.push({
      field: 'mode',
      message: `${model.id} does not offer ${request.mode} mode (it offers ${caps.modes.join(', ')})`,
    });
  }
  if (
    request.durationSeconds < caps.min_duration_s ||
    request.durationSeconds > caps.max_duration_s
  ) {
    problems.push({
      field: 'durationSeconds',
      message: `${model.id} makes clips of ${caps.min_duration_s}–${caps.max_duration_s} s, not ${request.durationSeconds} s`,
    });
  }
  if (request.aspectRatio && !caps.aspect_ratios.includes(request.aspectRatio)) {
    problems.push({
      field: 'aspectRatio',
      message: `${model.id} does not offer ${request.aspectRatio} (it offers ${caps.aspect_ratios.join(', ')})`,
    });
  }
  if (request.quality && !caps.qualities.includes(request.quality)) {
    problems.push({
      field: 'quality',
      message: `${model.id} does not offer ${request.quality} (it offers ${caps.qualities.join(', ')})`,
    });
  }
  const images = request.inputImages.length;
  if (request.mode === 'text' && images > 0) {
    problems.push({ field: 'inputImages', message: 'Text mode takes no images' });
  } else if (request.mode === 'image' && images !== 1) {
    problems.push({ field: 'inputImages', message: 'Image mode animates exactly one first frame' });
  } else if (request.mode === 'reference' && images < 1) {
    problems.push({
      field: 'inputImages',
      message: 'Reference mode needs at least one style frame',
    });
  }
  return problems;
}
