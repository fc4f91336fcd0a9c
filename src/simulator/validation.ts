import { CreateVideoRequest } from '../shared/api/schemas';
import type { AspectRatio, Quality, VideoMode } from '../shared/api/schemas';
import { findModel } from './models';

/** A create request checked against its model's caps, with every default filled in. */
export interface ResolvedRequest {
  model: string;
  prompt: string;
  mode: VideoMode;
  durationSeconds: number;
  aspectRatio: AspectRatio;
  quality: Quality;
  inputImageCount: number;
  seed?: number;
  sound: boolean;
  costCents: number;
}

export interface Rejection {
  message: string;
  param?: string;
}

export type Resolution =
  { ok: true; request: ResolvedRequest } | { ok: false; rejection: Rejection };

const reject = (param: string, message: string): Resolution => ({
  ok: false,
  rejection: { param, message: `Invalid '${param}': ${message}` },
});

export function resolveCreateRequest(body: unknown): Resolution {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, rejection: { message: 'The request body must be a JSON object' } };
  }
  const parsed = CreateVideoRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = String(issue?.path[0] ?? '');
    if (!(param in body)) {
      return { ok: false, rejection: { param, message: `Missing required parameter '${param}'` } };
    }
    return reject(param, issue?.message ?? 'not accepted');
  }
  const input = parsed.data;

  const found = findModel(input.model);
  if (found.kind === 'unknown') return reject('model', `unknown model '${input.model}'`);
  if (found.kind === 'not-video') return reject('model', `'${found.id}' does not generate video`);
  const { caps } = found;

  const mode = input.mode ?? 'text';
  if (!caps.modes.includes(mode)) {
    return reject(
      'mode',
      `${found.id} does not offer ${mode} mode (it offers ${caps.modes.join(', ')})`,
    );
  }
  const durationSeconds = input.duration_seconds ?? caps.minDuration;
  if (durationSeconds < caps.minDuration || durationSeconds > caps.maxDuration) {
    return reject(
      'duration_seconds',
      `${found.id} makes clips of ${caps.minDuration}–${caps.maxDuration} s, not ${durationSeconds} s`,
    );
  }
  const aspectRatio = input.aspect_ratio ?? caps.aspectRatios[0];
  if (aspectRatio === undefined || !caps.aspectRatios.includes(aspectRatio)) {
    return reject(
      'aspect_ratio',
      `${found.id} does not offer ${aspectRatio} (it offers ${caps.aspectRatios.join(', ')})`,
    );
  }
  // The docs name no default quality; 720p where offered is what a provider would pick.
  const quality = input.quality ?? (caps.qualities.includes('720p') ? '720p' : caps.qualities[0]);
  if (quality === undefined || !caps.qualities.includes(quality)) {
    return reject(
      'quality',
      `${found.id} does not offer ${quality} (it offers ${caps.qualities.join(', ')})`,
    );
  }

  const inputImageCount = input.input_images?.length ?? 0;
  if (mode === 'text' && inputImageCount > 0) {
    return reject('input_images', 'text mode takes no input_images');
  }
  if (mode === 'image' && inputImageCount !== 1) {
    return reject(
      'input_images',
      `image mode needs exactly one image in input_images, got ${inputImageCount}`,
    );
  }
  if (mode === 'reference' && inputImageCount < 1) {
    return reject('input_images', 'reference mode needs at least one image in input_images');
  }

  return {
    ok: true,
    request: {
      model: found.id,
      prompt: input.prompt,
      mode,
      durationSeconds,
      aspectRatio,
      quality,
      inputImageCount,
      ...(input.seed === undefined ? {} : { seed: input.seed }),
      sound: input.sound ?? false,
      costCents: durationSeconds * caps.pricePerSecondCents,
    },
  };
}
