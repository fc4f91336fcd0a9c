import { describe, expect, it } from 'vitest';
import { base, plan } from './batchPlanFixture';

describe('planBatch: prompts', () => {
  it('makes five prompts with a wildcard into ten priced jobs', () => {
    const text = ['a fox', 'an owl', 'a cat', 'a dog', 'a hare'].map((p) => `${p} at {dawn|dusk}`);
    const result = plan(text.join('\n'));
    expect(result.jobs.map((job) => job.prompt)).toEqual([
      'a fox at dawn',
      'a fox at dusk',
      'an owl at dawn',
      'an owl at dusk',
      'a cat at dawn',
      'a cat at dusk',
      'a dog at dawn',
      'a dog at dusk',
      'a hare at dawn',
      'a hare at dusk',
    ]);
    expect(result.jobs.map((job) => job.sourceLine)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(result.totals).toEqual({ count: 10, okCount: 10, totalCents: 10 * 8 * 40 });
    expect(new Set(result.jobs.map((job) => job.key)).size).toBe(10);
    expect(result.problems).toEqual([]);
  });

  it('takes Compose’s values, under each row’s own', () => {
    const result = plan(
      'prompt,model,duration,aspect_ratio,quality,seed,sound\n' +
        'first,,,,,,\n' +
        'second,kling-1,10,1:1,1080p,7,yes\n',
      { base: { ...base, sound: false, seed: 99 } },
    );
    expect(result.jobs.map((job) => job.draft)).toEqual([
      {
        model: 'wan-2.6',
        prompt: 'first',
        mode: 'text',
        durationSeconds: 8,
        aspectRatio: '16:9',
        quality: '720p',
        seed: 99,
        sound: false,
        image: null,
      },
      {
        model: 'kling-1',
        prompt: 'second',
        mode: 'text',
        durationSeconds: 10,
        aspectRatio: '1:1',
        quality: '1080p',
        seed: 7,
        sound: true,
        image: null,
      },
    ]);
    expect(result.jobs.map((job) => job.costCents)).toEqual([320, 1000]);
    expect(result.totals.totalCents).toBe(1320);
  });

  it('plans Compose’s own prompt when the list is empty', () => {
    const result = plan('');
    expect(result.jobs).toHaveLength(1);
    expect(result.jobs[0]).toMatchObject({ sourceLine: null, prompt: 'compose prompt' });
    expect(result.jobs[0]?.draft).not.toHaveProperty('seed');
  });

  it('marks jobs outside the model’s caps with the reason and keeps them out of the total', () => {
    const result = plan('prompt,duration,aspect_ratio\nok,,\nlong,12,\nsquare,,1:1\nboth,4,21:9');
    expect(result.jobs.map((job) => job.prompt)).toEqual(['ok', 'long', 'square', 'both']);
    const model = 'wan-2.6';
    expect(result.jobs.map((job) => job.problems)).toEqual([
      [],
      [{ code: 'over-cap', field: 'durationSeconds', model, value: 12, min: 5, max: 10 }],
      [{ code: 'over-cap', field: 'aspectRatio', model, value: '1:1', allowed: ['16:9', '9:16'] }],
      [
        { code: 'over-cap', field: 'durationSeconds', model, value: 4, min: 5, max: 10 },
        { code: 'over-cap', field: 'aspectRatio', model, value: '21:9', allowed: ['16:9', '9:16'] },
      ],
    ]);
    expect(result.jobs[1]?.costCents).toBe(480);
    expect(result.totals).toEqual({ count: 4, okCount: 1, totalCents: 320 });
  });

  it('marks a model nobody offers, without a price', () => {
    const result = plan('prompt,model\na,sora-9');
    expect(result.jobs[0]?.problems).toEqual([{ code: 'unknown-model', model: 'sora-9' }]);
    expect(result.jobs[0]?.costCents).toBeNull();
    expect(result.totals).toEqual({ count: 1, okCount: 0, totalCents: 0 });
  });

  it('carries a malformed row’s problems to its jobs', () => {
    const result = plan('prompt,duration\n"broken,6\nfine,six\n,5');
    expect(result.jobs.map((job) => [job.sourceLine, job.problems])).toEqual([
      [2, [{ code: 'unclosed-quote', line: 2 }]],
      [3, [{ code: 'bad-number', line: 3, field: 'durationSeconds', value: 'six' }]],
      [4, [{ code: 'empty-prompt', line: 4 }]],
    ]);
    expect(result.totals.okCount).toBe(0);
  });

  it('marks a prompt too long or left empty by its wildcards', () => {
    const result = plan(`${'x'.repeat(4001)}\n{|a}`);
    expect(result.jobs.map((job) => job.problems)).toEqual([
      [{ code: 'prompt-too-long', length: 4001, max: 4000 }],
      [{ code: 'empty-prompt', line: 2 }],
      [],
    ]);
  });

  it('keeps an unclosed brace in the prompt with a warning, and still counts the job', () => {
    const result = plan('a {fox');
    expect(result.jobs[0]).toMatchObject({
      prompt: 'a {fox',
      problems: [],
      warnings: [{ code: 'unclosed-brace', at: 2 }],
    });
    expect(result.totals.okCount).toBe(1);
  });

  it('says when a row’s wildcards were capped, with its line', () => {
    const result = plan('first\n{a|b|c} {d|e}', { wildcardLimit: 4 });
    expect(result.jobs).toHaveLength(5);
    expect(result.problems).toEqual([{ code: 'expansion-capped', line: 2, total: 6, limit: 4 }]);
  });

  it('plans at most the job limit and counts the rest', () => {
    const text = Array.from({ length: 30 }, (_, i) => `p${i} {a|b}`).join('\n');
    const result = plan(text, { jobLimit: 25, variations: 2 });
    expect(result.jobs).toHaveLength(25);
    expect(result.problems).toEqual([{ code: 'plan-capped', total: 120, limit: 25 }]);
    expect(result.totals.count).toBe(25);
  });
});

describe('planBatch: variations', () => {
  it('makes N jobs per prompt with seeds counting up from the base seed', () => {
    const result = plan('a fox\nan owl', { variations: 3, seeds: { baseSeed: 42 } });
    expect(result.jobs.map((job) => [job.prompt, job.draft.seed])).toEqual([
      ['a fox', 42],
      ['a fox', 43],
      ['a fox', 44],
      ['an owl', 42],
      ['an owl', 43],
      ['an owl', 44],
    ]);
    expect(new Set(result.jobs.map((job) => job.key)).size).toBe(6);
  });

  it('counts up from a row’s seed, or Compose’s, and lets a row set its own count', () => {
    const result = plan('prompt,seed,copies\na,10,\nb,,1\nc,,3', {
      variations: 2,
      base: { ...base, seed: 500 },
    });
    expect(result.jobs.map((job) => [job.prompt, job.draft.seed])).toEqual([
      ['a', 10],
      ['a', 11],
      ['b', 500],
      ['c', 500],
      ['c', 501],
      ['c', 502],
    ]);
  });

  it('draws distinct seeds per prompt from the random source when there is no seed', () => {
    let next = 0;
    const random = () => (next++ % 4) / 4;
    const result = plan('a\nb', { variations: 2, seeds: { random } });
    expect(result.jobs.map((job) => job.draft.seed)).toEqual([0, 2 ** 30, 2 ** 31, 3 * 2 ** 30]);
  });

  it('refuses a variation count outside 1–50 and plans one', () => {
    const result = plan('a', { variations: 51 });
    expect(result.jobs).toHaveLength(1);
    expect(result.problems).toEqual([{ code: 'bad-variations', value: 51, min: 1, max: 50 }]);
  });
});
