/** Compose: prompt, model, parameters, images, cost, Generate. */
export const compose = {
  generate: 'Generate',
  copies_one: '{{count}} copy',
  copies_other: '{{count}} copies',
} as const;
