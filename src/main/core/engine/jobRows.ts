import { createHash } from 'node:crypto';
import { z } from 'zod';
import { JobStatus } from '../../../shared/jobs';
import { JobRecord } from './jobRecord';

type Read = { record: JobRecord } | { reason: string };

/** Where the fingerprint of the schema the stored rows were last checked against is kept. */
export const SHAPE_KEY = 'jobs.recordShape';

/** A stored record, parsed with the schema: its defaults fill fields added since it was written. */
export function readRecord(value: unknown): Read {
  const parsed = JobRecord.safeParse(value);
  if (parsed.success) return { record: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'record'}: ${i.message}`);
  return { reason: issues.join('; ') };
}

let shape: string | null | undefined;

/**
 * The record schema's fingerprint (its JSON Schema, hashed). Rows are written from typed
 * records; while the schema is the one every row was last checked against, JSON.parse and a
 * look at id and status are enough — the zod parse of 10,000 rows costs ~60 ms here, more
 * than half of what a start may take. Under any other schema (a field added, a limit
 * changed) every row goes through the schema again and is rewritten in the new shape.
 */
export function recordShape(): string | null {
  if (shape === undefined) {
    try {
      const schema = JSON.stringify(z.toJSONSchema(JobRecord, { unrepresentable: 'any' }));
      shape = createHash('sha256').update(schema).digest('hex').slice(0, 32);
    } catch {
      shape = null; // a schema JSON Schema cannot describe: every row is always parsed
    }
  }
  return shape;
}

const statuses: ReadonlySet<unknown> = new Set(JobStatus.options);

export function looksLikeRecord(value: unknown, id: string): value is JobRecord {
  const v = value as Partial<JobRecord> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.id === id &&
    statuses.has(v.status) &&
    typeof v.request === 'object'
  );
}

/** One row's `data`: parsed with the schema unless `trusted` (see `recordShape`). */
export function readRow(data: string, id: string, trusted: boolean): Read {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (error) {
    return { reason: `not JSON: ${(error as Error).message}` };
  }
  const read = trusted && looksLikeRecord(value, id) ? { record: value } : readRecord(value);
  if ('record' in read && read.record.id !== id)
    return { reason: `its data names another job (${read.record.id})` };
  return read;
}
