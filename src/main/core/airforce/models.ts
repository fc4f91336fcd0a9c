import { ApiModel, AspectRatio, Quality, VideoCaps } from '../../../shared/api/schemas';
import type { VideoModel } from './types';

/**
 * Caps for a model that leaves a field out. A list the model does not publish is read as
 * "no restriction": every documented value (the server still has the last word, with a 400
 * naming the field). Modes default to text, the only one needing no input image, and
 * durations to the documented typical 5–10 s. The price has no typical value; a model
 * without one costs "0" and says so in `defaulted`.
 */
export const defaultVideoCaps: Required<VideoCaps> = {
  aspect_ratios: [...AspectRatio.options],
  qualities: [...Quality.options],
  min_duration_s: 5,
  max_duration_s: 10,
  modes: ['text'],
  price_per_second_cents: 0,
};

type CapsField = keyof VideoCaps;

/** One field at a time, so a single odd value costs that field, not the whole model. */
function readCaps(raw: unknown): { caps: VideoCaps; missing: CapsField[] } {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const caps: Record<string, unknown> = {};
  const missing: CapsField[] = [];
  for (const field of Object.keys(VideoCaps.shape) as CapsField[]) {
    const parsed = VideoCaps.shape[field].safeParse(record[field]);
    const value: unknown = parsed.success ? parsed.data : undefined;
    if (value === undefined || (Array.isArray(value) && value.length === 0)) missing.push(field);
    else caps[field] = value;
  }
  return { caps, missing };
}

function isVideoModel(model: ApiModel, rawCaps: unknown): boolean {
  if (model.output_modalities) return model.output_modalities.includes('video');
  // No modalities at all: video caps are the only other sign of a video model.
  return typeof rawCaps === 'object' && rawCaps !== null;
}

/** A video model with every cap filled in, or null for anything that is not one or makes no sense. */
export function videoModelFrom(raw: unknown): VideoModel | null {
  const rawCaps =
    typeof raw === 'object' && raw !== null
      ? (raw as { video_caps?: unknown }).video_caps
      : undefined;
  const parsed = ApiModel.omit({ video_caps: true }).safeParse(raw);
  if (!parsed.success || !isVideoModel(parsed.data, rawCaps)) return null;
  const { caps, missing } = readCaps(rawCaps);
  const min =
    caps.min_duration_s ??
    Math.min(defaultVideoCaps.min_duration_s, caps.max_duration_s ?? Infinity);
  const max = caps.max_duration_s ?? Math.max(defaultVideoCaps.max_duration_s, min);
  if (min > max) return null;
  const filled: Required<VideoCaps> = {
    ...defaultVideoCaps,
    ...caps,
    min_duration_s: min,
    max_duration_s: max,
  };
  return {
    id: parsed.data.id,
    caps: filled,
    ...(missing.length > 0 ? { defaulted: missing } : {}),
  };
}

/** The video models of a `/v1/models` answer, first of each id, in the server's order. */
export function videoModelsFrom(items: readonly unknown[]): VideoModel[] {
  const seen = new Set<string>();
  return items.flatMap((item) => {
    const model = videoModelFrom(item);
    if (model === null || seen.has(model.id)) return [];
    seen.add(model.id);
    return [model];
  });
}
