import { TaskStatus } from '../../shared/api/schemas';
import type { SimulatorCore } from '../core';
import type { Exchange } from '../http';
import { BodyTooLargeError, readBody } from '../http';
import { modelsResponse } from '../models';
import { maxActiveTasksPerKey } from '../tasks';
import type { TaskError } from '../tasks';
import { resolveCreateRequest } from '../validation';
import { createdBody, listBody, listItemBody, reportedStatus, statusBody } from '../wire';

/** Base64 input images make bodies large; this is well above any real one. */
const maxBodyBytes = 32 * 1024 * 1024;
const defaultListLimit = 50;
const maxListLimit = 200;

/** What a prompt containing `[fail]` ends with, for demos and end-to-end tests. */
export const promptFailure: TaskError = {
  type: 'generation_failed',
  message: 'The model could not render this prompt',
};

export function listModels(ex: Exchange): void {
  ex.json(200, modelsResponse());
}

export async function createTask(ex: Exchange, core: SimulatorCore, key: string): Promise<void> {
  let raw: Buffer;
  try {
    raw = await readBody(ex.req, maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return ex.error(413, 'invalid_request_error', error.message);
    throw error;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return ex.error(400, 'invalid_request_error', 'The request body is not valid JSON');
  }
  const resolution = resolveCreateRequest(body);
  if (!resolution.ok) {
    return ex.error(
      400,
      'invalid_request_error',
      resolution.rejection.message,
      resolution.rejection.param,
    );
  }
  const { request } = resolution;
  const now = core.settledNow();

  const active = core.tasks.activeFor(key).length;
  if (active >= maxActiveTasksPerKey) {
    // In real seconds: the client waits in real time, whatever the speed factor.
    const realMs = core.clock.toReal(core.tasks.msUntilSlotFrees(key, now));
    return ex.error(
      429,
      'rate_limit_error',
      `At most ${maxActiveTasksPerKey} video tasks may run at once per API key; ${active} are queued or running`,
      undefined,
      { 'Retry-After': String(Math.max(1, Math.ceil(realMs / 1000))) },
    );
  }
  const balance = core.accounts.balanceOf(key);
  if (balance < request.costCents) {
    return ex.error(
      402,
      'insufficient_balance',
      `This task costs ${request.costCents}¢ but the balance is ${balance}¢`,
    );
  }

  const failWith =
    core.faults.takeTaskError() ?? (request.prompt.includes('[fail]') ? promptFailure : undefined);
  const task = core.tasks.create(key, request, now, failWith);
  core.updateTicker();
  ex.json(200, createdBody(task));
}

export function getTask(ex: Exchange, core: SimulatorCore, key: string, taskId: string): void {
  const task = ownTask(ex, core, key, taskId);
  if (task) ex.json(200, statusBody(task, core.wire));
}

export function streamTask(ex: Exchange, core: SimulatorCore, key: string, taskId: string): void {
  const task = ownTask(ex, core, key, taskId);
  if (task) core.streams.open(ex, task);
}

/** Deleting a task also deletes its files and ends its streams; nothing is refunded. */
export function deleteTask(ex: Exchange, core: SimulatorCore, key: string, taskId: string): void {
  const task = ownTask(ex, core, key, taskId);
  if (!task) return;
  core.deleteTask(task.id);
  ex.json(200, { task_id: task.id, deleted: true });
}

export function listTasks(ex: Exchange, core: SimulatorCore, key: string): void {
  const params = ex.url.searchParams;
  let limit = defaultListLimit;
  const limitParam = params.get('limit');
  if (limitParam !== null) {
    const parsed = Number(limitParam);
    if (limitParam.trim() === '' || !Number.isInteger(parsed)) {
      return ex.error(
        400,
        'invalid_request_error',
        `Invalid 'limit': ${limitParam} is not an integer`,
        'limit',
      );
    }
    limit = Math.min(maxListLimit, Math.max(1, parsed));
  }
  const statusParam = params.get('status');
  const status = statusParam === null ? undefined : TaskStatus.safeParse(statusParam);
  if (status && !status.success) {
    return ex.error(
      400,
      'invalid_request_error',
      `Invalid 'status': expected one of ${TaskStatus.options.join(', ')}`,
      'status',
    );
  }
  const { wire } = core;
  const tasks = core.tasks
    .listedFor(key, core.settledNow(), wire.config.listLagMs)
    .filter((task) => !status || reportedStatus(task, wire.config) === status.data)
    .slice(0, limit);
  ex.json(
    200,
    listBody(
      tasks.map((task) => listItemBody(task, wire)),
      wire.config,
    ),
  );
}

/** Another key's task is as unknown as a missing one. */
function ownTask(ex: Exchange, core: SimulatorCore, key: string, taskId: string) {
  const task = core.tasks.get(taskId);
  if (task && task.key === key) return task;
  ex.error(404, 'not_found_error', `No task '${taskId}'`);
  return undefined;
}
