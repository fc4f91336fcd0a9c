import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  closeTestSimulators,
  completedTask,
  control,
  createTask,
  fastTaskMs,
  json,
  readSse,
  startTestSimulator,
  taskStatus,
} from '../../test/support/testSimulator';
import { parseMediaPath } from './wire';

afterEach(closeTestSimulators);

const dotted = /^vid\.[0-9A-Z]{13}\.[0-9a-f]{2}$/;
/** As the client builds it: the id is one URL-encoded path segment. */
const taskPath = (id: string) => `/v1/video/tasks/${encodeURIComponent(id)}`;

describe("taskIds: 'dotted'", () => {
  it('issues unique ids with dots inside, the same for a seed, on the default ids’ timings', async () => {
    const [a, b, plain] = await Promise.all([
      startTestSimulator({ taskIds: 'dotted', startBalanceCents: 1_000_000 }),
      startTestSimulator({ taskIds: 'dotted' }),
      startTestSimulator(),
    ]);
    if (!a || !b || !plain) throw new Error('not started');
    const first = await Promise.all([a, b, plain].map((sim) => createTask(sim)));
    expect(first[0]).toMatch(dotted);
    expect(first[1]).toBe(first[0]);
    // Same random code as the default id: the style changes no timing of a seeded run.
    expect(first[2]).toBe(`vid_${first[0]?.split('.')[1]}`);
    await Promise.all([a, plain].map((sim) => sim.clock.advance(2_500)));
    const [dottedTask, plainTask] = await Promise.all(
      [a, plain].map((sim, i) => taskStatus(sim, first[i * 2] ?? '')),
    );
    expect(dottedTask?.progress).toBe(plainTask?.progress);

    const ids = new Set(first.slice(0, 1));
    for (let i = 0; i < 39; i++) {
      ids.add(await createTask(a));
      if (i % 4 === 2) await a.clock.advance(fastTaskMs);
    }
    expect(ids.size).toBe(40);
    expect([...ids].every((id) => dotted.test(id))).toBe(true);
  });

  it('works on every route: get, stream, list, CDN, control, delete', async () => {
    const sim = await startTestSimulator({ taskIds: 'dotted' });
    const id = await createTask(sim);
    const sse = readSse(await call(sim, `${taskPath(id)}/stream`));
    await sim.clock.advance(fastTaskMs);
    expect(await sse.ended).toBe('closed');
    expect(sse.events.at(-1)).toMatchObject({ event: 'completed', data: { task_id: id } });

    const task = await json(await call(sim, taskPath(id)));
    expect(task).toMatchObject({ task_id: id, status: 'completed' });
    expect(new URL(task.result_url as string).pathname).toBe(`/video/${id}.mp4`);
    for (const url of [task.result_url, task.thumbnail_url] as string[]) {
      const file = await fetch(url);
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
    }
    const listed = await json<{ data: { task_id: string }[] }>(await call(sim, '/v1/video/tasks'));
    expect(listed.data.map((t) => t.task_id)).toEqual([id]);

    const other = await createTask(sim);
    expect((await control(sim, `/tasks/${encodeURIComponent(other)}/fail`, {})).status).toBe(200);
    expect((await taskStatus(sim, other)).status).toBe('failed');

    const deleted = await call(sim, taskPath(id), { method: 'DELETE' });
    expect(await json(deleted)).toEqual({ task_id: id, deleted: true });
    expect((await call(sim, taskPath(id))).status).toBe(404);
    expect((await fetch(task.result_url as string)).status).toBe(404);
  });

  it('switches at run time; ids already issued keep working', async () => {
    const sim = await startTestSimulator();
    const before = await createTask(sim);
    expect(sim.configure({ taskIds: 'dotted' }).taskIds).toBe('dotted');
    const after = await createTask(sim);
    expect(await json(await control(sim, '/config', { taskIds: 'default' }))).toMatchObject({
      taskIds: 'default',
    });
    const last = await createTask(sim);
    expect([before, after, last].map((id) => id.slice(0, 4))).toEqual(['vid_', 'vid.', 'vid_']);
    await sim.clock.advance(fastTaskMs);
    for (const id of [before, after, last]) {
      const task = await taskStatus(sim, id);
      expect((await fetch(task.result_url as string)).status).toBe(200);
    }
  });
});

describe('media paths', () => {
  it('accept every id style and nothing that could leave the video folder', () => {
    expect(parseMediaPath('/video/vid_01HXY1234ABCD.mp4')).toEqual({
      taskId: 'vid_01HXY1234ABCD',
      kind: 'mp4',
    });
    expect(parseMediaPath('/video/vid.01HXY1234ABCD.a7.jpg')).toEqual({
      taskId: 'vid.01HXY1234ABCD.a7',
      kind: 'jpg',
    });
    for (const path of [
      '/video/..mp4',
      '/video/...mp4',
      '/video/.hidden.mp4',
      '/video/a..b.mp4',
      '/video/a/b.mp4',
      '/video/a%2Fb.mp4',
      '/video/%2e%2e.mp4',
      '/video/a\\b.mp4',
      '/video/.mp4',
      '/video/x.mp3',
      '/etc/x.mp4',
    ]) {
      expect(parseMediaPath(path), path).toBeUndefined();
    }
  });

  it('answer 404 on the CDN for a path that is no issued id', async () => {
    const sim = await startTestSimulator({ taskIds: 'dotted' });
    const task = await completedTask(sim);
    const { search } = new URL(task.result_url as string);
    for (const path of ['/video/..%2F..%2Fetc%2Fpasswd.mp4', '/video/%2e%2e.mp4']) {
      const response = await fetch(`${sim.cdnBase}${path}${search}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('<Code>NoSuchKey</Code>');
    }
  });
});
