import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { startBackground } from '@/lib/background/handlers';
import { registerSaveTriggers } from '@/lib/background/triggers';

export default defineBackground({
  type: 'module',
  // Firefox MV2 too gets an event page, stopped when idle as MV3's worker is: the outbox is in
  // IndexedDB and alarms wake it, so a persistent page would only hold memory.
  persistent: false,
  main() {
    // Registers every listener synchronously, so that a worker woken by an event sees it.
    const background = startBackground({ browser });
    registerSaveTriggers(
      browser,
      (tabId, files) =>
        // The manifest's own content script files, so public paths by construction.
        browser.scripting.executeScript({ target: { tabId }, files: files as ScriptPublicPath[] }),
      background.saveTab,
    );
  },
});
