import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorCore } from './core';
import type { FaultRoute } from './faults';
import { answerInsteadOfRoute, bearerKey, Exchange } from './http';
import type { RequestLogEntry } from './requestLog';
import { handleControl } from './routes/control';
import { createTask, deleteTask, getTask, listModels, listTasks, streamTask } from './routes/video';

type Match = { route: FaultRoute; taskId: string } | { status: 404 | 405 };

function matchRoute(method: string, path: string): Match {
  const only = (allowed: string, route: FaultRoute, taskId = ''): Match =>
    method === allowed ? { route, taskId } : { status: 405 };
  if (path === '/v1/models') return only('GET', 'models');
  if (path === '/v1/video/generations') return only('POST', 'create');
  if (path === '/v1/video/tasks') return only('GET', 'list');
  const task = /^\/v1\/video\/tasks\/([^/]+)(\/stream)?$/.exec(path);
  if (!task) return { status: 404 };
  const taskId = decodeURIComponent(task[1] ?? '');
  if (task[2]) return only('GET', 'stream', taskId);
  if (method === 'DELETE') return { route: 'delete', taskId };
  return only('GET', 'get', taskId);
}

const errorBody = (status: number) =>
  JSON.stringify({
    error: {
      type:
        status === 429
          ? 'rate_limit_error'
          : status >= 500
            ? 'server_error'
            : 'invalid_request_error',
      message: `Simulated ${status}`,
    },
  });

/**
 * The api.airforce endpoints, plus the simulator's own `/__sim/…` control endpoints unless
 * `control` is false (then those paths are unknown routes, answered 404).
 */
export function apiHandler(
  core: SimulatorCore,
  options: { control: boolean } = { control: true },
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://api').pathname;
    const key = bearerKey(req);
    const now = core.settledNow();
    const match = matchRoute(method, path);
    const control = options.control && path.startsWith('/__sim/');
    const entry: RequestLogEntry = {
      method,
      path,
      route: 'route' in match ? match.route : 'unknown',
      status: 0,
      at: now,
      realAt: Date.now(),
      authorized: req.headers.authorization !== undefined,
      ...(key !== undefined && core.accounts.has(key) ? { key } : {}),
    };
    if (!control) core.log.add(entry);
    const fault = 'route' in match ? core.faults.take(match.route) : undefined;
    // The task is created at once; only the answer waits for virtual time to pass.
    const hold =
      fault?.kind === 'slow-answer'
        ? (send: () => void) => core.holdAnswer(res, fault.ms, send)
        : undefined;
    const ex = new Exchange(req, res, entry, fault, hold);
    if (fault && answerInsteadOfRoute(ex, fault, core.hanging, errorBody)) return;

    const handled = control ? handleControl(ex, core) : route(ex, core, match, key);
    Promise.resolve(handled).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      ex.error(
        500,
        'server_error',
        `Simulator bug: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  };
}

function route(
  ex: Exchange,
  core: SimulatorCore,
  match: Match,
  key: string | undefined,
): Promise<void> | void {
  if (!('route' in match)) {
    const { pathname } = ex.url;
    return ex.error(
      match.status,
      match.status === 404 ? 'not_found_error' : 'invalid_request_error',
      `No route ${ex.req.method} ${pathname}`,
    );
  }
  if (key === undefined) {
    return ex.error(
      401,
      'authentication_error',
      'Missing API key: send "Authorization: Bearer <key>"',
    );
  }
  if (!core.accounts.has(key)) return ex.error(401, 'authentication_error', 'Invalid API key');
  switch (match.route) {
    case 'models':
      return listModels(ex);
    case 'create':
      return createTask(ex, core, key);
    case 'list':
      return listTasks(ex, core, key);
    case 'get':
      return getTask(ex, core, key, match.taskId);
    case 'delete':
      return deleteTask(ex, core, key, match.taskId);
    case 'stream':
      return streamTask(ex, core, key, match.taskId);
  }
}
