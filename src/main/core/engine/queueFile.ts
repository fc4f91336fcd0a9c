import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import { z } from 'zod';
import { UserError } from '../../../shared/contract/result';
import { OnFailure } from '../../../shared/jobBatches';
import { ImageMime, JobRequest } from '../../../shared/jobs';
import type { MessageKey, MessageValues, Translate } from '../i18n';
import { looksLike } from './imageCommands';

/*
 * A queue file (`queue.export`, `queue.import`): a ZIP holding `airframe-queue.json`, whose
 * requests name their input images as entries `images/<sha256>.<png|jpg|webp>`, and those
 * images. Version 1:
 *   { format: 'airframe-queue', version: 1, exportedAt: ISO date,
 *     batches: [{ name, onFailure, jobs: [request…] }], jobs: [request…] (not in a batch) }
 * A request is a `JobRequest` whose images are `{ file, mime }` or an https `{ url }` with
 * no query (a signed link is never written). No key, task id or job id goes in. A file is
 * untrusted input: its entries are named and sized before any is unpacked.
 */
export const QUEUE_FILE_FORMAT = 'airframe-queue';
export const QUEUE_FILE_VERSION = 1;
export const MANIFEST_NAME = 'airframe-queue.json';

/** What one import may queue: as much as one `jobs.submitBatch`. */
export const MAX_FILE_JOBS = 10_000;
/** The packed file, so that its base64 fits `queue.import` (200 MB). */
export const MAX_FILE_BYTES = 150_000_000;
/** Unpacked, all entries together: a ZIP bomb stops here, before it is inflated. */
export const MAX_UNPACKED_BYTES = 256_000_000;
export const MAX_ENTRIES = 5_001;

const EXTENSIONS: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};
const IMAGE_ENTRY = /^images\/([a-f0-9]{64})\.(png|jpg|webp)$/;

const FileImage = z.union([
  z.object({ file: z.string().regex(IMAGE_ENTRY), mime: ImageMime }).strict(),
  z
    .object({
      url: z
        .url({ protocol: /^https$/ })
        .max(16_384)
        .refine((url) => !hasQuery(url), 'A link with a query may be signed'),
    })
    .strict(),
]);
export type FileImage = z.infer<typeof FileImage>;

const FileRequest = JobRequest.extend({ inputImages: z.array(FileImage).max(8) }).strict();
export type FileRequest = z.infer<typeof FileRequest>;

const Manifest = z
  .object({
    format: z.literal(QUEUE_FILE_FORMAT),
    version: z.literal(QUEUE_FILE_VERSION),
    exportedAt: z.iso.datetime(),
    batches: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(200),
            onFailure: OnFailure,
            jobs: z.array(FileRequest).min(1).max(MAX_FILE_JOBS),
          })
          .strict(),
      )
      .max(MAX_FILE_JOBS),
    jobs: z.array(FileRequest).max(MAX_FILE_JOBS),
  })
  .strict();
export type QueueManifest = z.infer<typeof Manifest>;

type Refuse = (key: MessageKey, values?: MessageValues) => UserError;

/** Only the version, to say "made by a newer Airframe" instead of "damaged". */
const Header = z.object({ format: z.literal(QUEUE_FILE_FORMAT), version: z.unknown() });

export function hasQuery(url: string): boolean {
  return URL.canParse(url) && new URL(url).search !== '';
}

export const imageEntry = (blobId: string, mime: ImageMime) =>
  `images/${blobId}.${EXTENSIONS[mime]}`;

/** The file's bytes: the manifest compressed, the images (compressed already) stored as they are. */
export function packQueueFile(
  manifest: QueueManifest,
  images: Map<string, Uint8Array>,
): Uint8Array {
  Manifest.parse(manifest);
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    [MANIFEST_NAME]: strToU8(JSON.stringify(manifest, null, 2)),
  };
  for (const [name, bytes] of images) files[name] = [bytes, { level: 0 }];
  return zipSync(files);
}

/** The manifest and every image it names, checked; a `UserError` says what is wrong. */
export function unpackQueueFile(
  bytes: Uint8Array,
  t: Translate,
): { manifest: QueueManifest; images: Map<string, { mime: ImageMime; bytes: Uint8Array }> } {
  const refuse: Refuse = (key, values) => new UserError('invalid-request', t(key, values));
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: entryCheck(refuse) });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw refuse('queueFile.notAZip');
  }
  const text = entries[MANIFEST_NAME];
  if (!text) throw refuse('queueFile.notAQueueFile');
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(text));
  } catch (error) {
    throw refuse('queueFile.malformed', { where: MANIFEST_NAME, reason: (error as Error).message });
  }
  const header = Header.safeParse(json);
  if (!header.success) throw refuse('queueFile.notAQueueFile');
  if (header.data.version !== QUEUE_FILE_VERSION)
    throw refuse('queueFile.unknownVersion', {
      version: String(header.data.version).slice(0, 20),
      supported: QUEUE_FILE_VERSION,
    });
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || MANIFEST_NAME;
    throw refuse('queueFile.malformed', { where, reason: issue.message });
  }
  const manifest = parsed.data;
  const count = manifest.batches.reduce((n, b) => n + b.jobs.length, manifest.jobs.length);
  if (count > MAX_FILE_JOBS) throw refuse('queueFile.tooManyJobs', { count, max: MAX_FILE_JOBS });
  const images = new Map<string, { mime: ImageMime; bytes: Uint8Array }>();
  for (const request of [...manifest.batches.flatMap((b) => b.jobs), ...manifest.jobs]) {
    for (const image of request.inputImages) {
      if (!('file' in image) || images.has(image.file)) continue;
      const data = entries[image.file];
      if (!data) throw refuse('queueFile.imageMissing', { file: image.file });
      const hash = createHash('sha256').update(data).digest('hex');
      if (image.file !== imageEntry(hash, image.mime) || !looksLike(image.mime, data))
        throw refuse('queueFile.imageBad', { file: image.file });
      images.set(image.file, { mime: image.mime, bytes: data });
    }
  }
  return { manifest, images };
}

/**
 * Which entries are unpacked: only the manifest and image names, each once, within the caps
 * (what an entry says it unpacks to; fflate inflates no further than that).
 */
function entryCheck(refuse: Refuse) {
  const seen = new Set<string>();
  let entries = 0;
  let total = 0;
  const tooBig = () =>
    refuse('queueFile.tooBig', { max: MAX_UNPACKED_BYTES / 1_000_000, entries: MAX_ENTRIES });
  return (file: UnzipFileInfo): boolean => {
    if (++entries > MAX_ENTRIES) throw tooBig();
    // A folder's entry, as other ZIP tools write one: it holds nothing.
    if (file.name === 'images/') return false;
    if ((file.name !== MANIFEST_NAME && !IMAGE_ENTRY.test(file.name)) || seen.has(file.name))
      throw refuse('queueFile.strangeEntry', { name: file.name.slice(0, 100) });
    seen.add(file.name);
    total += file.originalSize;
    if (total > MAX_UNPACKED_BYTES) throw tooBig();
    return true;
  };
}
