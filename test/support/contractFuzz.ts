import type { Random } from '../../src/simulator/random';
import type { Spec } from './contractSpec';
import {
  hostileNames,
  hostileStrings,
  hostileValues,
  POLLUTION_MARK,
  safeFolderProbes,
  wholeRequests,
} from './hostileValues';

/** Ids that exist right now, so a generated request can name something real. */
export interface FuzzWorld {
  jobIds(): string[];
  clipIds(): string[];
  taskIds(): string[];
  blobIds(): string[];
  /** A new folder inside the test's temporary root: the only place a valid folder may point. */
  freshFolder(): string;
}

export interface FuzzCase {
  name: unknown;
  request: unknown;
  /** How the request was made, for the failure message. */
  label: string;
}

type Path = (string | number)[];

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;

/** `count` items (with repeats), drawing the same randoms however many items there are. */
const sample = <T>(random: Random, items: readonly T[], count: number): T[] =>
  Array.from({ length: count }, () => pick(random, items)).filter((item) => item !== undefined);

const fragments = [
  'clip',
  'lake',
  'é',
  '山',
  '🎬',
  ' ',
  '\u200b',
  '\u202e',
  'a\u0301',
  '\ud83d',
  'İ',
  '../',
  '%2e',
];

/** Text of min..max characters (code points, as zod counts), that trimming leaves as long. */
function text(random: Random, min: number, max: number): string {
  const target = min + Math.floor(random() * Math.min(max - min + 1, 40));
  const chars = ['w'];
  while (chars.length < target) chars.push(...pick(random, fragments));
  const kept = chars.slice(0, Math.max(target, min, 1));
  if (/\s/.test(kept.at(-1)!)) kept[kept.length - 1] = 'w';
  return kept.join('');
}

const hex = (random: Random, length: number) =>
  Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');

/**
 * A value the oracle calls valid, with random contents. It draws the same randoms whatever
 * exists (how many jobs there are depends on timing): the cases stay the same run to run.
 */
export function validValue(spec: Spec, random: Random, world: FuzzWorld): unknown {
  const made = makeValue(spec, random, world);
  if (!spec.role) return made;
  if (spec.role === 'folder') return world.freshFolder();
  const known = {
    jobId: world.jobIds,
    clipId: world.clipIds,
    taskId: world.taskIds,
    blobId: world.blobIds,
  }[spec.role]();
  const useKnown = chance(random, 0.9);
  const index = random();
  return useKnown && known.length > 0 ? known[Math.floor(index * known.length)] : made;
}

function makeValue(spec: Spec, random: Random, world: FuzzWorld): unknown {
  switch (spec.kind) {
    case 'string':
      if (spec.examples) return pick(random, spec.examples);
      if (spec.role === 'clipId') return `c${hex(random, 12)}`;
      if (spec.role === 'blobId') return hex(random, 64);
      return text(random, spec.min, spec.max);
    case 'int': {
      const edges = [spec.min, spec.max, spec.min + 1];
      return chance(random, 0.3)
        ? pick(
            random,
            edges.filter((n) => n <= spec.max),
          )
        : spec.min + Math.floor(random() * Math.min(spec.max - spec.min + 1, 10));
    }
    case 'number':
      return pick(
        random,
        [0, -0, 0.05, Date.UTC(2026, 0, 1), 1e308, -1e308, 2 ** 53 + 1].filter((n) =>
          within(n, spec.min ?? -Infinity, spec.max ?? Infinity),
        ),
      );
    case 'boolean':
      return chance(random, 0.5);
    case 'true':
      return true;
    case 'enum':
      return pick(random, spec.values);
    case 'array': {
      const length = Math.max(spec.min ?? 0, Math.floor(random() * Math.min(spec.max, 3)));
      return Array.from({ length }, () => validValue(spec.of, random, world));
    }
    case 'oneOf':
      return validValue(pick(random, spec.of), random, world);
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(spec.fields)) {
        if (field.optional && chance(random, 0.4)) continue;
        value[key] =
          field.nullable && chance(random, 0.2) ? null : validValue(field, random, world);
      }
      return value;
    }
  }
}

interface Node {
  path: Path;
  spec: Spec;
  value: unknown;
}

/** Every field of `value` the spec knows, present or not, down to array items and union options. */
function* nodes(spec: Spec, value: unknown, path: Path = []): Generator<Node> {
  yield { path, spec, value };
  yield* children(spec, value, path);
}

function* children(spec: Spec, value: unknown, path: Path): Generator<Node> {
  if (spec.kind === 'object' && isRecord(value)) {
    for (const [key, field] of Object.entries(spec.fields))
      yield* nodes(field, value[key], [...path, key]);
  } else if (spec.kind === 'array' && Array.isArray(value)) {
    for (let i = 0; i < Math.min(value.length, 2); i++)
      yield* nodes(spec.of, value[i], [...path, i]);
  } else if (spec.kind === 'oneOf') {
    const option = spec.of.find(
      (o) =>
        o.kind === 'object' && isRecord(value) && Object.keys(value).every((k) => k in o.fields),
    );
    if (option) yield* children(option, value, path);
  }
}

