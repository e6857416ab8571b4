import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createFrame, pin } from './frame';
import { watchJob } from './navigation';
import { type Placement, paneOf, spotOf } from './place';
import { type PlacedSlot, placedAt } from './visible';

export interface OneClickSite extends Placement {
  /** The job the address names (`linkedin:<id>`, `indeed:<jk>`), read again at every use. */
  key(url: URL): string | undefined;
}

/**
 * Keeps the in-page button's frame beside the job on screen, following single-page navigation.
 * It neither knows nor shows what the user saved: the frame asks the background itself. Where it
 * put the frame is kept for the background's visibility check (lib/content/visible.ts).
 */
export function mountSaveFrame(ctx: ContentScriptContext, site: OneClickSite): void {
  const frame = createFrame();
  const slot = globalThis as PlacedSlot;
  let at = '';

  // True once placed, or when the address names no job (nothing to place).
  const sync = (): boolean => {
    const id = site.key(new URL(location.href))?.split(':')[1];
    if (!id) {
      frame.remove();
      return true;
    }
    const spot = spotOf(site, id);
    if (!spot) return false;
    const [anchor, where] = spot;
    if (!frame.isConnected || slot.careertrackFrame?.anchor !== anchor || at !== where) {
      pin(frame, where === 'afterbegin');
      anchor.insertAdjacentElement(where, frame);
      at = where;
      slot.careertrackFrame = placedAt(frame, anchor);
    }
    return true;
  };

  ctx.onInvalidated(() => {
    frame.remove();
    slot.careertrackFrame = undefined;
  });
  watchJob(ctx, () => paneOf(site) ?? document.body, sync);
}
