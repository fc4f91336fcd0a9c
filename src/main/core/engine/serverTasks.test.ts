import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/tempDatabase';
import { ServerTasks } from './serverTasks';

const T0 = Date.UTC(2026, 10, 24, 9);
const seconds = (ms: number) => ms / 1000;

let temp: ReturnType<typeof tempDatabase>;
afterEach(async () => temp?.closeAll());

describe('ServerTasks', () => {
  it('records what the server said, keeps what a later answer leaves out, and survives a restart', () => {
    temp = tempDatabase();
    const tasks = new ServerTasks(temp.db);
    tasks.record(
      [
        {
          task_id: 'vid_1',
          status: 'queued',
          model: 'wan-2.6',
          created: seconds(T0),
          expires_at: seconds(T0) + 86_400,
        },
        { task_id: 'vid_2', status: 'running' },
      ],
      T0 + 1_000,
    );
    tasks.record([{ task_id: 'vid_1', status: 'completed', cost_cents: 320 }], T0 + 60_000);
    const expected = {
      taskId: 'vid_1',
      model: 'wan-2.6',
      status: 'completed',
      createdAt: T0,
      expiresAt: T0 + 86_400_000,
      costCents: 320,
      firstSeenAt: T0 + 1_000,
      lastSeenAt: T0 + 60_000,
      dismissed: false,
    };
    expect(tasks.get('vid_1')).toEqual(expected);
    const restarted = new ServerTasks(temp.reopen().db);
    expect(restarted.get('vid_1')).toEqual(expected);
    expect(restarted.all().map((t) => [t.taskId, t.status, t.model, t.costCents])).toEqual([
      ['vid_1', 'completed', 'wan-2.6', 320],
      ['vid_2', 'running', null, null],
    ]);
  });

  it('keeps a dismissal for good, through later sightings and restarts', () => {
    temp = tempDatabase();
    const tasks = new ServerTasks(temp.db);
    expect(tasks.dismiss('never-seen')).toBe(false);
    tasks.record([{ task_id: 'vid_1', status: 'completed' }], T0);
    expect(tasks.dismiss('vid_1')).toBe(true);
    tasks.record([{ task_id: 'vid_1', status: 'expired' }], T0 + 1_000);
    expect(new ServerTasks(temp.reopen().db).get('vid_1')).toMatchObject({
      status: 'expired',
      dismissed: true,
    });
  });
});
