import type { RawData, WebSocket } from 'ws';
import {
  isCommandName,
  type ContractErrorCode,
  type Dispatch,
  type Result,
} from '../shared/contract';

/**
 * The largest frame a page may send: the largest request the contract accepts, a
 * `jobs.submit` with 8 images of up to 28,000,000 base64 characters each
 * (`src/shared/jobDraft.ts`), plus its other fields. Three 10 MB photos already make 42 MB.
 */
export const maxFrameBytes = 8 * 28_000_000 + 1024 * 1024;

/** How much of an unknown command's name is said back: enough to recognise, never an echo of a flood. */
const echoedNameChars = 64;

/**
 * One page's socket: frames `{ id, name, request }` answered `{ id, result }`. Whatever a
 * frame holds, it gets an answer (`id: null` when it has no usable id) and nothing thrown
 * reaches the process.
 */
export function attachBridge(ws: WebSocket, dispatch: Dispatch): void {
  // ws reports bad frames (invalid UTF-8, oversized, bad opcodes) here, then closes the socket.
  ws.on('error', (error) => console.warn(`[host] bridge frame refused: ${error.message}`));
  ws.on('message', (data, isBinary) => {
    answer(ws, data, isBinary, dispatch).catch((error: unknown) => {
      console.error('[host] bridge answer failed', error);
      reply(ws, null, failure('internal', 'The host could not answer this request.'));
    });
  });
}

async function answer(ws: WebSocket, data: RawData, isBinary: boolean, dispatch: Dispatch) {
  if (isBinary) return reply(ws, null, invalid('The bridge takes text frames of JSON.'));
  let message: unknown;
  try {
    message = JSON.parse(textOf(data));
  } catch {
    return reply(ws, null, invalid('A frame must be JSON: { id, name, request }.'));
  }
  if (!isRecord(message))
    return reply(ws, null, invalid('A frame must be a JSON object: { id, name, request }.'));
  // Own properties only: a frame's fields never come from anything's prototype.
  const id = Object.hasOwn(message, 'id') ? message['id'] : undefined;
  if (typeof id !== 'number' || !Number.isFinite(id)) {
    return reply(ws, null, invalid('A frame needs a numeric id.'));
  }
  const name = Object.hasOwn(message, 'name') ? message['name'] : undefined;
  if (typeof name !== 'string') {
    return reply(ws, id, failure('unknown-command', 'The command name must be a string.'));
  }
  if (!isCommandName(name)) {
    const shown = name.length > echoedNameChars ? `${name.slice(0, echoedNameChars)}…` : name;
    return reply(ws, id, failure('unknown-command', `Unknown command: ${shown}`));
  }
  const request = Object.hasOwn(message, 'request') ? message['request'] : undefined;
  reply(ws, id, await dispatch(name, request));
}

function reply(ws: WebSocket, id: number | null, result: Result<unknown>): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(JSON.stringify({ id, result }), (error) => {
    if (error) console.warn(`[host] bridge answer not sent: ${error.message}`);
  });
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): Result<never> {
  return failure('invalid-request', message);
}

function failure(code: ContractErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
