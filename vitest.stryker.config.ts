import { defineConfig } from 'vitest/config';

// The node project of vitest.config.ts, alone: every mutated file runs in Node.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['src/renderer/**', 'node_modules/**', 'test/lint/**'],
  },
});
