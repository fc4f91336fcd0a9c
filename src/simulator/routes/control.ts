import { z } from 'zod';
import type { SimulatorCore } from '../core';
import { FaultRequest, TaskErrorRequest } from '../faults';
import type { Exchange } from '../http';
import { BodyTooLargeError, readBody } from '../http';

const AdvanceRequest = z.object({ ms: z.number().nonnegative() });
const KeyRequest = z.object({ key: z.string().min(1), balanceCents: z.number() });
const PadRequest = z.object({ bytes: z.number().int().nonnegative() });

/**
 * `/__sim/…`: drive the simulator from another process (the CLI's users, end-to-end tests).
 * No key needed; these requests stay out of the request log. Bad input answers 400.
 */
export async function handleControl(ex: Exchange, core: SimulatorCore): Promise<void> {
  const path = ex.url.pathname.slice('/__sim'.length);
  const method = ex.req.method;
  if (method === 'GET' && path === '/state') return ex.json(200, core.state());
  if (method === 'GET' && path === '/config') return ex.json(200, core.config);
  if (method === 'GET' && path === '/log')
    return ex.json(200, { object: 'list', data: core.log.entries });
  if (method !== 'POST')
    return ex.error(404, 'not_found_error', `No control endpoint ${method} ${ex.url.pathname}`);

  let body: unknown;
  try {
    const raw = (await readBody(ex.req, 1024 * 1024)).toString('utf8');
    body = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch (error) {
    const message =
      error instanceof BodyTooLargeError ? error.message : 'The request body is not valid JSON';
    return ex.error(400, 'invalid_request_error', message);
  }

  const taskAction = /^\/tasks\/([^/]+)\/(fail|expire)$/.exec(path);
  try {
    // The one POST that answers what it changed rather than the state.
    if (path === '/config') return ex.json(200, core.configure(body));
    if (path === '/advance') {
      await core.advance(parse(AdvanceRequest, body).ms);
    } else if (path === '/keys') {
      const { key, balanceCents } = parse(KeyRequest, body);
      core.accounts.set(key, balanceCents);
    } else if (path === '/faults') {
      const { route, fault, times } = parse(FaultRequest, body);
      core.faults.next(route, fault, times);
    } else if (path === '/faults/fail-next-task') {
      core.faults.failNextTask(parse(TaskErrorRequest, body).error);
    } else if (path === '/faults/clear') {
      core.faults.clear();
    } else if (path === '/pad') {
      core.setPadBytes(parse(PadRequest, body).bytes);
    } else if (taskAction?.[2] === 'fail') {
      core.failTask(decodeURIComponent(taskAction[1] ?? ''), parse(TaskErrorRequest, body).error);
    } else if (taskAction?.[2] === 'expire') {
      core.expireTask(decodeURIComponent(taskAction[1] ?? ''));
    } else {
      return ex.error(404, 'not_found_error', `No control endpoint POST ${ex.url.pathname}`);
    }
  } catch (error) {
    return ex.error(
      400,
      'invalid_request_error',
      error instanceof Error ? error.message : String(error),
    );
  }
  ex.json(200, core.state());
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(z.prettifyError(result.error));
  return result.data;
}
