import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

type Slot = { careertrackStop?: () => void };
/** WXT's own name for the event (private in its types, public at run time). */
const STARTED = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;

/**
 * One live copy of this script per page, decided where the page cannot reach. WXT stops an older
 * copy when a newer one dispatches a DOM event on `document`, and a page can dispatch it too (a
 * denial of service). While this extension is alive, that event is stopped before WXT's listener
 * sees it; a newer copy stops the older one through this isolated world's global, which pages
 * cannot read or write. An orphaned copy (its extension updated) still steps aside through WXT.
 */
export function keepSingleCopy(ctx: ContentScriptContext): void {
  window.addEventListener(
    STARTED,
    (event) => {
      if (browser.runtime?.id) event.stopImmediatePropagation();
    },
    { capture: true, signal: ctx.signal },
  );
  const slot = globalThis as Slot;
  slot.careertrackStop?.();
  slot.careertrackStop = () => ctx.notifyInvalidated();
}
