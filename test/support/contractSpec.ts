import type { CommandName } from '../../src/shared/contract/names';

/**
 * What each contract command should accept, written down apart from its zod schema: the
 * fuzz test's oracle. If the schema and this disagree, one of them is wrong — that is the
 * point of keeping two. It says `either` where the exact rule is zod's business (URL and
 * base64 grammars), so only clear cases are held against the schema.
 */
export type Verdict = 'valid' | 'invalid' | 'either';

/** Ids a command refers to: the generator fills them with ids that exist (or of another kind). */
export type Role = 'jobId' | 'clipId' | 'taskId' | 'blobId' | 'folder';

export type Spec = (
  | {
      kind: 'string';
      min: number;
      max: number;
      trim?: boolean;
      test?: (s: string) => Verdict;
      /** Valid values, for a field whose grammar random text would not meet. */
      examples?: readonly string[];
    }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'boolean' }
  /** `true` and nothing else: a flag that is either given or absent. */
  | { kind: 'true' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; of: Spec; max: number; min?: number }
  | { kind: 'object'; fields: Readonly<Record<string, Spec>> }
  | { kind: 'oneOf'; of: readonly Spec[] }
) & { optional?: boolean; nullable?: boolean; role?: Role };

const str = (min: number, max: number, extra: Partial<Spec> = {}): Spec =>
  ({ kind: 'string', min, max, ...extra }) as Spec;
const int = (min: number, max: number): Spec => ({ kind: 'int', min, max });
const bool: Spec = { kind: 'boolean' };
const oneOf = (...values: string[]): Spec => ({ kind: 'enum', values });
const opt = (spec: Spec): Spec => ({ ...spec, optional: true });
const obj = (fields: Record<string, Spec>): Spec => ({ kind: 'object', fields });

const clipId = str(1, 128, { role: 'clipId', test: (s) => verdict(/^[A-Za-z0-9_-]+$/.test(s)) });
const jobId = str(1, 100, { role: 'jobId' });
const taskId = str(1, 512, { role: 'taskId' });
const batchId = str(1, 100);
const keyId = str(1, 100);
const keyName = str(1, 100, { trim: true });
const dailyBudgetCents = opt({ ...int(1, Number.MAX_SAFE_INTEGER), nullable: true });
const tag = str(1, 64, { trim: true });
const mime = oneOf('image/png', 'image/jpeg', 'image/webp');

/** Parseable with the right scheme: zod's URL rules decide the rest. */
const url = (protocols: RegExp, max: number, examples: string[]) =>
  str(1, max, {
    examples,
    test: (s) => (URL.canParse(s) && protocols.test(new URL(s).protocol) ? 'either' : 'invalid'),
  });

/** Base64 of `min` to `max` characters: zod's grammar decides the clear cases' rest. */
const b64 = (min: number, max: number, examples: readonly string[]) =>
  str(min, max, {
    examples,
    test: (s) => (s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s) ? 'either' : 'invalid'),
  });
const base64 = b64(0, 28_000_000, ['iVBORw0KGgo=', 'UklGRg==']);

/**
 * A folder as this machine (POSIX) names one. A NUL byte names no file anywhere: it is a
 * bad request, not a folder that could not be made.
 */
const folder = str(1, 4096, {
  role: 'folder',
  test: (s) => (s.includes('\0') ? 'invalid' : s.startsWith('/') ? 'either' : 'invalid'),
});

const image = {
  kind: 'oneOf',
  of: [
    obj({
      blobId: str(64, 64, { role: 'blobId', test: (s) => verdict(/^[a-f0-9]{64}$/.test(s)) }),
      mime,
    }),
    // Signed image URLs run to a few KB; 16 KB is far past any real one.
    obj({
      url: url(/^https:$/, 16_384, ['https://example.com/a.png', 'https://images.example/x.webp']),
    }),
    obj({ mime, dataBase64: base64 }),
    // An input image a library clip keeps (a remix): main reads it when the job is queued.
    obj({ clipId, index: int(0, 7) }),
  ],
} as const satisfies Spec;

export const jobDraft = obj({
  model: str(1, 200),
  prompt: str(1, 4000, { trim: true }),
  mode: oneOf('text', 'image', 'reference'),
  durationSeconds: int(1, 600),
  aspectRatio: opt(oneOf('16:9', '9:16', '1:1', '4:3')),
  quality: opt(oneOf('480p', '720p', '1080p')),
  seed: opt(int(0, 2 ** 32 - 1)),
  sound: opt(bool),
  inputImages: { kind: 'array', of: image, max: 8 },
  parentClipId: opt(clipId),
  parentFrameSeconds: opt({ kind: 'number', min: 0, max: 600 }),
});