const within = (n: number, min: number, max: number) => n >= min && n <= max;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What to put in a field of this spec: every type but its own, and its own type's odd corners. */
function candidates(random: Random, spec: Spec, world: FuzzWorld): unknown[] {
  const values = [...hostileValues()];
  if (spec.kind === 'string' && spec.role === 'folder') {
    // A valid folder is really created and the library moved into it (and the test runs as
    // root on CI): only paths that cannot become a folder, plus fresh ones inside the root.
    values.push(...safeFolderProbes(), world.freshFolder());
  } else if (spec.kind === 'enum') {
    // Any string but the few it names is refused alike: a handful stands for them all.
    values.push(...sample(random, hostileStrings(), 8));
  } else if (spec.kind === 'string') {
    // Every odd string, but one huge one: each costs milliseconds to build and to refuse.
    values.push(
      ...hostileStrings().filter((s) => s.length < 1_000_000),
      pick(random, hugeChoices()),
    );
    const ids = [...world.jobIds(), ...world.clipIds(), ...world.taskIds(), ...world.blobIds()];
    values.push(...sample(random, ids, 3));
  } else if (spec.kind === 'number') {
    // Just past each bound it names.
    if (spec.min !== undefined) values.push(spec.min - 0.001);
    if (spec.max !== undefined) values.push(spec.max + 0.001);
  } else if (spec.kind === 'array') {
    values.push(new Array(spec.max + 1).fill(validValue(spec.of, random, world)));
    if (spec.min) values.push([]);
  }
  return values;
}

let keys: string[] | null = null;
/** Keys no request has: plain, reaching a prototype, empty, and 2 MB long. */
const extraKeys = () =>
  (keys ??= ['extra', '__proto__', 'constructor', 'prototype', '', 'x'.repeat(2_000_000)]);

function hugeChoices(): string[] {
  return hostileStrings().filter((s) => s.length >= 1_000_000);
}

/** The generated bad (and accidentally good) requests for one command. */
export function* mutations(
  name: string,
  spec: Spec,
  random: Random,
  world: FuzzWorld,
): Generator<FuzzCase> {
  for (const [label, request] of wholeRequests())
    yield { name, request, label: `whole request: ${label}` };
  // One valid request, changed in one place at a time: the oracle judges each result.
  const valid = validValue(spec, random, world);
  const base = () => structuredClone(valid);
  for (const node of nodes(spec, valid)) {
    const at = node.path.join('.') || '(root)';
    if (node.path.length > 0) {
      for (const value of candidates(random, node.spec, world))
        yield {
          name,
          request: setAt(base(), node.path, value),
          label: `${at} = ${show(value)}`,
        };
      if (node.value !== undefined)
        yield { name, request: deleteAt(base(), node.path), label: `${at} missing` };
    }
    if (isRecord(node.value) || node.path.length === 0) {
      for (const key of extraKeys())
        yield {
          name,
          request: addKey(base(), node.path, key),
          label: `${at} + key ${show(key)}`,
        };
    }
  }
}

/** Command names that are not commands. */
export function* badNames(): Generator<FuzzCase> {
  for (const [label, name] of hostileNames()) yield { name, request: {}, label: `name: ${label}` };
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const parent = walk(root, path.slice(0, -1));
  if (parent && typeof parent === 'object')
    Object.defineProperty(parent, path.at(-1)!, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return root;
}

/** Without the field; an array item is taken out, not left as a hole. */
function deleteAt(root: unknown, path: Path): unknown {
  const parent = walk(root, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
  const key = path.at(-1)!;
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (parent) delete parent[key];
  return root;
}

/** An own, enumerable key, as `JSON.parse` makes one — even `__proto__`. */
function addKey(root: unknown, path: Path, key: string): unknown {
  const target = walk(root, path);
  const payload = { [POLLUTION_MARK]: 'yes', prototype: { [POLLUTION_MARK]: 'yes' } };
  if (target && typeof target === 'object')
    Object.defineProperty(target, key, {
      value: payload,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return root;
}

function walk(root: unknown, path: Path): unknown {
  let at = root;
  for (const key of path) at = (at as Record<string | number, unknown> | undefined)?.[key];
  return at;
}

/** A value in a few characters, for a failure message (never a 10 MB string). */
export function show(value: unknown): string {
  if (typeof value === 'string')
    return value.length > 60 ? `string(${value.length})` : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  if (Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (value && typeof value === 'object') return 'object';
  return String(value);
}
