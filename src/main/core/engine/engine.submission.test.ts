import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { newRecord } from './jobRecord';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const creates = () => h.sim.log.filter((e) => e.route === 'create').length;

/** A job whose local estimate (1 cent) is not what the server charges. */
function misjudged(engine: ReturnType<EngineHarness['startEngine']>['engine'], prompt: string) {
  const record = newRecord(
    `job_${prompt}`,
    { ...draft(prompt), inputImages: [] },
    h.clock.now(),
    null,
  );
  engine.repo.add({ ...record, costCents: 1 });
  engine.pump();
  return record.id;
}

describe('submitting, against the simulator', () => {
  it('debits what the server says the task cost, not the local estimate', async () => {
    const { engine } = h.startEngine();
    const id = misjudged(engine, 'answered');
    await h.until(() => engine.repo.get(id)?.taskId != null, 'the task id');
    const task = h.sim.tasks()[0]!;
    expect(task.costCents).toBeGreaterThan(1);
    expect(engine.ledger.debitedCents(task.id)).toBe(task.costCents);
    expect(engine.repo.get(id)?.costCents).toBe(task.costCents);
  });

  it('a lost create found in the task list is debited the cost the list shows, once', async () => {
    const { engine } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' });
    const id = misjudged(engine, 'lost');
    await h.advanceUntil(() => engine.repo.get(id)?.taskId != null, 'the adoption', 120_000);
    const task = h.sim.tasks()[0]!;
    expect(engine.repo.get(id)?.taskId).toBe(task.id);
    expect(engine.ledger.debitedCents(task.id)).toBe(task.costCents);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(task.costCents);
    expect(creates()).toBe(1);
  });

  it('a 401 on create holds the job as key-rejected and submits nothing more until the user acts', async () => {
    h.settings.concurrency = 1;
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'status', status: 401 });
    await handlers['jobs.submit']({ request: draft('refused'), copies: 2 });
    await h.until(() => engine.state().blockedBy === 'key-rejected', 'the key hold');
    expect(engine.jobs().map((j) => [j.status, j.holdReason])).toEqual([
      ['held', 'key-rejected'],
      ['queued', null],
    ]);
    await h.advance(60_000);
    expect(creates()).toBe(1);
    expect(h.sim.tasks()).toHaveLength(0);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(0);
  });

  it('a 401 on the task list while looking for a lost create stops everything and sends nothing again', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' });
    h.sim.faults.next('list', { kind: 'status', status: 401 });
    await handlers['jobs.submit']({ request: draft('list refused'), copies: 1 });
    await h.advanceUntil(() => engine.state().blockedBy === 'key-rejected', 'the key hold', 60_000);
    expect(engine.jobs()[0]?.status).toBe('submitting');
    await h.advance(120_000);
    expect(engine.jobs()[0]?.status).toBe('submitting');
    expect(creates()).toBe(1);
  });

  it('a create that made no task is looked for over a minute, then sent again, and paid once', async () => {
    const { engine, handlers } = h.startEngine();
    // 5xx answers (more than the client retries) that make no task: the outcome is unknown.
    h.sim.faults.next('create', { kind: 'status', status: 500 }, 10);
    await handlers['jobs.submit']({ request: draft('no task made'), copies: 1 });
    await h.until(() => engine.jobs()[0]?.check?.state === 'looking', 'the first look');
    const attempts = creates();
    await h.advance(5_000);
    expect(engine.jobs()[0]?.check).toMatchObject({
      state: 'looking',
      message: expect.stringMatching(
        /^The create call got no clear answer .*\(look 1 of 5\)/,
      ) as unknown,
      candidates: [],
    });
    await h.advance(45_000);
    expect(engine.jobs()[0]?.status).toBe('submitting');
    expect(creates()).toBe(attempts);
    // The looks are counted from the attempt: the last one, a minute after it, sends it again.
    await h.advance(15_000);
    expect(creates()).toBeGreaterThan(attempts);
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'completion');
    expect(h.sim.tasks()).toHaveLength(1);
    expect(engine.ledger.totals(h.clock.now()).totalCents).toBe(h.sim.tasks()[0]!.costCents);
  });

  it('without a key, a job is held and submissions stop, saying how to go on', async () => {
    h.setApiKey(null);
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('no key'), copies: 1 });
    await h.until(() => engine.state().blockedBy === 'no-key', 'the key hold');
    expect(engine.jobs()[0]).toMatchObject({ status: 'held', holdReason: 'no-key' });
    expect(engine.state().message).toBe(
      'Add an API key in Settings (or start the demo) to submit jobs.',
    );
    expect(creates()).toBe(0);
  });

  it('a lost create found after a restart without a key waits for one, and sends nothing', async () => {
    const first = h.startEngine();
    h.sim.faults.next('create', { kind: 'slow-answer', ms: 60_000 });
    await first.handlers['jobs.submit']({ request: draft('interrupted'), copies: 1 });
    await h.until(() => creates() === 1, 'the create');
    // Stopping while the create is unanswered: the job stays `submitting`, nothing is sent again.
    await first.engine.stop();
    h.setApiKey(null);
    const { engine } = h.startEngine();
    expect(engine.jobs()[0]?.status).toBe('submitting');
    await h.until(() => engine.state().blockedBy === 'no-key', 'the key hold');
    expect(engine.state().message).toBe(
      'Add an API key to finish checking a submission that was interrupted.',
    );
    expect(engine.jobs()[0]?.status).toBe('submitting');
    h.setApiKey(h.sim.apiKey);
    await h.advance(1_000);
    expect(creates()).toBe(1);
  });

  it('a job whose input image is gone fails as an input error, and nothing is sent', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.pause']({});
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';
    const image = { mime: 'image/png' as const, dataBase64: png };
    const request = draft('gone', { mode: 'image', inputImages: [image] });
    const [job] = (await handlers['jobs.submit']({ request, copies: 1 })).jobs;
    await h.blobs.delete((job!.request.inputImages[0] as { blobId: string }).blobId);
    await handlers['jobs.resume']({});
    await h.until(() => engine.jobs()[0]?.status === 'failed', 'the failure');
    expect(engine.jobs()[0]?.error?.kind).toBe('input');
    expect(creates()).toBe(0);
  });

  it('two lost creates the list cannot tell apart: each job says how many tasks could be its, and looks again later', async () => {
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' }, 2);
    await handlers['jobs.submit']({ request: draft('one prompt'), copies: 1 });
    await handlers['jobs.submit']({ request: draft('another prompt'), copies: 1 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.check?.state === 'ambiguous'),
      'both jobs asking the user',
      60_000,
    );
    const job = engine.jobs()[0]!;
    expect(job.check?.message).toBe(
      "2 tasks on the server could be this job's, and the server does not say which. Choose the one that is this job's, or say none is.",
    );
    expect(engine.repo.get(job.id)?.lookAt).toBeGreaterThan(h.clock.now());
  });
});
