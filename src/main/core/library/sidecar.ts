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
import { clipIdFor, isFrameFileOf } from './naming';

/**
 * `<name>.json`, the part of a clip that explains and remakes it. The folder belongs to the
 * user and may travel to another machine or an older app, so the file carries a version,
 * readable ISO dates, and keeps fields it does not know when it is rewritten.
 *
 * Versions: 1 is the clip; 2 adds `frames` (stills saved from it). A version-1 file is
 * upgraded when read (`upgradeSidecar`: no frames). A file is written as the oldest version
 * that holds what it says (`serializeSidecar`): a clip without frames stays version 1, which
 * an Airframe that knows only version 1 still reads; one with frames is version 2, which
 * such an app skips as "written by a newer Airframe" (its files untouched, never rewritten).
 */
export const SIDECAR_VERSION = 2;

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

/** A still saved from the clip (`<base>.frame-…png` next to it) and where in it it was taken. */
const SidecarFrame = z.object({
  file: z.string().min(1),
  atSeconds: z.number().nonnegative(),
  savedAt: IsoDate,
});
export type SidecarFrame = z.infer<typeof SidecarFrame>;

/** Entries edited by hand into nonsense are dropped one by one: the clip and the rest load. */
const SidecarFrames = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.flatMap((item) => SidecarFrame.safeParse(item).data ?? []));

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
  /** Absent: none (a sidecar made in memory need not say so). */
  frames: SidecarFrames.optional(),
});
export type Sidecar = z.infer<typeof Sidecar>;

type Raw = Record<string, unknown>;

/** Each step takes a sidecar of version `n` to `n + 1`. */
const UPGRADES: Readonly<Record<number, (sidecar: Raw) => Raw>> = {
  // Version 1 saved no frames. (`parent` came without a bump: it is the same in both.)
  1: (sidecar) => ({ ...sidecar, version: 2, frames: [] }),
};

/**
 * A sidecar of any version this app reads, as the current version (anything else as it is).
 * Also for sidecars the index cached before an upgrade: they were parsed, so only the steps
 * are needed, not the schema.
 */
export function upgradeSidecar(raw: unknown): unknown {
  let sidecar = raw;
  for (;;) {
    if (typeof sidecar !== 'object' || sidecar === null) return sidecar;
    const version = (sidecar as Raw).version;
    const step = typeof version === 'number' ? UPGRADES[version] : undefined;
    if (!step) return sidecar;
    sidecar = step(sidecar as Raw);
  }
}

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
  const parsed = Sidecar.safeParse(upgradeSidecar(raw));
  if (parsed.success) return { ok: true, sidecar: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return { ok: false, message: `${where}${issue?.message ?? 'invalid sidecar'}` };
}

/** As the oldest version that holds it: without frames, version 1 (no `frames` field). */
export function serializeSidecar(sidecar: Sidecar): Uint8Array {
  const { version: _current, frames, ...rest } = sidecar;
  const written =
    frames && frames.length > 0 ? { version: 2, ...rest, frames } : { version: 1, ...rest };
  return new TextEncoder().encode(`${JSON.stringify(written, null, 2)}\n`);
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
    // By their place in the sidecar (the media route's `frame-<n>`), only stills next to the clip.
    frames: (sidecar.frames ?? []).flatMap((frame, index) =>
      isFrameFileOf(clip.name, frame.file)
        ? [{ index, atSeconds: frame.atSeconds, savedAt: Date.parse(frame.savedAt) }]
        : [],
    ),
    ...chain,
  };
}
