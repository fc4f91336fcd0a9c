import { describe, expect, it } from 'vitest';
import { TaskList, VideoTask } from './schemas';

describe('VideoTask', () => {
  it('reads an error sent as a bare string', () => {
    expect(
      VideoTask.parse({ task_id: 'vid_1', status: 'failed', error: 'out of GPUs' }).error,
    ).toEqual({
      message: 'out of GPUs',
    });
  });

  it('keeps progress within 0–100', () => {
    expect(VideoTask.parse({ task_id: 'vid_1', status: 'running', progress: 100.4 }).progress).toBe(
      100,
    );
    expect(VideoTask.parse({ task_id: 'vid_1', status: 'running', progress: -1 }).progress).toBe(0);
  });
});

describe('TaskList', () => {
  it('drops the tasks it cannot read, in the envelope or a bare array', () => {
    const items = [
      { task_id: 'vid_1', status: 'queued' },
      { task_id: 'vid_2', status: 'paused' },
      42,
    ];
    expect(TaskList.parse({ object: 'list', data: items })).toEqual([
      { task_id: 'vid_1', status: 'queued' },
    ]);
    expect(TaskList.parse(items)).toHaveLength(1);
  });
});