const empty = obj({});

export const requestSpecs: Readonly<Record<CommandName, Spec>> = {
  'app.info': empty,
  'app.notices': empty,
  'app.reportLanguages': obj({
    languages: {
      kind: 'array',
      of: str(1, 64, {
        examples: ['nl-NL', 'en', 'zh-Hant-TW', 'es-419'],
        test: (s) => verdict(/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(s)),
      }),
      max: 32,
    },
  }),
  'settings.get': empty,
  'settings.update': obj({
    // A base is a short thing a person types; 2 KB leaves room for any real one.
    apiBase: opt(url(/^https?:$/, 2048, ['https://api.airforce', 'https://example.invalid/v1'])),
    concurrency: opt(int(1, 4)),
    notifications: opt(bool),
    dailyBudgetCents,
    demo: opt(bool),
    runInBackground: opt(bool),
    theme: opt(oneOf('system', 'light', 'dark')),
    language: opt(oneOf('system', 'en', 'nl')),
    drainSound: opt(bool),
  }),
  'settings.setApiKey': obj({ apiKey: str(8, 500, { trim: true }), sessionOnly: opt(bool) }),
  'settings.clearApiKey': empty,
  'keys.list': empty,
  'keys.add': obj({ name: keyName, apiKey: str(8, 500, { trim: true }), sessionOnly: opt(bool) }),
  'keys.update': obj({
    id: keyId,
    name: opt(keyName),
    concurrency: opt(int(1, 4)),
    dailyBudgetCents,
  }),
  'keys.remove': obj({ id: keyId }),
  'models.list': obj({ refresh: opt(bool) }),
  'jobs.list': empty,
  'jobs.submit': obj({ request: jobDraft, copies: opt(int(1, 50)), keyId: opt(keyId) }),
  'jobs.submitBatch': obj({
    name: str(1, 200, { trim: true }),
    onFailure: opt(oneOf('continue', 'stop')),
    jobs: { kind: 'array', of: jobDraft, min: 1, max: 10_000 },
    keyId: opt(keyId),
  }),
  'images.store': obj({
    mime,
    dataBase64: b64(4, 14_000_000, ['iVBORw0KGgo=', 'UklGRg==']),
  }),
  'jobs.edit': obj({ id: jobId, request: jobDraft }),
  'jobs.move': obj({ id: jobId, to: oneOf('up', 'down', 'top') }),
  'jobs.cancel': obj({ id: jobId, deleteOnServer: opt({ kind: 'true' }) }),
  'jobs.retry': obj({ id: jobId }),
  'jobs.remove': obj({ id: jobId }),
  'jobs.clearFinished': empty,
  'jobs.history': obj({
    query: str(0, 500),
    offset: int(0, Number.MAX_SAFE_INTEGER),
    limit: int(1, 200),
  }),
  'jobs.pause': empty,
  'jobs.resume': empty,
  'jobs.release': obj({
    ids: opt({ kind: 'array', of: str(0, 100, { role: 'jobId' }), max: 10_000 }),
  }),
  'jobs.resolve': obj({ id: jobId, taskId: { ...taskId, nullable: true } }),
  'jobs.dismissUnclaimed': obj({ taskId }),
  'batches.list': empty,
  'batches.pause': obj({ batchId }),
  'batches.resume': obj({ batchId }),
  'batches.cancel': obj({ batchId }),
  'batches.retryFailed': obj({ batchId }),
  'batches.move': obj({ batchId, to: oneOf('top', 'bottom', 'up', 'down') }),
  'queue.export': obj({ batchId: opt(batchId) }),
  'queue.import': obj({
    dataBase64: b64(4, 200_000_000, ['UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==']),
  }),
  'ledger.totals': empty,
  'library.info': empty,
  'library.search': obj({
    text: opt(str(0, 500)),
    model: opt(str(0, 200)),
    mode: opt(oneOf('text', 'image', 'reference')),
    from: opt({ kind: 'number' }),
    to: opt({ kind: 'number' }),
    favouritesOnly: opt(bool),
    tags: opt({ kind: 'array', of: tag, max: 20 }),
    sort: opt(oneOf('date', 'prompt', 'model', 'cost')),
    order: opt(oneOf('asc', 'desc')),
    offset: opt(int(0, Number.MAX_SAFE_INTEGER)),
    limit: opt(int(1, 500)),
  }),
  'library.get': obj({ clipId }),
  'library.favourite': obj({ clipId, favourite: bool }),
  'library.tag': obj({ clipId, tags: { kind: 'array', of: tag, max: 50 } }),
  'library.delete': obj({ clipId, remote: bool }),
  'library.reveal': obj({ clipId }),
  'library.locate': obj({ clipId }),
  'library.open': obj({ clipId }),
  'library.saveFrame': obj({
    clipId,
    atSeconds: { kind: 'number', min: 0, max: 600 },
    pngBase64: b64(8, 28_000_000, ['iVBORw0KGgoAAAANSUhEUg==', 'aGVsbG8gd29ybGQ=']),
  }),
  'library.export': obj({ clipIds: { kind: 'array', of: clipId, min: 1, max: 10_000 } }),
  'library.listRemote': obj({ keyId: opt(keyId) }),
  'library.import': obj({ taskId, keyId: opt(keyId) }),
  'library.setFolder': obj({ path: folder }),
  'library.chooseFolder': empty,
  'library.rescan': empty,
};

