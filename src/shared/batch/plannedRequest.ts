import type { ImageInput, JobDraft } from '../jobDraft';
import type { JobRequest } from '../jobs';

/** The request a planned job will send, its image named by index in the batch's images. */
export interface PlannedRequest extends Omit<JobRequest, 'inputImages'> {
  /** Index in `BatchInput.images`; null for a text-mode job. */
  image: number | null;
}

/**
 * The draft `jobs.submit` takes for a planned job, once the UI has the image's bytes (or
 * reference): the plan keeps only the image's index so a thousand rows hold no image data.
 */
export function toJobDraft(request: PlannedRequest, image: ImageInput | null): JobDraft {
  const { image: _index, ...rest } = request;
  return { ...rest, inputImages: image ? [image] : [] };
}
