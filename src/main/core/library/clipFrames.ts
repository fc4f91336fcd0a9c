import { UserError } from '../../../shared/contract/result';
import type { SaveFrameRequest, SaveFrameResponse } from '../../../shared/library';
import { looksLike } from '../engine/imageCommands';
import type { Translate } from '../i18n';
import type { LibraryFolder } from './libraryFolder';
import type { ClipEntry } from './libraryIndex';
import { frameFile, isFrameFileOf } from './naming';
import { iso, toClip, toDetails } from './sidecar';

/** A clip's stills are listed in its sidecar: a few hundred keep it a small file. */
export const MAX_FRAMES_PER_CLIP = 200;

/**
 * Saves a still of a clip (`library.saveFrame`): the PNG next to the clip, written atomically
 * (temporary file, fsync, rename) before the sidecar names it, so a crash leaves at most a
 * still no sidecar lists, never a listed one that is half there. The same moment saved again
 * replaces its file and entry.
 */
export async function saveFrame(
  library: LibraryFolder,
  entry: ClipEntry,
  { atSeconds, pngBase64 }: SaveFrameRequest,
  savedAt: number,
  t: Translate,
): Promise<SaveFrameResponse> {
  const bytes = Buffer.from(pngBase64, 'base64');
  if (!looksLike('image/png', bytes)) throw new UserError('invalid-request', t('library.notPng'));
  const file = frameFile(entry.base, atSeconds);
  const known = (entry.sidecar.frames ?? []).some((frame) => frame.file === file);
  if (!known && (entry.sidecar.frames ?? []).length >= MAX_FRAMES_PER_CLIP)
    throw new UserError('conflict', t('library.tooManyFrames', { max: MAX_FRAMES_PER_CLIP }));
  await library.fs.writeFileAtomic(library.path(file), bytes);
  const saved = { file, atSeconds, savedAt: iso(savedAt) };
  let sidecar = entry.sidecar;
  const clip = await library.updateSidecar(entry.clip.id, (latest) => {
    const listed = latest.frames ?? [];
    const frames = listed.some((frame) => frame.file === file)
      ? listed.map((frame) => (frame.file === file ? saved : frame))
      : [...listed, saved];
    sidecar = { ...latest, frames };
    return sidecar;
  });
  // Deleted meanwhile: its files went with it, all but the still just written.
  if (!clip) {
    await library.fs.remove(library.path(file));
    throw new UserError('not-found', t('library.clipGone'));
  }
  const frames = toDetails(toClip(entry.base, sidecar, clip.hasPoster), sidecar).frames ?? [];
  const frame = frames.find((f) => sidecar.frames?.[f.index]?.file === file);
  if (!frame) throw new Error(`The still ${file} is not listed after saving it`);
  return { frame, frames };
}

/** The still at `index` of a clip's frames, when its name is one of the clip's (next to it). */
export function frameFileOf(entry: ClipEntry, index: number): string | undefined {
  const file = entry.sidecar.frames?.[index]?.file;
  return file !== undefined && isFrameFileOf(entry.base, file) ? file : undefined;
}
