import { z } from 'zod';

/**
 * The api.airforce wire format (../shared/api/airforce-video-api.md), parsed, never
 * trusted: unknown fields are dropped, optional fields may be missing, and anything the
 * documentation leaves open is accepted in its most likely shapes.
 */
export const VideoMode = z.enum(['text', 'image', 'reference']);
export type VideoMode = z.infer<typeof VideoMode>;

export const AspectRatio = z.enum(['16:9', '9:16', '1:1', '4:3']);
export type AspectRatio = z.infer<typeof AspectRatio>;

export const Quality = z.enum(['480p', '720p', '1080p']);
export type Quality = z.infer<typeof Quality>;

/** How long the provider keeps a finished result before purging it (documented: 24 hours). */
export const RESULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export const TaskStatus = z.enum(['queued', 'running', 'completed', 'failed', 'expired']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const terminalStatuses: readonly TaskStatus[] = ['completed', 'failed', 'expired'];
export const isTerminal = (status: TaskStatus): boolean => terminalStatuses.includes(status);

/** Known values are kept; unknown ones are dropped rather than failing the whole model. */
function knownValues<T extends z.ZodEnum>(values: T) {
  return z
    .array(z.unknown())
    .transform((items) =>
      items.flatMap((item) => (values.safeParse(item).success ? [item as z.infer<T>] : [])),
    );
}

export const VideoCaps = z.object({
  aspect_ratios: knownValues(AspectRatio).optional(),
  qualities: knownValues(Quality).optional(),
  min_duration_s: z.number().int().positive().optional(),
  max_duration_s: z.number().int().positive().optional(),
  modes: knownValues(VideoMode).optional(),
  price_per_second_cents: z.number().nonnegative().optional(),
});
export type VideoCaps = z.infer<typeof VideoCaps>;

export const ApiModel = z.object({
  id: z.string().min(1),
  object: z.string().optional(),
  owned_by: z.string().optional(),
  output_modalities: z.array(z.string()).optional(),
  video_caps: VideoCaps.optional(),
});
export type ApiModel = z.infer<typeof ApiModel>;

/** `/v1/models`: the OpenAI-style envelope, or a bare array. */
export const ModelList = z.union([
  z.object({ data: z.array(z.unknown()) }).transform((list) => list.data),
  z.array(z.unknown()),
]);

export const InputImage = z.union([
  z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
  z.object({ b64_json: z.string().min(1) }).strict(),
]);
export type InputImage = z.infer<typeof InputImage>;

/** The body of `POST /v1/video/generations`. */
export const CreateVideoRequest = z.object({
  model: z.string().min(1),
  prompt: z.string().min(1),
  mode: VideoMode.optional(),
  duration_seconds: z.number().int().positive().optional(),
  aspect_ratio: AspectRatio.optional(),
  quality: Quality.optional(),
  input_images: z.array(InputImage).optional(),
  seed: z.number().int().nonnegative().optional(),
  sound: z.boolean().optional(),
});
export type CreateVideoRequest = z.infer<typeof CreateVideoRequest>;

export const CreateVideoResponse = z.object({
  task_id: z.string().min(1),
  status: TaskStatus,
  model: z.string().optional(),
  created: z.number(),
  expires_at: z.number(),
  cost_cents: z.number().nonnegative(),
});
export type CreateVideoResponse = z.infer<typeof CreateVideoResponse>;

export const ApiErrorDetail = z.object({
  type: z.string().optional(),
  message: z.string().optional(),
});
type ApiErrorDetail = z.infer<typeof ApiErrorDetail>;

/** A task's `error` as documented, or the bare message string some servers send. */
const TaskError = z.union([
  ApiErrorDetail,
  z.string().transform((message): ApiErrorDetail => ({ message })),
]);

export const VideoTask = z.object({
  task_id: z.string().min(1),
  status: TaskStatus,
  model: z.string().optional(),
  prompt: z.string().optional(),
  created: z.number().optional(),
  expires_at: z.number().optional(),
  duration_seconds: z.number().optional(),
  // A server overshooting 0–100 by a rounding error must not make the whole task unreadable.
  progress: z
    .number()
    .transform((value) => Math.min(100, Math.max(0, value)))
    .optional(),
  result_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  error: TaskError.optional(),
  cost_cents: z.number().optional(),
  // Not documented on the status shape; where a server echoes them they help tell tasks
  // apart, and an odd value must not make the task unreadable.
  seed: z.number().optional().catch(undefined),
  mode: z.string().optional().catch(undefined),
  aspect_ratio: z.string().optional().catch(undefined),
  quality: z.string().optional().catch(undefined),
});
export type VideoTask = z.infer<typeof VideoTask>;

/** One task the app cannot read (an unknown status, say) is left out, not fatal to the history. */
const ReadableTasks = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const task = VideoTask.safeParse(item);
    return task.success ? [task.data] : [];
  }),
);

/**
 * `GET /v1/video/tasks`: the envelope is not documented. The OpenAI-style `data`, a bare
 * array and the obvious wrappers are read; anything else is an error the caller reports.
 */
export const TaskList = z.union([
  ReadableTasks,
  z.object({ data: ReadableTasks }).transform((list) => list.data),
  z.object({ tasks: ReadableTasks }).transform((list) => list.tasks),
  z.object({ items: ReadableTasks }).transform((list) => list.items),
  z.object({ results: ReadableTasks }).transform((list) => list.results),
]);
