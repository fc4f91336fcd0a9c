import { afterEach, describe, expect, it } from 'vitest';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { messagesIn } from '../i18n';

/**
 * Issue 14: what the engine writes on a job while it looks for a lost create, or ends an old
 * demo job, is in main's language when written (Dutch here; English is engine.*.test.ts).
 */
let h: EngineHarness;
const dutchHarness = async () => (h = await engineHarness({ messages: messagesIn('nl') }));
afterEach(async () => h.close());

describe('the engine’s messages on a job, in Dutch', () => {
  it('say the create is being looked for, look by look', async () => {
    await dutchHarness();
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'status', status: 500 }, 10);
    await handlers['jobs.submit']({ request: draft('geen taak gemaakt'), copies: 1 });
    await h.until(() => engine.jobs()[0]?.check?.state === 'looking', 'the first look');
    await h.advance(5_000);
    expect(engine.jobs()[0]?.check?.message).toBe(
      'Het aanmaakverzoek kreeg geen duidelijk antwoord en de taak op de server staat nog niet in de lijst van de server (controle 1 van 5). Er wordt niets opnieuw verstuurd tot zeker is dat die taak er niet is.',
    );
  });

  it('say how many server tasks could be the job’s', async () => {
    await dutchHarness();
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' }, 2);
    await handlers['jobs.submit']({ request: draft('een prompt'), copies: 1 });
    await handlers['jobs.submit']({ request: draft('een andere prompt'), copies: 1 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.check?.state === 'ambiguous'),
      'both jobs asking the user',
      60_000,
    );
    expect(engine.jobs()[0]?.check?.message).toBe(
      '2 taken op de server kunnen bij deze taak horen, en de server zegt niet welke. Kies de taak op de server die erbij hoort, of geef aan dat geen ervan erbij hoort.',
    );
  });

  it('end a demo job of an earlier run saying nothing was charged', async () => {
    await dutchHarness();
    h.world.demo = true;
    h.world.session = 'run-1';
    const first = h.startEngine();
    await first.handlers['jobs.submit']({ request: draft('demo voor een herstart'), copies: 1 });
    await h.advanceUntil(
      () => first.engine.jobs()[0]?.status === 'running',
      'running',
      60_000,
      250,
    );
    await first.engine.stop();
    h.world.session = 'run-2';
    const { engine } = h.startEngine();
    await h.until(() => engine.jobs()[0]?.status === 'failed', 'the old demo job ending');
    expect(engine.jobs()[0]?.error).toEqual({
      kind: 'demo',
      message:
        'Een demotaak uit een eerdere sessie: de demo is met Airframe opnieuw gestart, dus de taak op de server bestaat niet meer. Er is niets in rekening gebracht; probeer de taak opnieuw om hem nog eens uit te voeren.',
    });
  });
});
