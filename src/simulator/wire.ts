import type { UrlSigner } from './signing';
import type { SimTaskSnapshot } from './tasks';

/** What the JSON answers need to point at the CDN. */
export interface CdnLinks {
  base: string;
  signer: UrlSigner;
}

export type MediaKind = 'mp4' | 'jpg';

const seconds = (ms: number) => Math.floor(ms / 1000);

function mediaPath(taskId: string, kind: MediaKind): string {
  return `/video/${taskId}.${kind}`;
}

export function parseMediaPath(path: string): { taskId: string; kind: MediaKind } | undefined {
  const match = /^\/video\/(vid_[0-9A-Z]+)\.(mp4|jpg)$/.exec(path);
  return match ? { taskId: match[1] as string, kind: match[2] as MediaKind } : undefined;
}

/** The signed URL stops working at `expires_at`, like the provider's pre-signed links. */
export function signedUrl(task: SimTaskSnapshot, kind: MediaKind, links: CdnLinks): string {
  return links.base + links.signer.sign(mediaPath(task.id, kind), seconds(task.expiresAt));
}

/** `POST /v1/video/generations`, exactly the documented fields. */
export function createdBody(task: SimTaskSnapshot): object {
  return {
    task_id: task.id,
    status: task.status,
    model: task.model,
    created: seconds(task.created),
    expires_at: seconds(task.expiresAt),
    cost_cents: task.costCents,
  };
}

/** `GET /v1/video/tasks/{id}` and every SSE payload. A refunded task's final cost is 0. */
export function statusBody(task: SimTaskSnapshot, links: CdnLinks): Record<string, unknown> {
  return {
    task_id: task.id,
    status: task.status,
    model: task.model,
    ...(task.status === 'queued' || task.progress === undefined ? {} : { progress: task.progress }),
    duration_seconds: task.durationSeconds,
    expires_at: seconds(task.expiresAt),
    cost_cents: task.refunded ? 0 : task.costCents,
    ...(task.status === 'completed'
      ? { result_url: signedUrl(task, 'mp4', links), thumbnail_url: signedUrl(task, 'jpg', links) }
      : {}),
    ...(task.status === 'failed' && task.error ? { error: task.error } : {}),
  };
}

/** An item of `GET /v1/video/tasks`: the status shape plus what reconciling needs. */
export function listItemBody(task: SimTaskSnapshot, links: CdnLinks): Record<string, unknown> {
  return { ...statusBody(task, links), prompt: task.prompt, created: seconds(task.created) };
}
