import { describe, expect, it } from 'vitest';
import { messagesIn } from '../i18n';
import { drainNotification, emptyTally, tallyEnd } from './drainNotice';

describe('the notification of a drained batch or queue', () => {
  const tally = emptyTally();
  for (let i = 0; i < 50; i++) tallyEnd(tally, { status: 'saved', refunded: false });
  tallyEnd(tally, { status: 'failed', refunded: true });
  tallyEnd(tally, { status: 'expired', refunded: true });
  tally.spentCents = 9840;
  const batch = { id: 'batch_1', name: 'Overnight' };

  it('says what the batch did and cost, in English and in Dutch', () => {
    const en = drainNotification(messagesIn('en'), tally, { jobId: 'j1', batch });
    expect(`${en.title}: ${en.body}`).toBe(
      'Batch “Overnight” done: 50 clips ready, 2 failed and refunded, $98.40',
    );
    expect(en).toMatchObject({ kind: 'drained', jobId: 'j1', batchId: 'batch_1' });
    const nl = drainNotification(messagesIn('nl'), tally, { jobId: 'j1', batch });
    expect(`${nl.title}: ${nl.body}`).toBe(
      'Batch “Overnight” klaar: 50 clips klaar, 2 mislukt en terugbetaald, US$\u00a098,40',
    );
  });

  it('names the queue when there is no batch, and what was neither refunded nor saved', () => {
    const small = emptyTally();
    tallyEnd(small, { status: 'saved', refunded: false });
    tallyEnd(small, { status: 'expired', refunded: false });
    tallyEnd(small, { status: 'cancelled', refunded: false });
    small.spentCents = 400;
    const n = drainNotification(messagesIn('en'), small, { jobId: 'j2' });
    expect(`${n.title}: ${n.body}`).toBe('Queue done: 1 clip ready, 1 failed, 1 cancelled, $4.00');
    expect(n).not.toHaveProperty('batchId');
  });

  it('names no amount for a demo run: nothing was charged', () => {
    const demo = emptyTally();
    tallyEnd(demo, { status: 'saved', refunded: false });
    demo.spentCents = 200;
    demo.demo = true;
    expect(drainNotification(messagesIn('en'), demo, { jobId: 'j3' }).body).toBe(
      '1 clip ready, free in the demo',
    );
    expect(drainNotification(messagesIn('nl'), demo, { jobId: 'j3' }).body).toBe(
      '1 clip klaar, gratis in de demo',
    );
  });
});
