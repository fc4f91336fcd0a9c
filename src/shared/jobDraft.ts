import { z } from 'zod';
import { ImageMime, ImageRef, JobRequest } from './jobs';
import { ClipImageRef } from './library';

/**
 * Images as the UI sends them: bytes it read from a drop, paste or file picker, an image main
 * stores (a job's), or one a library clip keeps (a remix).
 */
export const ImageInput = z.union([
  ImageRef,
  ClipImageRef,
  z
    .object({
      mime: ImageMime,
      // 20 MB of image as base64.
      dataBase64: z.base64().max(28_000_000),
    })
    .strict(),
]);
export type ImageInput = z.infer<typeof ImageInput>;

export const JobDraft = JobRequest.extend({ inputImages: z.array(ImageInput).max(8) });
export type JobDraft = z.infer<typeof JobDraft>;
