import type { JobDraft } from '../../../../shared/jobDraft';
import type { Prefill } from './composeStore';

/** A job's request as the compose form takes it (edit a queued job, retry with changes). */
export function prefillFromRequest(request: JobDraft): Prefill['request'] {
  return {
    modelId: request.model,
    prompt: request.prompt,
    mode: request.mode,
    durationSeconds: request.durationSeconds,
    aspectRatio: request.aspectRatio ?? null,
    quality: request.quality ?? null,
    seed: request.seed === undefined ? '' : String(request.seed),
    sound: request.sound ?? false,
    inputImages: request.inputImages,
    continues:
      request.parentClipId === undefined
        ? null
        : {
            clipId: request.parentClipId,
            name: request.parentClipId,
            atSeconds: request.parentFrameSeconds ?? null,
          },
  };
}
