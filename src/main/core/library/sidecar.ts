import { z } from 'zod';
import { AspectRatio, Quality, VideoMode } from '../../../shared/api/schemas';
import { ImageMime } from '../../../shared/jobs';
import {
  ClipId,
  TaskId,
  type Clip,
  type ClipDetails,
  type ClipInputImage,
} from '../../../shared/library';
import { clipIdFor } from './naming';

/**
 * `<name>.json`, the part of a clip that explains and remakes it. The folder belongs to the
 * user and may travel to another machine or an older app, so the file carries a version,
 * readable ISO dates, and keeps fields it does not know when it is rewritten.
 */
export const SIDECAR_VERSION = 1;

/** Required fields a server may not give; nullable ones are simply null when unknown. */
export type UnknownField = 'prompt' | 'model' | 'mode' | 'createdAt';

const IsoDate = z.iso.datetime({ offset: true });

const SidecarInput = z.union([
  z.object({ file: z.string().min(1), mime: ImageMime }),
  z.object({ url: z.string().min(1) }),
]);

/**
 * The clip this one continues ("Continue from this frame") and where in it the first frame
 * was taken. Added without a version bump: it is optional, older sidecars simply have no
 * parent, and an older app still reads a sidecar that has one (and keeps it on a rewrite)
 * instead of refusing it as newer.
 */
const SidecarParent = z.object({
  clipId: ClipId,
  atSeconds: z.number().nonnegative().nullable(),
});
export type SidecarParent = z.infer<typeof SidecarParent>;

export const Sidecar = z.looseObject({
  version: z.literal(SIDECAR_VERSION),
  /** Verbatim, as the server gave it: it is what every later API call about the clip sends. */
  taskId: TaskId,
  /** `""` when the server never said (see `unknown`): never a made-up prompt. */
  prompt: z.string(),
  model: z.string().min(1),
  mode: VideoMode,
  durationSeconds: z.number().positive().nullable().default(null),
  aspectRatio: AspectRatio.nullable().default(null),
  quality: Quality.nullable().default(null),
  seed: z.number().int().nonnegative().nullable().default(null),
  sound: z.boolean().nullable().default(null),
  inputImages: z.array(SidecarInput).default([]),
  costCents: z.number().nonnegative().nullable().default(null),
  createdAt: IsoDate,
  completedAt: IsoDate.nullable().default(null),
  savedAt: IsoDate.nullable().default(null),
  favourite: z.boolean().default(false),
  tags: z.array(z.string()).default([]),
  /**
   * Fields the server never gave for this clip (a task imported from the history, whose
   * items need not carry a prompt or a date): their values here are placeholders or
   * estimates, e.g. `["prompt", "mode"]` (an `UnknownField`; names a later app may add are
   * kept). Absent in most sidecars: everything in them is known.
   */
  unknown: z.array(z.string()).optional(),
  /** A parent edited by hand into nonsense is dropped: the clip itself still loads. */
  parent: SidecarParent.optional().catch(undefined),
});
export type Sidecar = z.infer<typeof Sidecar>;

export type SidecarParse = { ok: true; sidecar: Sidecar } | { ok: false; message: string };

export function parseSidecar(text: string): SidecarParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not valid JSON' };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SIDECAR_VERSION) {
    return { ok: false, message: `written by a newer Airframe (sidecar version ${version})` };
  }
  const parsed = Sidecar.safeParse(raw);
  if (parsed.success) return { ok: true, sidecar: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, message: `${where}${issue?.message ?? 'invalid sidecar'}` };
}

export function serializeSidecar(sidecar: Sidecar): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(sidecar, null, 2)}\n`);
}

const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));
export const iso = (time: number): string => new Date(time).toISOString();

export function toClip(base: string, sidecar: Sidecar, hasPoster: boolean): Clip {
  return {
    id: clipIdFor(sidecar.taskId),
    taskId: sidecar.taskId,
    name: base,
    // A prompt the user later typed into the sidecar by hand is shown, list or not.
    prompt: sidecar.prompt === '' && sidecar.unknown?.includes('prompt') ? null : sidecar.prompt,
    model: sidecar.model,
    mode: sidecar.mode,
    durationSeconds: sidecar.durationSeconds,
    aspectRatio: sidecar.aspectRatio,
    quality: sidecar.quality,
    seed: sidecar.seed,
    sound: sidecar.sound,
    costCents: sidecar.costCents,
    createdAt: Date.parse(sidecar.createdAt),
    completedAt: ms(sidecar.completedAt),
    favourite: sidecar.favourite,
    tags: sidecar.tags,
    hasPoster,
    parentClipId: sidecar.parent?.clipId ?? null,
  };
}

/** The clip's chain as the index knows it (the sidecar names only the parent's id). */
export interface ClipChain {
  parent: Clip | null;
  children: Clip[];
}

export function toDetails(
  clip: Clip,
  sidecar: Sidecar,
  chain: ClipChain = { parent: null, children: [] },
): ClipDetails {
  const inputImages: ClipInputImage[] = sidecar.inputImages.map((image) =>
    'file' in image ? { file: image.file, mime: image.mime } : { url: image.url },
  );
  return {
    ...clip,
    inputImages,
    savedAt: ms(sidecar.savedAt),
    parentFrameSeconds: sidecar.parent?.atSeconds ?? null,
    ...chain,
  };
}
