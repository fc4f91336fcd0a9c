import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { JobDraft } from '../shared/jobDraft';
import { maxFrameBytes } from './bridge';
import {
  bridgeUrl,
  connectBridge,
  frameHeader,
  nextAnswer,
  rawBridge,
  useWatchedHost,
  type TestHost,
} from '../../test/support/testHost';
import { anyOfType } from '../../test/support/matchers';

const watched = useWatchedHost();

async function open() {
  const test = await watched.start();
  return { t: test, ws: await connectBridge(bridgeUrl(test), { origin: test.origin }) };
}

function send(ws: WebSocket, frame: string | Buffer, binary = false, timeoutMs = 2000) {
  const answer = nextAnswer(ws, timeoutMs);
  ws.send(frame, { binary });
  return answer;
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** The host still answers a real command on a fresh socket, and nothing escaped to the process. */
async function stillServing(t: TestHost) {
  const ws = await connectBridge(bridgeUrl(t), { origin: t.origin });
  await expect(
    send(ws, JSON.stringify({ id: 7, name: 'app.info', request: {} })),
  ).resolves.toMatchObject({ id: 7, result: { ok: true } });
  ws.close();
  expect(watched.faults()).toEqual([]);
}

describe('browser host bridge under hostile frames', () => {
  it('answers every frame that is not a request with an error, and keeps serving', async () => {
    const { t, ws } = await open();
    const frames: [string, unknown][] = [
      ['null', null],
      ['1', null],
      ['"app.info"', null],
      ['[1, "app.info", {}]', null],
      ['{}', null],
      ['not json', null],
      ['{"id":"1","name":"app.info"}', null],
      ['{"name":"app.info"}', null],
      ['{"id":1,"name":{"toString":1}}', 1],
      ['{"id":2,"name":{"toString":1},"request":{}}', 2],
      ['{"id":3,"name":["app.info"]}', 3],
      ['{"id":4,"name":"__proto__"}', 4],
      ['{"id":5,"name":"constructor"}', 5],
      ['{"id":6,"name":"toString"}', 6],
    ];
    for (const [frame, id] of frames) {
      const answer = await send(ws, frame);
      expect(answer, frame).toMatchObject({
        id,
        result: { ok: false, error: { code: anyOfType(String) } },
      });
    }
    const binary = await send(ws, Buffer.from('{"id":8,"name":"app.info"}'), true);
    expect(binary).toMatchObject({
      id: null,
      result: { ok: false, error: { code: 'invalid-request' } },
    });
    ws.close();
    await stillServing(t);
  });

  it("says back no more than the start of an unknown command's name", async () => {
    const { t, ws } = await open();
    const name = `x${'A'.repeat(10 * 1024 * 1024)}`;
    const answer = await send(ws, JSON.stringify({ id: 1, name }));
    expect(answer?.result.error).toEqual({
      code: 'unknown-command',
      message: `Unknown command: ${name.slice(0, 64)}…`,
    });
    expect(JSON.stringify(answer).length).toBeLessThan(300);
    ws.close();
    await stillServing(t);
  });

  it('closes only the socket that sends invalid UTF-8 (1007)', async () => {
    const { t, ws } = await open();
    const code = closed(ws);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await code).toBe(1007);
    await stillServing(t);
  });

  it('closes only the socket whose frame header announces more than a frame may hold (1009)', async () => {
    const { t } = await open();
    const socket = await rawBridge(t);
    const ended = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks)));
    });
    socket.write(frameHeader(0x1, 2 ** 30));
    const reply = await ended;
    // The close frame the host sends: opcode 8, status 1009 (message too big).
    expect(reply[0]).toBe(0x88);
    expect(reply.readUInt16BE(2)).toBe(1009);
    await stillServing(t);
  });

  it('carries the largest request the contract accepts: a frame of 8 images of 28,000,000 base64 characters', () => {
    const big = 'A'.repeat(28_000_000);
    const draft = {
      model: 'm'.repeat(200),
      prompt: '\u0001'.repeat(4000),
      mode: 'reference',
      durationSeconds: 600,
      inputImages: Array.from({ length: 8 }, () => ({ mime: 'image/webp', dataBase64: big })),
    };
    expect(JobDraft.safeParse(draft).success).toBe(true);
    expect(
      JobDraft.safeParse({ ...draft, inputImages: [...draft.inputImages, draft.inputImages[0]] })
        .success,
    ).toBe(false);
    const small = {
      ...draft,
      inputImages: draft.inputImages.map((image) => ({ ...image, dataBase64: '' })),
    };
    const frame = JSON.stringify({
      id: Number.MAX_SAFE_INTEGER,
      name: 'jobs.submit',
      request: { request: small, copies: 50 },
    });
    expect(frame.length + 8 * big.length).toBeLessThanOrEqual(maxFrameBytes);
  });

  it('answers a 42 MB frame (three 10 MB photos) instead of closing', async () => {
    const { t, ws } = await open();
    const photo = 'A'.repeat(Math.ceil((10 * 1024 * 1024) / 3) * 4);
    const request = {
      request: {
        model: 'no-such-model',
        prompt: 'three photos',
        mode: 'reference',
        durationSeconds: 5,
        inputImages: [photo, photo, photo].map((dataBase64) => ({ mime: 'image/png', dataBase64 })),
      },
      copies: 1,
    };
    const answer = await send(
      ws,
      JSON.stringify({ id: 1, name: 'jobs.submit', request }),
      false,
      15_000,
    );
    expect(answer).toMatchObject({ id: 1, result: { ok: anyOfType(Boolean) } });
    ws.close();
    await stillServing(t);
  });
});
