import type { TaskStatus } from '../shared/api/schemas';
import type { SimulatorConfig } from './config';
import type { UrlSigner } from './signing';
import type { SimTaskSnapshot } from './tasks';

/** What the JSON answers need to point at the CDN. */
export interface CdnLinks {
  base: string;
  signer: UrlSigner;
}

/** Everything that decides how a task looks on the wire. */
export interface WireContext {
  links: CdnLinks;
  config: Readonly<SimulatorConfig>;
}

export type MediaKind = 'mp4' | 'jpg';

const toEpochSeconds = (ms: number) => Math.floor(ms / 1000);

function mediaPath(taskId: string, kind: MediaKind): string {
  return `/video/${taskId}.${kind}`;
}

/**
 * Characters any issued id is made of (both id styles), all unreserved in URLs, so a media
 * path needs no escaping. No id starts with a dot or holds `..`: a path can only ever name
 * a task, never climb out of `/video/`.
 */
const safeTaskId = /^[A-Za-z0-9_~-](?:[A-Za-z0-9_~-]|\.(?!\.))*$/;

export function parseMediaPath(path: string): { taskId: string; kind: MediaKind } | undefined {
  const match = /^\/video\/([^/]+)\.(mp4|jpg)$/.exec(path);
  const taskId = match?.[1];
  if (taskId === undefined || !safeTaskId.test(taskId)) return undefined;
  return { taskId, kind: match?.[2] as MediaKind };
}

/** The signed URL stops working at `expires_at`, like the provider's pre-signed links. */
export function signedUrl(task: SimTaskSnapshot, kind: MediaKind, links: CdnLinks): string {
  return links.base + links.signer.sign(mediaPath(task.id, kind), toEpochSeconds(task.expiresAt));
}

/**
 * The status the API reports. A completed task whose result has expired is `expired` inside
 * the simulator (its links are dead); with `statusAfterExpiry: 'completed'` it still says so.
 */
export function reportedStatus(task: SimTaskSnapshot, config: SimulatorConfig): TaskStatus {
  return config.statusAfterExpiry === 'completed' &&
    task.status === 'expired' &&
    task.completedAt !== undefined
    ? 'completed'
    : task.status;
}

/** `POST /v1/video/generations`, exactly the documented fields. */
export function createdBody(task: SimTaskSnapshot): object {
  return {
    task_id: task.id,
    status: task.status,
    model: task.model,
    created: toEpochSeconds(task.created),
    expires_at: toEpochSeconds(task.expiresAt),
    cost_cents: task.costCents,
  };
}

/** `GET /v1/video/tasks/{id}` and every SSE payload. A refunded task's final cost is 0. */
export function statusBody(
  task: SimTaskSnapshot,
  { links, config }: WireContext,
): Record<string, unknown> & { status: TaskStatus } {
  const status = reportedStatus(task, config);
  const completed = status === 'completed';
  // Documented order; an optional field is left out, or sent as null when `nulls` says so.
  const fields: [string, unknown][] = [
    ['task_id', task.id],
    ['status', status],
    ['model', task.model],
    ['progress', status === 'queued' ? undefined : task.progress],
    ['duration_seconds', task.durationSeconds],
    ['expires_at', toEpochSeconds(task.expiresAt)],
    ['cost_cents', task.refunded ? 0 : task.costCents],
    ['result_url', completed ? signedUrl(task, 'mp4', links) : undefined],
    ['thumbnail_url', completed ? signedUrl(task, 'jpg', links) : undefined],
    ['error', status === 'failed' ? task.error : undefined],
  ];
  const present = fields
    .map(([name, value]): [string, unknown] => [name, value ?? (config.nulls ? null : undefined)])
    .filter(([, value]) => value !== undefined);
  return { ...Object.fromEntries(present), status };
}

/**
 * An item of `GET /v1/video/tasks`: the status shape, which is all the docs let a client
 * assume; `with-prompt` adds what a richer server might send.
 */
export function listItemBody(task: SimTaskSnapshot, context: WireContext): Record<string, unknown> {
  const item = statusBody(task, context);
  return context.config.listItems === 'with-prompt'
    ? { ...item, prompt: task.prompt, created: toEpochSeconds(task.created) }
    : item;
}

/** The list's envelope; only `unrecognised` hides the items from every reasonable client. */
export function listBody(items: unknown[], config: SimulatorConfig): unknown {
  switch (config.listEnvelope) {
    case 'data':
      return { object: 'list', data: items };
    case 'bare':
      return items;
    case 'tasks':
      return { tasks: items };
    case 'items':
      return { items };
    case 'unrecognised':
      return { object: 'list', results_v2: { rows: items } };
  }
}
