import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createRandom, type Random } from '../simulator/random';
import {
  bridgeUrl,
  connectBridge,
  frameHeader,
  nextAnswer,
  rawBridge,
  rawGet,
  rawRequest,
  startTestHost,
  testToken,
  watchProcess,
  type TestHost,
} from '../../test/support/testHost';

// A fixed seed: a failure here is the same failure on the next run.
const seed = 0x12a1f;

let t: TestHost;
let watch: ReturnType<typeof watchProcess>;
let prototypeBefore: string[];
beforeAll(async () => {
  prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  watch = watchProcess();
  t = await startTestHost((request) =>
    Promise.resolve(new Response(new URL(request.url).pathname, { status: 404 })),
  );
});
afterAll(async () => {
  watch.stop();
  await t.close();
});

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const chars = (random: Random, alphabet: string, length: number) =>
  Array.from({ length }, () => pick(random, [...alphabet])).join('');

/** Request targets no good client sends, each aimed at something it must not reach. */
function hostileTarget(random: Random): string {
  const goal = pick(random, ['secret.txt', 'etc/passwd', 'index.html', '']);
  const kinds: (() => string)[] = [
    () => `/${chars(random, 'abc/', 3)}%${chars(random, 'gzG%-x', 1 + Math.floor(random() * 2))}`,
    () =>
      `/${pick(random, ['%c0%ae', '%e0%80%ae', '%f0%80%80%ae', '%c0%af', '%ed%a0%80', '%ff'])}`.repeat(
        1 + Math.floor(random() * 4),
      ) + goal,
    () =>
      `/${pick(random, ['assets/', ''])}${pick(random, ['..', '%2e%2e', '.%2e', '%2e.', '..%2f..', '..%5c..', '%252e%252e'])}/`.repeat(
        1 + Math.floor(random() * 3),
      ) + goal,
    () =>
      `${'/'.repeat(2 + Math.floor(random() * 3))}${pick(random, ['', 'evil.example/', '127.0.0.1/'])}${goal}`,
    () =>
      pick(random, [
        'http://[::1/x',
        'http://evil.example/',
        `http://127.0.0.1:${t.port}/${goal}`,
        'https://[',
        'file:///etc/passwd',
        '*',
        'evil.example:80',
      ]),
    () => `/${'a'.repeat(4_000 + Math.floor(random() * 20_000))}`,
    () => `/media/${pick(random, ['..', '%2e%2e', 'x%00y', '%zz', 'a/../../b'])}/video`,
    () => `/${goal}%00.js`,
  ];
  return pick(random, kinds)();
}

/** Headers a page on another name, origin or port (or a broken client) would send. */
function hostileHeaders(random: Random): Record<string, string> {
  const port = t.port;
  return pick<Record<string, string>>(random, [
    {
      Host: pick(random, [
        'evil.example',
        `evil.example:${port}`,
        `127.0.0.1:${port + 1}`,
        `localhost.evil.example:${port}`,
        '',
        `[::1]:${port}`,
        '127.0.0.1',
      ]),
    },
    {
      Cookie: `airframe-token-${port}=${pick(random, ['', 'nope', '%zz', testToken.slice(1), `${testToken}x`])}`,
    },
    {
      Cookie: `airframe-token-${port}=${testToken}`,
      'Sec-Fetch-Site': pick(random, ['same-site', 'cross-site']),
    },
    {
      Range: pick(random, [
        'bytes=-',
        'bytes=99999999999999999999-',
        'bytes=a-b',
        `bytes=${'0-1,'.repeat(500)}`,
      ]),
    },
    { Origin: pick(random, ['null', 'http://evil.example', `http://127.0.0.1:${port}`]) },
  ]);
}

