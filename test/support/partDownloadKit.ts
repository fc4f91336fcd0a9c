import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Simulator } from '../../src/simulator';
import { ManualClock } from '../../src/main/core/clock';
import { downloadPart, type PartDownload } from '../../src/main/core/library/downloader';
import { nodeLibraryFs } from '../../src/main/core/library/nodeLibraryFs';
import { tempDir } from './libraryTestKit';
import { closeTestSimulators, completedTask, startTestSimulator } from './testSimulator';

/**
 * Set-up of the downloader's own tests: `downloadPart` against the simulator's CDN over real
 * HTTP, into a real `.part` file. A CDN that misbehaves in a way the simulator never does is
 * the simulator's real answer, rewritten (`rewriting`), never a made-up one.
 */

export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  status: number;
}

/** What a rewrite may change in the CDN's real answer. */
export interface Rewrite {
  status?: number;
  headers?: Record<string, string | null>;
  body?: (bytes: Uint8Array) => Uint8Array;
  /** Sent instead of the request's own headers (a CDN that ignores what was asked). */
  requestHeaders?: (headers: Record<string, string>) => Record<string, string>;
}

/** The CDN's real fetch, each request and answer recorded, each answer rewritten by `rewrite`. */
export function rewriting(rewrite: (call: number) => Rewrite | null = () => null) {
  const requests: SentRequest[] = [];
  const cdnFetch: typeof fetch = async (input, init) => {
    const asked = { ...(init?.headers as Record<string, string> | undefined) };
    const change = rewrite(requests.length) ?? {};
    const headers = change.requestHeaders?.(asked) ?? asked;
    const response = await fetch(input, { ...init, headers });
    requests.push({ url: String(input), headers: asked, status: change.status ?? response.status });
    if (!change.status && !change.headers && !change.body) return response;
    const answered = new Headers(response.headers);
    // A rewritten body has the length the rewrite says, or none.
    if (change.body) answered.delete('content-length');
    for (const [name, value] of Object.entries(change.headers ?? {})) {
      if (value === null) answered.delete(name);
      else answered.set(name, value);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const body = change.body ? change.body(bytes) : bytes;
    return new Response(body, { status: change.status ?? response.status, headers: answered });
  };
  return { fetch: cdnFetch, requests };
}

export function usePartDownload(padBytes = 300_000) {
  let sim: Simulator | undefined;
  let dir: Awaited<ReturnType<typeof tempDir>> | undefined;
  let url = '';
  beforeEach(async () => {
    sim = await startTestSimulator({ padBytes });
    dir = await tempDir();
    url = String((await completedTask(sim, { duration_seconds: 5 })).result_url);
  });
  afterEach(async () => {
    await closeTestSimulators();
    await dir?.remove();
  });
  const fixture = {
    get sim(): Simulator {
      if (!sim) throw new Error('usePartDownload: no simulator outside a test');
      return sim;
    },
    /** The signed URL of a completed task's clip. */
    get url(): string {
      return url;
    },
    get part(): string {
      if (!dir) throw new Error('usePartDownload: no folder outside a test');
      return join(dir.path, 'clip.mp4.part');
    },
    get folder(): string {
      if (!dir) throw new Error('usePartDownload: no folder outside a test');
      return dir.path;
    },
    /** The clip as the CDN serves it, with its validators. */
    async original(): Promise<{ bytes: Uint8Array; etag: string; lastModified: string }> {
      const response = await fetch(url);
      return {
        bytes: new Uint8Array(await response.arrayBuffer()),
        etag: response.headers.get('etag') ?? '',
        lastModified: response.headers.get('last-modified') ?? '',
      };
    },
    /** `downloadPart` of the clip into `part`; progress reports are collected in `progress`. */
    download(options: Partial<PartDownload> = {}) {
      const progress: [number, number | null][] = [];
      const done = downloadPart({
        url,
        part: fixture.part,
        fs: nodeLibraryFs,
        fetch: rewriting().fetch,
        signal: new AbortController().signal,
        // Time stands still unless a test moves it: no attempt ever stalls by itself.
        clock: new ManualClock(),
        onProgress: (received, total) => void progress.push([received, total]),
        ...options,
      });
      return { done, progress };
    },
  };
  return fixture;
}
