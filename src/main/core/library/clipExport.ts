import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import { UserError } from '../../../shared/contract/result';
import type { ExportResponse } from '../../../shared/library';
import type { Translate } from '../i18n';
import { OutsideLibraryError } from './containment';
import type { ReadableFile } from './libraryFs';
import type { LibraryFolder } from './libraryFolder';
import { clipFileNames, type ClipEntry } from './libraryIndex';

/**
 * The ZIP travels as base64 in one contract answer: a string of 400 MB is as long as V8 lets
 * one be, so the file stays under 300 MB. Larger selections are exported a part at a time.
 */
export const MAX_EXPORT_BYTES = 300_000_000;
/** fflate writes no ZIP64: a ZIP holds at most 65,535 entries. */
const MAX_EXPORT_FILES = 65_000;
/** A local header, a data descriptor and a central directory record, besides the name twice. */
const ENTRY_OVERHEAD = 30 + 16 + 46;
/** The earliest date a ZIP entry can carry (MS-DOS time). */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);

export class ExportTooLargeError extends Error {}

/**
 * `library.export`: the clips' files, named as in the library (sidecar, video, poster, input
 * images, stills), in one ZIP. Sidecars are copied as they are on disk: unzipped into a folder,
 * that folder is a library of the same clips. The size is known (and refused) before anything
 * is read; each file is streamed in, media stored as it is (an MP4 does not deflate), so no
 * more than one chunk of any file and the ZIP itself are held.
 */
export async function exportClips(
  library: LibraryFolder,
  clipIds: readonly string[],
  now: number,
  t: Translate,
): Promise<ExportResponse> {
  const wanted = [...new Set(clipIds)];
  const entries = wanted.flatMap((id) => library.entry(id) ?? []);
  if (entries.length === 0) throw new UserError('not-found', t('library.nothingToExport'));
  const names = entries.flatMap((entry) => clipFileNames(entry));
  const tooLarge = () =>
    new UserError(
      'conflict',
      t('library.exportTooLarge', { max: Math.round(MAX_EXPORT_BYTES / 1_000_000) }),
    );
  if (names.length > MAX_EXPORT_FILES) throw tooLarge();
  const infos = await library.fs.statMany(names.map((name) => library.path(name)));
  const estimate = infos.reduce<number>(
    (sum, info, i) =>
      sum + (info && !(info instanceof Error) ? info.size + estimateOverhead(names[i]!) : 0),
    22,
  );
  if (estimate > MAX_EXPORT_BYTES) throw tooLarge();
  let zipped: Uint8Array;
  try {
    zipped = await zipFiles(library, names);
  } catch (error) {
    if (error instanceof ExportTooLargeError) throw tooLarge();
    throw error;
  }
  return {
    fileName: exportName(entries, now),
    dataBase64: Buffer.from(zipped).toString('base64'),
    clipCount: entries.length,
    missing: wanted.length - entries.length,
  };
}

const estimateOverhead = (name: string) => ENTRY_OVERHEAD + 2 * Buffer.byteLength(name);

/** Files one after another into a streaming ZIP; a missing one (or a link out) is left out. */
async function zipFiles(library: LibraryFolder, names: readonly string[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      chunks.push(chunk);
      size += chunk.byteLength;
    }
  });
  try {
    for (const name of names) {
      const file = await openOrSkip(library, name);
      if (!file) continue;
      const entry: ZipInputFile = name.endsWith('.json')
        ? new ZipDeflate(name, { level: 6 })
        : new ZipPassThrough(name);
      entry.mtime = Math.max(ZIP_EPOCH, file.info.mtimeMs);
      zip.add(entry);
      await streamInto(entry, file);
      if (failure) throw failure as Error;
      // A file that grew since it was measured.
      if (size > MAX_EXPORT_BYTES) throw new ExportTooLargeError();
    }
    zip.end();
  } catch (error) {
    zip.terminate();
    throw error;
  }
  if (failure) throw failure as Error;
  return Buffer.concat(chunks);
}

async function openOrSkip(library: LibraryFolder, name: string): Promise<ReadableFile | null> {
  try {
    return await library.openFile(name);
  } catch (error) {
    // A file that is a link out of the library is not the library's to give away.
    if (error instanceof OutsideLibraryError) return null;
    throw error;
  }
}

async function streamInto(entry: ZipInputFile, file: ReadableFile): Promise<void> {
  const push = (chunk: Uint8Array, final: boolean) =>
    (entry as ZipPassThrough | ZipDeflate).push(chunk, final);
  if (file.info.size === 0) {
    await file.close();
    return push(new Uint8Array(0), true);
  }
  for await (const chunk of file.stream(0, file.info.size - 1)) push(chunk, false);
  push(new Uint8Array(0), true);
}

/** `<clip>.zip` for one clip; `airframe-<n>-clips-<date>.zip` for more. */
function exportName(entries: readonly ClipEntry[], now: number): string {
  const [only] = entries;
  if (only && entries.length === 1) return `${only.base}.zip`;
  return `airframe-${entries.length}-clips-${new Date(now).toISOString().slice(0, 10)}.zip`;
}
