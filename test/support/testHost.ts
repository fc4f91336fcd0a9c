import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../src/host/browserHost';
import { createHostCore, type HostCore } from '../../src/host/hostCore';

/** Tests only: a browser host on a throwaway renderer folder, with a file just outside it. */
export interface TestHost {
  host: BrowserHost;
  core: HostCore;
  port: number;
  origin: string;
  close(): Promise<void>;
}

export const testToken = 'test-token';

export async function startTestHost(
  media?: (request: Request) => Promise<Response>,
): Promise<TestHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'airframe-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<title>Airframe</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '..', 'secret.txt'), 'secret');
  const core = await createHostCore({
    dataDir: mkdtempSync(join(tmpdir(), 'airframe-host-')),
    demo: true,
  });
  const host = await startBrowserHost(core.handlers, core.events, {
    rendererDir,
    token: testToken,
    ...(media ? { media } : {}),
    dispatchTexts: core.dispatchTexts,
  });
  const origin = new URL(host.url).origin;
  return {
    host,
    core,
    origin,
    port: Number(new URL(origin).port),
    close: async () => {
      await host.close();
      await core.stop();
    },
  };
}

/**
 * Everything that escapes to the process (an uncaught exception, an unhandled rejection)
 * while a test attacks the host running inside it.
 */
export function watchProcess(): { faults: unknown[]; stop(): void } {
  const faults: unknown[] = [];
  const record = (error: unknown) => faults.push(error);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    faults,
    stop() {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
  };
}

/**
 * Per-test set-up of the hostile-input tests: `start(media)` starts a test host and watches
 * the process for errors that escape it, `faults()` lists them; after each test the watch
 * stops and the host closes.
 */
export function useWatchedHost() {
  let test: TestHost | undefined;
  let watch: ReturnType<typeof watchProcess> | undefined;
  afterEach(async () => {
    watch?.stop();
    await test?.close();
    watch = test = undefined;
  });
  return {
    async start(media?: (request: Request) => Promise<Response>): Promise<TestHost> {
      watch = watchProcess();
      test = await startTestHost(media);
      return test;
    },
    faults: () => watch?.faults,
  };
}

export interface RawAnswer {
  /** 0 when the host sent no status line before closing (or the wait ran out). */
  status: number;
  text: string;
}

/**
 * Sends bytes as they are, so a request can be anything a client could put on the wire,
 * and reads until the host closes. (Not a half-close: Node drops an answer still being made.)
 */
export function rawRequest(
  port: number,
  bytes: string | Buffer,
  waitMs = 2000,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket: Socket = connectTcp(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => socket.write(bytes));
  });
}

/** A GET with the given target and headers (Host is the host's own unless given). */
export function rawGet(
  port: number,
  target: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const all = { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers };
  const lines = Object.entries(all).map(([n, v]) => `${n}: ${v}\r\n`);
  return rawRequest(port, Buffer.from(`GET ${target} HTTP/1.1\r\n${lines.join('')}\r\n`, 'latin1'));
}

export function headerOf(answer: RawAnswer, name: string): string | undefined {
  const head = answer.text.split('\r\n\r\n')[0] ?? '';
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

export function connectBridge(url: string, options: WebSocket.ClientOptions): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

export function bridgeUrl(test: TestHost, query = `?token=${testToken}`): string {
  return `ws://127.0.0.1:${test.port}/bridge${query}`;
}

/** The next frame the host sends, parsed (events skipped), or null when the socket closes first. */
export function nextAnswer(
  ws: WebSocket,
  timeoutMs = 2000,
): Promise<{
  id: unknown;
  result: { ok: boolean; error?: { code: string; message: string } };
} | null> {
  return new Promise((resolve) => {
    const finish = (value: Parameters<typeof resolve>[0]) => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(value);
    };
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { event?: string; id: unknown; result: never };
      if (message.event === undefined) finish(message);
    };
    const onClose = () => finish(null);
    const timer = setTimeout(() => finish(null), timeoutMs);
    ws.on('message', onMessage);
    ws.on('close', onClose);
  });
}

/**
 * Opens the bridge over a bare TCP socket, so a test can write frame headers no WebSocket
 * client would: the handshake by hand, then whatever bytes it likes.
 */
export function rawBridge(test: TestHost): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(test.port, '127.0.0.1');
    socket.once('error', reject);
    socket.on('connect', () => {
      socket.write(
        `GET /bridge?token=${testToken} HTTP/1.1\r\nHost: 127.0.0.1:${test.port}\r\nOrigin: ${test.origin}\r\n` +
          `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n\r\n`,
      );
    });
    socket.once('data', (chunk) => {
      if (chunk.toString('latin1').startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`no upgrade: ${chunk.toString('latin1').split('\r\n')[0]}`));
    });
  });
}

/** A masked client frame header announcing `length` bytes (the payload need never follow). */
export function frameHeader(opcode: number, length: number): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x80 | opcode;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  randomBytes(4).copy(header, 10);
  return header;
}
