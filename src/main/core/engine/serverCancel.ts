import { UserError } from '../../../shared/contract/result';
import { isBeingSaved, isOnServer, type Job } from '../../../shared/jobs';
import type { AirforceApi } from '../airforce/types';
import type { Clock } from '../ports';
import { english, type Translate } from '../i18n';
import { asApiError } from './context';
import type { World } from './engineDeps';
import type { Facts } from './jobChange';
import { keyOf, toView, type JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';
import type { WorkRunner } from './workRunner';

export interface ServerCancelHost {
  readonly repo: JobRepository;
  readonly clock: Clock;
  readonly api: AirforceApi;
  readonly signal: AbortSignal;
  readonly work: Pick<WorkRunner, 'takeOver'>;
  apiKey(keyId: string): Promise<string | null>;
  world(): World;
  facts(): Facts;
  change(id: string, patch: Partial<JobRecord>): JobRecord;
}

/**
 * Cancels a job whose task is on the server by deleting the task there (`DELETE`, which the
 * provider does not refund), then ending the job as cancelled: its debit stays in the ledger
 * as spent, and its slot is free for the next job at once. The job's follow is ended first
 * and nothing follows it while the delete is under way, so no news of the task lands
 * between the delete and the cancel. If the server does not confirm the delete, the job
 * keeps running (and is followed again): the error says so. A 404 is a task already gone.
 */
export function serverCanceller(host: ServerCancelHost) {
  // A second request for the same job joins the first: one DELETE per job.
  const underWay = new Map<string, Promise<Job>>();
  return (record: JobRecord): Promise<Job> => {
    const t = host.facts().t ?? english.t;
    const { id } = record;
    const world = host.world();
    if (record.demo !== world.demo)
      throw new UserError(
        'conflict',
        t(record.demo ? 'queue.cancelDemoJob' : 'queue.cancelRealJob'),
      );
    const pending =
      underWay.get(id) ??
      host.work
        .takeOver(id, () => deleteAndCancel(host, id, world, t))
        .finally(() => underWay.delete(id));
    underWay.set(id, pending);
    return pending;
  };
}

async function deleteAndCancel(
  host: ServerCancelHost,
  id: string,
  world: World,
  t: Translate,
): Promise<Job> {
  const current = stillOnServer(host, id, t);
  // The demo that ran it ended with an earlier run of the app, and its tasks with it.
  const gone = current.demo && current.demoSession !== world.session;
  if (!gone) {
    const key = await host.apiKey(keyOf(current));
    if (!key) throw notDeleted(t, t('library.noApiKey'));
    try {
      await host.api.deleteTask(key, stillOnServer(host, id, t).taskId!, host.signal);
    } catch (error) {
      const e = asApiError(error);
      if (e.kind !== 'not-found') throw notDeleted(t, e.message);
    }
  }
  stillOnServer(host, id, t);
  const cancelled = host.change(id, {
    status: 'cancelled',
    progress: null,
    finishedAt: host.clock.now(),
  });
  return toView(cancelled);
}

/** The job as it is now, refused if its task ended meanwhile: a clip being saved is kept. */
function stillOnServer(host: ServerCancelHost, id: string, t: Translate): JobRecord {
  const record = host.repo.get(id);
  if (!record) throw new UserError('not-found', t('queue.jobGone'));
  if (isOnServer(record.status) && record.taskId) return record;
  const saving = isBeingSaved(record.status) || record.status === 'saved';
  throw new UserError('conflict', t(saving ? 'queue.cancelBeingSaved' : 'queue.cancelEnded'));
}

const notDeleted = (t: Translate, reason: string) =>
  new UserError('unavailable', t('queue.notDeletedOnServer', { reason }));
