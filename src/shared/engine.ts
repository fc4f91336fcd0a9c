import { z } from 'zod';
import { ImageMime, ImageRef, JobRequest } from './jobs';

/** Images as the UI sends them: bytes it read from a drop, paste or file picker, or a stored ref. */
export const ImageInput = z.union([
  ImageRef,
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

export const LedgerTotals = z.object({
  /** Net spend today (debits − refunds), the figure the daily budget guards. */
  todayCents: z.number(),
  monthCents: z.number(),
  totalCents: z.number(),
  refundsCents: z.number(),
  todayRefundsCents: z.number(),
  /** Net spend in the demo: free, and counted in none of the figures above. */
  demoCents: z.number(),
});
export type LedgerTotals = z.infer<typeof LedgerTotals>;

export const Estimate = z.object({
  costCents: z.number().nullable(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  /** What everything already waiting in the queue will cost. */
  queuedCents: z.number(),
});
export type Estimate = z.infer<typeof Estimate>;
