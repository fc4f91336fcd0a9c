import type { VideoMode } from '../api/schemas';
import type { JobRequest } from '../jobs';
import { validateRequest, type ModelInfo } from '../rules';

/**
 * A request outside its model's caps, as a code with the values the renderer words it with.
 * The rules are `validateRequest`'s (the ones Compose shows and the engine applies before
 * paying); only their English is left out. `field` is RequestProblem's, so the renderer's
 * `requestProblemText` can say it too.
 */
export type CapProblem =
  | { code: 'over-cap'; field: 'mode'; model: string; value: VideoMode; allowed: VideoMode[] }
  | {
      code: 'over-cap';
      field: 'durationSeconds';
      model: string;
      value: number;
      min: number;
      max: number;
    }
  | {
      code: 'over-cap';
      field: 'aspectRatio' | 'quality';
      model: string;
      value: string;
      allowed: string[];
    }
  /** `value` is the number of images the request has for `mode`. */
  | { code: 'over-cap'; field: 'inputImages'; model: string; mode: VideoMode; value: number }
  | {
      code: 'over-cap';
      field: Exclude<
        keyof JobRequest,
        'mode' | 'durationSeconds' | 'aspectRatio' | 'quality' | 'inputImages'
      >;
      model: string;
    };

/** `validateRequest`'s problems with the request, each as a {@link CapProblem}. */
export function capProblems(request: JobRequest, model: ModelInfo): CapProblem[] {
  const { caps } = model;
  return validateRequest(request, model).map((problem): CapProblem => {
    const base = { code: 'over-cap', model: model.id } as const;
    switch (problem.field) {
      case 'mode':
        return { ...base, field: 'mode', value: request.mode, allowed: [...caps.modes] };
      case 'durationSeconds':
        return {
          ...base,
          field: 'durationSeconds',
          value: request.durationSeconds,
          min: caps.min_duration_s,
          max: caps.max_duration_s,
        };
      case 'aspectRatio':
        return {
          ...base,
          field: 'aspectRatio',
          value: request.aspectRatio ?? '',
          allowed: [...caps.aspect_ratios],
        };
      case 'quality':
        return {
          ...base,
          field: 'quality',
          value: request.quality ?? '',
          allowed: [...caps.qualities],
        };
      case 'inputImages':
        return {
          ...base,
          field: 'inputImages',
          mode: request.mode,
          value: request.inputImages.length,
        };
      default:
        return { ...base, field: problem.field };
    }
  });
}
