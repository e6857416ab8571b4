import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real Chromium, one browser at a time: the machine has two cores.
export default defineConfig({
  // Tests read a few constants of the code they drive (an outbox lease, the shortcut), and those
  // modules import each other by the project's `@/` paths.
  resolve: {
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }],
  },
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
