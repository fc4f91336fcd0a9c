import { isTerminal, type TaskStatus } from '../../src/shared/api/schemas';

export interface ExampleLoopResult {
  taskId: string;
  status: TaskStatus;
  /** Clock time (virtual when scaled) at which the loop saw the terminal status. */
  seenAt: number;
  requests: number;
}

export interface ExampleLoopOptions {
  apiBase: string;
  apiKey: string;
  prompt: string;
  now(): number;
  /** Sleeps `ms` of the loop's clock (virtual ms when the simulator runs faster). */
  sleep(ms: number): Promise<void>;
  pollMs?: number;
}

/**
 * The provider's example script, as its documentation describes it: create the task, then
 * sleep 8 s and poll until the task is over. No stream, no backoff: the reference.
 */
export async function exampleLoop(options: ExampleLoopOptions): Promise<ExampleLoopResult> {
  const headers = { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' };
  const created = await fetch(`${options.apiBase}/v1/video/generations`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ model: 'wan-2.6', prompt: options.prompt, duration_seconds: 5 }),
  });
  const body = (await created.json()) as { task_id?: string; error?: unknown };
  if (!created.ok || !body.task_id)
    throw new Error(`example loop: create failed (${created.status} ${JSON.stringify(body)})`);
  let requests = 1;
  for (;;) {
    await options.sleep(options.pollMs ?? 8_000);
    const answer = await fetch(`${options.apiBase}/v1/video/tasks/${body.task_id}`, { headers });
    requests += 1;
    const task = (await answer.json()) as { status: TaskStatus };
    if (isTerminal(task.status))
      return { taskId: body.task_id, status: task.status, seenAt: options.now(), requests };
  }
}
