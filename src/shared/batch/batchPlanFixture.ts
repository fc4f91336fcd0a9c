import type { ModelInfo } from '../rules';
import { planBatch, type BatchDefaults, type BatchInput } from './batchPlan';
import { parsePromptList } from './promptList';

/** The models and Compose values the batch plan tests start from. */
export const wan: ModelInfo = {
  id: 'wan-2.6',
  caps: {
    aspect_ratios: ['16:9', '9:16'],
    qualities: ['720p'],
    min_duration_s: 5,
    max_duration_s: 10,
    modes: ['text', 'image'],
    price_per_second_cents: 40,
  },
};
export const kling: ModelInfo = {
  id: 'kling-1',
  caps: {
    aspect_ratios: ['16:9', '1:1'],
    qualities: ['720p', '1080p'],
    min_duration_s: 5,
    max_duration_s: 10,
    modes: ['text', 'image', 'reference'],
    price_per_second_cents: 100,
  },
};
export const base: BatchDefaults = {
  model: 'wan-2.6',
  prompt: 'compose prompt',
  mode: 'text',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '720p',
};

/** Plans `text` (a prompt list) with the two models, text mode unless `more` says otherwise. */
export const plan = (text: string, more: Partial<BatchInput> = {}) =>
  planBatch({
    rows: parsePromptList(text).rows,
    images: [],
    pairing: 'none',
    base,
    models: [wan, kling],
    ...more,
  });
