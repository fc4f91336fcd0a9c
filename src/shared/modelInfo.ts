import { z } from 'zod';
import { AspectRatio, Quality, VideoMode } from './api/schemas';

/** A video model as the app uses it: its caps complete (the client fills documented defaults). */
export const ModelInfo = z.object({
  id: z.string(),
  caps: z.object({
    aspect_ratios: z.array(AspectRatio),
    qualities: z.array(Quality),
    min_duration_s: z.number(),
    max_duration_s: z.number(),
    modes: z.array(VideoMode),
    price_per_second_cents: z.number(),
  }),
});
export type ModelInfo = z.infer<typeof ModelInfo>;
