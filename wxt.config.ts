import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { buildManifest } from './lib/manifest';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: a reader of a file sees where each name comes from.
  imports: false,
  // Terser packs the content scripts tighter than esbuild: they must stay under 24 KB all in.
  vite: () => ({
    plugins: [preact()],
    build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 2 } } },
  }),
  manifest: ({ browser, manifestVersion }) => buildManifest(browser, manifestVersion),
  zip: {
    // Firefox ships as MV2 and MV3 from the same version: the names must not collide.
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    // A dev build's maps must never reach a store.
    exclude: ['**/*.map'],
    // What AMO's reviewers need to rebuild the package (README "Build from source"), nothing more:
    // WXT already leaves out node_modules, .output, hidden files and *.test.* files.
    excludeSources: [
      'test/**',
      'bench/**',
      'docs/**',
      'data/**',
      'scripts/**',
      'dist/**',
      'vitest.*.ts',
    ],
  },
});
