import type { browser as Browser } from 'wxt/browser';

/**
 * The extension API as the content scripts' bundles get it: wxt.config.ts points `wxt/browser`
 * here for them (and for WXT's own content-script context), instead of webextension-polyfill,
 * 9.5 KB of each script. They use only what both browsers do alike without it: `runtime.id`,
 * `runtime.getURL`, `runtime.sendMessage` (a promise in Chrome's MV3 and in Firefox),
 * `runtime.onMessage` answered through `sendResponse`, never by a returned promise (Chrome has
 * no such answer). Chosen when built, not by probing globals: a page's `<form id="browser">` is
 * a global of this world too, where Chrome defines no `browser` of its own.
 */
const globals = globalThis as unknown as { browser: typeof Browser; chrome: typeof Browser };

export const browser: typeof Browser = import.meta.env.FIREFOX ? globals.browser : globals.chrome;
