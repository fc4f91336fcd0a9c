import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A real HTTP server in front of the simulator's CDN whose answers can stall: the status, the
 * headers and the first `afterBytes` of the body are sent, then nothing more, the socket left
 * open — what a CDN edge that lost its upstream does. Every other answer is the CDN's own.
 */
export interface StallingCdn {
  /** `url` (on the simulator's CDN) as reached through this server. */
  through(url: string): string;
  /** The next answer stalls after `afterBytes` body bytes. */
  stallNext(afterBytes: number): void;
  /** Resolves once a stalled answer has sent all it will send. */
  stalled(): Promise<void>;
  /** The Range header of each request, in order (null: none). */
  readonly ranges: (string | null)[];
  close(): Promise<void>;
}

export async function startStallingCdn(cdnOrigin: string): Promise<StallingCdn> {
  const sockets = new Set<Socket>();
  const ranges: (string | null)[] = [];
  let stallAfter: number | null = null;
  let onStalled: (() => void)[] = [];
  let stalledCount = 0;

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string> = {};
    for (const name of ['range', 'if-range', 'accept-encoding']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    ranges.push(headers.range ?? null);
    const answer = await fetch(new URL(req.url ?? '/', cdnOrigin), { headers });
    const limit = stallAfter;
    stallAfter = null;
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    const reader = answer.body?.getReader();
    let sent = 0;
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      let bytes = chunk.value;
      if (limit !== null && sent + bytes.byteLength >= limit) {
        bytes = bytes.subarray(0, limit - sent);
        res.write(bytes, () => {
          stalledCount += 1;
          for (const wake of onStalled.splice(0)) wake();
        });
        await reader?.cancel();
        return; // Nothing more, the socket left open.
      }
      sent += bytes.byteLength;
      if (!res.write(bytes)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  };

  const server = createServer((req, res) => {
    forward(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    through(url) {
      const moved = new URL(url);
      moved.protocol = 'http:';
      moved.host = `127.0.0.1:${port}`;
      return moved.href;
    },
    stallNext(afterBytes) {
      stallAfter = afterBytes;
    },
    async stalled() {
      if (stalledCount > 0) return;
      await new Promise<void>((resolve) => onStalled.push(resolve));
    },
    ranges,
    async close() {
      onStalled = [];
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
