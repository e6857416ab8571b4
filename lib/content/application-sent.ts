import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { APPLICATION_SENT } from './protocol';

/**
 * How long after the user's own click or key press a confirmation still counts: Easy Apply shows
 * it once LinkedIn has taken the application, seconds after the click on "Submit application".
 */
export const AFTER_INPUT_MS = 30_000;

const DIALOGS = '[role="dialog"],[role="alertdialog"],dialog';

/** A dialog's accessible name: `aria-labelledby`'s elements, else `aria-label`, else its heading. */
export function dialogName(dialog: Element): string {
  const ids = dialog.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const root = dialog.getRootNode() as Document | ShadowRoot;
  const labelled = ids.map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ');
  const name =
    labelled.trim() ||
    dialog.getAttribute('aria-label') ||
    dialog.querySelector('h1,h2,h3')?.textContent ||
    '';
  return name.replace(/\s+/g, ' ').trim();
}

/**
 * Watches the page for a site's "application sent" confirmation, a dialog the site adds after the
 * user submits, and tells the background once per dialog; the background decides, from the tab's
 * own address, which job that is and what to do (lib/background/clip-handlers.ts). Only added
 * nodes are looked at, never the whole document on a change; a dialog counts when its accessible
 * name says so, it is shown, the address names a job, and the user clicked or typed in the page
 * within `AFTER_INPUT_MS` (a page's script cannot make such an event, only show a dialog).
 */
export function watchApplicationSent(
  ctx: ContentScriptContext,
  isConfirmation: (name: string) => boolean,
  namesJob: (url: URL) => boolean,
): void {
  let lastInput = Number.NEGATIVE_INFINITY;
  const told = new WeakSet<Element>();
  const input = (event: Event) => {
    if (event.isTrusted) lastInput = performance.now();
  };
  ctx.addEventListener(window, 'click', input, { capture: true });
  ctx.addEventListener(window, 'keydown', input, { capture: true });

  const consider = (dialog: Element) => {
    if (told.has(dialog) || performance.now() - lastInput > AFTER_INPUT_MS) return;
    if (!isConfirmation(dialogName(dialog))) return;
    const check = (dialog as { checkVisibility?: () => boolean }).checkVisibility;
    if (typeof check === 'function' && !check.call(dialog)) return;
    if (!namesJob(new URL(location.href))) return;
    told.add(dialog);
    // A bare notice: no answer is awaited, and none would tell the page anything.
    browser.runtime.sendMessage({ type: APPLICATION_SENT })?.catch(() => {});
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const element = node instanceof Element ? node : node.parentElement;
        if (!element) continue;
        const dialog = element.closest(DIALOGS) ?? element.querySelector(DIALOGS);
        if (dialog) consider(dialog);
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