/**
 * The oracle: should `value` pass `spec`? Unknown keys, at any depth, are refused; so is
 * a value that throws when read (a getter, a proxy: only in-process callers can send one).
 */
export function judge(spec: Spec, value: unknown): Verdict {
  try {
    return judgeValue(spec, value);
  } catch {
    return 'invalid';
  }
}

function judgeValue(spec: Spec, value: unknown): Verdict {
  if (value === null) return verdict(spec.nullable === true);
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') return 'invalid';
      const s = spec.trim ? value.trim() : value;
      // Lengths are in code points, as zod counts them: an emoji is one character, not two.
      const length = s.length > 2 * spec.max ? s.length : [...s].length;
      if (length < spec.min || length > spec.max) return 'invalid';
      return spec.test ? spec.test(s) : 'valid';
    }
    case 'int':
      return verdict(Number.isSafeInteger(value) && within(value as number, spec.min, spec.max));
    case 'number':
      return verdict(
        Number.isFinite(value) &&
          within(value as number, spec.min ?? -Infinity, spec.max ?? Infinity),
      );
    case 'boolean':
      return verdict(typeof value === 'boolean');
    case 'true':
      return verdict(value === true);
    case 'enum':
      return verdict(typeof value === 'string' && spec.values.includes(value));
    case 'array':
      if (!Array.isArray(value) || value.length > spec.max || value.length < (spec.min ?? 0))
        return 'invalid';
      // A hole in an array (structured clone keeps them) is an undefined item.
      return all(Array.from(value, (item) => judgeValue(spec.of, item)));
    case 'object':
      return judgeObject(spec.fields, value);
    case 'oneOf': {
      const verdicts = spec.of.map((option) => judgeValue(option, value));
      if (verdicts.includes('valid')) return 'valid';
      return verdicts.includes('either') ? 'either' : 'invalid';
    }
  }
}

function judgeObject(fields: Readonly<Record<string, Spec>>, value: unknown): Verdict {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'invalid';
  const prototype: unknown = Object.getPrototypeOf(value);
  // A Date or a Map is no request; a null-prototype object is one only by zod's leave.
  if (prototype !== Object.prototype && prototype !== null) return 'invalid';
  const record = value as Record<string, unknown>;
  if (Reflect.ownKeys(record).some((key) => typeof key !== 'string' || !Object.hasOwn(fields, key)))
    return 'invalid';
  const verdicts = Object.entries(fields).map(([key, field]) => {
    if (!Object.hasOwn(record, key) || record[key] === undefined)
      return verdict(field.optional === true);
    return judgeValue(field, record[key]);
  });
  return prototype === null ? weaken(all(verdicts)) : all(verdicts);
}

const weaken = (v: Verdict): Verdict => (v === 'valid' ? 'either' : v);
const within = (n: number, min: number, max: number) => n >= min && n <= max;
const verdict = (ok: boolean): Verdict => (ok ? 'valid' : 'invalid');
const all = (verdicts: Verdict[]): Verdict =>
  verdicts.includes('invalid') ? 'invalid' : verdicts.includes('either') ? 'either' : 'valid';