/** Bytes that are not an HTTP request at all, or break it half-way. */
const malformed = (port: number): string[] => [
  'GET\r\n\r\n',
  'GET / HTTP/9.9\r\n\r\n',
  '\x00\x01\x02\x03\r\n\r\n',
  `GET /\x01 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nBroken header\r\n\r\n`,
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX: a\x00b\r\n\r\n`,
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX: ${'a'.repeat(70_000)}\r\n\r\n`,
  `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
  `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: -1\r\n\r\n`,
  `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n`,
  `GET /bridge?token=${testToken} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
  `GET /bridge?token=${testToken} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n\r\n`,
  `GET /%zz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
];

/** Frames a page that knows the token could still send. */
function hostileFrame(random: Random, id: number): { frame: string; id: number | null } {
  const junk = () =>
    pick(random, [null, 1, -0.5, 'x', [], {}, true, '../../etc/passwd', 'a'.repeat(100_000)]);
  const kinds: (() => { frame: string; id: number | null })[] = [
    () => ({ frame: JSON.stringify(junk()), id: null }),
    () => ({ frame: pick(random, ['', '{', '{"id":', 'nul', '{"id":1,}', '\u0000']), id: null }),
    () => ({
      frame: JSON.stringify({ id: pick(random, ['1', null, [1], { n: 1 }]), name: 'app.info' }),
      id: null,
    }),
    () => ({
      frame: `{"id":${id},"name":${pick(random, ['{"toString":1}', '{"valueOf":1,"toString":1}', '[]', 'null', '1', 'true'])}}`,
      id,
    }),
    () => ({
      frame: JSON.stringify({
        id,
        name: pick(random, [
          '__proto__',
          'constructor',
          'toString',
          'hasOwnProperty',
          'app.info.',
          'APP.INFO',
        ]),
      }),
      id,
    }),
    () => ({
      frame: JSON.stringify({ id, name: `x${'N'.repeat(Math.floor(random() * 1_000_000))}` }),
      id,
    }),
    () => ({
      frame: `{"id":${id},"__proto__":{"polluted":1},"name":"__proto__","request":{"__proto__":{"polluted":1}}}`,
      id,
    }),
    () => ({
      frame: `{"id":${id},"constructor":{"prototype":{"polluted":1}},"name":"constructor"}`,
      id,
    }),
    () => ({
      frame: `{"id":${id},"name":"jobs.cancel","request":{"__proto__":{"polluted":1},"id":${JSON.stringify(junk())}}}`,
      id,
    }),
    () => ({
      frame: `{"id":${id},"name":"library.get","request":{"clipId":${JSON.stringify(pick(random, ['../../etc/passwd', '/etc/passwd', '..', 'a\u0000b', 'C:\\\\Windows', 'x'.repeat(10_000)]))}}}`,
      id,
    }),
    () => ({ frame: `{"id":${id},"name":"jobs.submit","request":${JSON.stringify(junk())}}`, id }),
    () => ({
      frame: `{"id":${id},"name":"app.info","request":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      id,
    }),
  ];
  return pick(random, kinds)();
}

/** Runs `work` over `items` a few at a time (the host must also bear concurrent attacks). */
async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map(work));
}

describe('browser host, fuzzed with hostile input (seeded)', () => {
  it('answers a few hundred hostile HTTP requests with errors, never serving what they aim at', async () => {
    const random = createRandom(seed);
    const requests = Array.from({ length: 300 }, () => ({
      target: hostileTarget(random),
      headers: random() < 0.4 ? hostileHeaders(random) : {},
    }));
    await inBatches(requests, 12, async ({ target, headers }) => {
      const answer = await rawGet(t.port, target, headers);
      const what = `GET ${target.slice(0, 80)} ${JSON.stringify(headers).slice(0, 120)}`;
      expect(answer.status, what).toBeGreaterThanOrEqual(400);
      expect(answer.text, what).not.toMatch(/secret|root:|<title>Airframe/);
    });
    for (const bytes of malformed(t.port)) {
      const answer = await rawRequest(t.port, bytes);
      expect(answer.status, JSON.stringify(bytes.slice(0, 80))).toBeGreaterThanOrEqual(400);
    }
    expect((await rawGet(t.port, `/?token=${testToken}`)).status).toBe(200);
    expect(watch.faults).toEqual([]);
  });

  it('answers a few hundred hostile frames with error results, and Object.prototype stays as it was', async () => {
    const random = createRandom(seed + 1);
    const ws = await connectBridge(bridgeUrl(t), { origin: t.origin });
    for (let n = 1; n <= 250; n++) {
      const { frame, id } = hostileFrame(random, n);
      const answer = nextAnswer(ws);
      const binary = random() < 0.05;
      ws.send(binary ? Buffer.from(frame) : frame, { binary });
      expect(await answer, frame.slice(0, 120)).toMatchObject({
        id: binary ? null : id,
        result: { ok: false },
      });
    }
    await expectRealCommandAnswered(ws);
    ws.close();

    // Frames ws itself refuses end that socket alone.
    for (const bytes of [
      Buffer.from([0xc3, 0x28]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xf8, 0x88, 0x80, 0x80]),
    ]) {
      const bad = await connectBridge(bridgeUrl(t), { origin: t.origin });
      const code = new Promise((resolve) => bad.once('close', resolve));
      bad.send(bytes, { binary: false });
      expect(await code).toBe(1007);
    }
    for (const opcode of [0x1, 0x2, 0x3, 0xb]) {
      const socket = await rawBridge(t);
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.write(frameHeader(opcode, 2 ** 33));
      await closed;
    }

    const fresh = await connectBridge(bridgeUrl(t), { origin: t.origin });
    await expectRealCommandAnswered(fresh);
    fresh.close();
    expect(watch.faults).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

async function expectRealCommandAnswered(ws: WebSocket) {
  const answer = nextAnswer(ws);
  ws.send(JSON.stringify({ id: 1e6, name: 'app.info', request: {} }));
  expect(await answer).toMatchObject({ id: 1e6, result: { ok: true, value: { host: 'browser' } } });
}
