import { describe, expect, it } from 'vitest';
import { readTaskStream, taskFromEvent } from './sse';
import type { VideoTask } from '../../../shared/api/schemas';
import { stringMatching } from '../../../../test/support/matchers';

/** A response whose body is exactly these chunks, then the end (or nothing more, if `hold`). */
function sseResponse(chunks: readonly string[], hold = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!hold) controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

async function read(chunks: readonly string[], hold = false, idleTimeoutMs = 1000) {
  const seen: [string, VideoTask][] = [];
  const end = await readTaskStream(sseResponse(chunks, hold), 'vid_1', {
    idleTimeoutMs,
    onEvent: (task, name) => seen.push([name, task]),
  });
  return { end, seen };
}

describe('readTaskStream', () => {
  it('reports each event and ends on a terminal payload, even split across chunks', async () => {
    const completed = event('completed', {
      task_id: 'vid_1',
      status: 'completed',
      progress: 100,
      result_url: 'https://cdn/x.mp4',
    });
    const { end, seen } = await read([
      event('progress', { task_id: 'vid_1', status: 'running', progress: 12 }),
      completed.slice(0, 20),
      completed.slice(20),
      event('progress', { task_id: 'vid_1', status: 'running', progress: 99 }),
    ]);
    expect(seen.map(([name, task]) => [name, task.status, task.progress])).toEqual([
      ['progress', 'running', 12],
      ['completed', 'completed', 100],
    ]);
    expect(end).toMatchObject({
      kind: 'terminal',
      task: { status: 'completed', result_url: 'https://cdn/x.mp4' },
    });
  });

  it('ends the task on a terminal status whatever the event is called', async () => {
    const { end, seen } = await read([
      `data: ${JSON.stringify({ task_id: 'vid_1', status: 'expired' })}\n\n`,
    ]);
    expect(seen[0]?.[0]).toBe('message');
    expect(end).toMatchObject({ kind: 'terminal', task: { status: 'expired' } });
  });

  it('skips unparseable events and events about other tasks', async () => {
    const { end, seen } = await read([
      'event: progress\ndata: {not json\n\n',
      event('progress', { status: 'running' }),
      event('progress', { task_id: 'vid_1', status: 'dreaming' }),
      event('completed', { task_id: 'vid_2', status: 'completed' }),
      ': keep-alive\n\n',
      event('failed', { task_id: 'vid_1', status: 'failed', error: { type: 'x', message: 'y' } }),
    ]);
    expect(seen).toHaveLength(1);
    expect(end).toMatchObject({
      kind: 'terminal',
      task: { status: 'failed', error: { message: 'y' } },
    });
  });

  it('reports a stream that closes before a terminal status as ended early', async () => {
    const { end, seen } = await read([
      event('progress', { task_id: 'vid_1', status: 'running', progress: 50 }),
    ]);
    expect(seen).toHaveLength(1);
    expect(end).toEqual({
      kind: 'ended-early',
      reason: 'The stream closed before the task finished',
    });
  });

  it('gives up on a stream that goes quiet', async () => {
    const { end } = await read(
      [event('progress', { task_id: 'vid_1', status: 'queued' })],
      true,
      30,
    );
    expect(end).toMatchObject({
      kind: 'ended-early',
      reason: stringMatching(/^No event for/),
    });
  });

  it('rethrows what the caller’s onEvent throws', async () => {
    const run = readTaskStream(
      sseResponse([event('progress', { task_id: 'vid_1', status: 'running' })]),
      'vid_1',
      {
        onEvent: () => {
          throw new Error('handler bug');
        },
      },
    );
    await expect(run).rejects.toThrow('handler bug');
  });
});

describe('taskFromEvent', () => {
  it('drops nothing it can read', () => {
    expect(taskFromEvent('{"task_id":"vid_1","status":"queued","extra":true}', 'vid_1')).toEqual({
      task_id: 'vid_1',
      status: 'queued',
    });
  });
});
