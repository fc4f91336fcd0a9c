import { describe, expect, it } from 'vitest';
import { failureText } from './errors';

describe('failureText', () => {
  it('puts what failed before the reason', () => {
    expect(failureText('Could not load the queue', new Error('The engine stopped.'))).toBe(
      'Could not load the queue: The engine stopped.',
    );
  });

  it('does not say what failed twice when the reason already says it (main adds it too)', () => {
    const fromMain = new Error('Could not load the models: Could not connect to api.airforce');
    expect(failureText('Could not load the models', fromMain)).toBe(
      'Could not load the models: Could not connect to api.airforce',
    );
    expect(failureText('Not saved', 'not saved: the disk is full')).toBe(
      'not saved: the disk is full',
    );
  });
});
