import type { FaultRoute } from './faults';

export interface RequestLogEntry {
  method: string;
  /** The path without its query (CDN signatures stay out of the log). */
  path: string;
  route: FaultRoute | 'unknown';
  /** 0 while unanswered, and for requests that never got an answer (hang, reset, dropped). */
  status: number;
  /** Virtual ms when the request arrived. */
  at: number;
  /** Real `Date.now()` when the request arrived. */
  realAt: number;
  /** The request carried an `Authorization` header, valid or not (the app must send none to the CDN). */
  authorized: boolean;
  /** The API key, when the header named a known one. */
  key?: string;
}

/** Keeps the most recent requests only, so a long benchmark does not grow without bound. */
const capacity = 10_000;

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > capacity) this.entries.splice(0, this.entries.length - capacity);
    return entry;
  }
}
