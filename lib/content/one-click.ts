import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { JobDraft } from '@/lib/extract/types';
import { createButton, IDLE } from './button';
import { watchJob } from './navigation';
import { type Placement, paneOf, spotOf } from './place';
import { type ButtonState, CLIP_LOOKUP, CLIP_SAVE } from './protocol';

export interface OneClickSite extends Placement {
  /** The job the address names (`linkedin:<id>`, `indeed:<jk>`), read again at every use. */
  key(url: URL): string | undefined;
  extract(document: Document, url: URL): JobDraft;
}

const SAVING_TEXT = 'Saving…';
const SAVING: ButtonState = { text: SAVING_TEXT, title: SAVING_TEXT };
const FAILED: ButtonState = { text: 'Not saved', title: 'Try again' };

/**
 * The in-page Save button: placed beside the site's buttons for the job on screen, following
 * single-page navigation. Returns `run`, what a click does (also for the shortcut and the context
 * menu): false when the page names no job. The job is read at that moment, never remembered.
 */
export function mountSaveButton(ctx: ContentScriptContext, site: OneClickSite): () => boolean {
  let shown: string | undefined; // the job the button's state is about
  let busy = false;
  let at: Element | undefined;
  const ui = createButton((event) => event.isTrusted && run());
  const here = () => new URL(location.href);
  const jobNow = () => site.key(here());

  // Orphaned by an update, the browser throws "Extension context invalidated": go quiet.
  const ask = async (message: object): Promise<ButtonState | undefined> => {
    try {
      return await browser.runtime.sendMessage(message);
    } catch {
      void ctx.isInvalid;
    }
  };

  // The job now on screen: a new one starts from Idle (then its history), and the button goes to
  // the site's spot. True once placed, or when there is no job to place it for.
  const sync = (): boolean => {
    const job = jobNow();
    if (job !== shown) {
      shown = job;
      ui.show(IDLE);
      if (job)
        void ask({ type: CLIP_LOOKUP, jobKey: job }).then((saved) => {
          if (saved?.text && shown === job && !busy) ui.show(saved);
        });
    }
    const spot = job && spotOf(site);
    if (!spot) {
      if (!job) ui.host.remove();
      return !job;
    }
    if (!ui.host.isConnected || spot[0] !== at) spot[0].insertAdjacentElement(spot[1], ui.host);
    at = spot[0];
    return true;
  };

  const run = (): boolean => {
    const job = jobNow();
    if (!job || busy || ctx.isInvalid) return !!job;
    sync();
    busy = ui.button.disabled = true;
    ui.show(SAVING);
    void ask({ type: CLIP_SAVE, draft: site.extract(document, here()) }).then((answer) => {
      busy = ui.button.disabled = false;
      if (shown === job) ui.show(answer?.text ? answer : FAILED);
    });
    return true;
  };

  ctx.onInvalidated(() => ui.host.remove());
  watchJob(ctx, () => paneOf(site) ?? document.body, sync);
  return run;
}
