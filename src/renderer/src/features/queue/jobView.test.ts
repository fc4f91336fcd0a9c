import { describe, expect, it } from 'vitest';
import { makeJob } from '../../testSupport/fakeBackend';
import { errorLine } from './jobView';

describe('errorLine', () => {
  it('ends the server’s message as a sentence before saying what happened to the money', () => {
    const failed = makeJob('f1', {
      status: 'failed',
      taskId: 'vid_1',
      refunded: true,
      error: { kind: 'generation_failed', message: 'The model could not render this prompt' },
    });
    expect(errorLine(failed)).toBe(
      'The model could not render this prompt. The cost was refunded.',
    );
    const expired = makeJob('e1', {
      status: 'expired',
      taskId: 'vid_2',
      refunded: false,
      error: { kind: 'expired', message: 'Expired!' },
    });
    expect(errorLine(expired)).toBe('Expired! Not refunded.');
  });

  it('leaves a message alone when nothing follows it', () => {
    const held = makeJob('h1', {
      status: 'held',
      error: { kind: 'budget', message: 'It would pass today’s budget' },
    });
    expect(errorLine(held)).toBe('It would pass today’s budget');
  });
});
