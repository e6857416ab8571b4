import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { buildManifest } from './lib/manifest';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: a reader of a file sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => buildManifest(browser, manifestVersion),
});
