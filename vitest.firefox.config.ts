import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The unit tests that reach the extension's APIs, the background, the outbox and the pages, run
 * again as Firefox's MV2 event page meets them: `import.meta.env.BROWSER` is 'firefox',
 * `MANIFEST_VERSION` 2, and the fake browser has `browserAction` where Chrome has `action`.
 * Picked by content, so a new test that drives the fake browser joins without a list to keep.
 */
const UNIT = 'test/unit';
const ALWAYS = ['outbox.test.ts', 'sync.test.ts', 'manifest-firefox.test.ts'];
const touchesBrowser = (file: string) =>
  ALWAYS.includes(file) ||
  /fakeBrowser|wxt\/browser/.test(readFileSync(join(import.meta.dirname, UNIT, file), 'utf8'));

export default defineConfig({
  plugins: [WxtVitest({ browser: 'firefox', manifestVersion: 2 })],
  // WXT's plugin defines these from a Vite hook, and under Vitest 4 they come out undefined: the
  // project states the ones that tell Firefox MV2 apart. Vitest keeps import.meta.env in
  // process.env, so they read as strings; a `false` would be the truthy "false" and is left out.
  define: {
    'import.meta.env.BROWSER': JSON.stringify('firefox'),
    'import.meta.env.FIREFOX': 'true',
    'import.meta.env.MANIFEST_VERSION': '2',
  },
  test: {
    include: readdirSync(join(import.meta.dirname, UNIT))
      .filter((file) => /\.test\.tsx?$/.test(file) && touchesBrowser(file))
      .map((file) => `${UNIT}/${file}`),
    setupFiles: ['test/setup.ts', 'test/setup-firefox.ts'],
    restoreMocks: true,
  },
});
