import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { InlineConfig } from 'vite';
import { defineConfig } from 'wxt';
import { buildManifest, INDEED_MATCHES, LINKEDIN_MATCHES } from './lib/manifest';

/**
 * The extension pages load their code in three files at most: their own, one the pages share, and
 * one they share with the background, built with them. Each file an extension page loads costs
 * about 25 ms before it runs in Chromium, and Vite's default split made the popup load eight (each
 * page's stylesheet now inlines the shared base too: entrypoints/popup/style.css). What only a lazy
 * import reaches (the validators, zod) stays out of the first load.
 */
function onePagesChunk(config: InlineConfig) {
  config.build ??= {};
  const output = ((config.build.rollupOptions ??= {}).output ??= {});
  if (Array.isArray(output)) return;
  output.manualChunks = (id, { getModuleInfo }) => {
    // The entries that load a module when they start: its static importers, up to the entries.
    const entries = new Set<string>();
    const seen = new Set<string>();
    const walk = (moduleId: string) => {
      if (seen.has(moduleId)) return;
      seen.add(moduleId);
      const info = getModuleInfo(moduleId);
      if (info?.isEntry) entries.add(moduleId);
      for (const importer of info?.importers ?? []) walk(importer);
    };
    walk(id);
    const pages = [...entries].filter((entry) => entry.endsWith('.html')).length;
    // Named, or Rollup would pull what the background shares with the pages into their chunk.
    if (pages > 0 && pages < entries.size) return 'common';
    return pages > 1 ? 'pages' : undefined;
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: a reader of a file sees where each name comes from.
  imports: false,
  // Terser packs the content scripts tighter than esbuild: they must stay under 24 KB all in. A third
  // pass took 158 B more off linkedin.js (24,578 to 24,420 B) when the frame and the 2026 layout met.
  vite: () => ({
    plugins: [preact()],
    build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3 } } },
  }),
  manifest: ({ browser, manifestVersion }) => buildManifest(browser, manifestVersion),
  hooks: {
    // The content scripts get the browser's own API (lib/content/browser.ts) in place of
    // webextension-polyfill, which was 9.5 KB of each; WXT's `wxt/browser` is re-pointed after the
    // polyfill module's alias, for their builds only. Every other context keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'popup')) onePagesChunk(config);
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const own = resolve(config.root ?? '.', 'lib/content/browser.ts');
      config.plugins = [
        {
          name: 'content-script-browser',
          enforce: 'pre',
          resolveId: (id) =>
            id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser'
              ? own
              : undefined,
        },
        ...(config.plugins ?? []),
      ];
    },
    // Each content script's hosts: `www.`, the bare domain and ~40 country sites. Set here rather
    // than in the entrypoint, whose definition WXT bundles: the list would cost its ~300 bytes there.
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        const file = script.js?.join(' ') ?? '';
        if (file.includes('linkedin')) script.matches = [...LINKEDIN_MATCHES];
        else if (file.includes('indeed')) script.matches = [...INDEED_MATCHES];
      }
    },
  },
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
