import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Calls `check` (true: the button is in place) soon after the address changes (pushState, history
 * navigation) and while the job's pane re-renders: at most every 150 ms, until the pane has been
 * still for 2 s with the button in place, 30 s at most. Between changes nothing observes and no
 * timer runs: the page pays for this only while its job changes.
 */
export function watchJob(ctx: ContentScriptContext, scope: () => Node, check: () => boolean): void {
  let observer: MutationObserver | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let until = 0;
  let placed = false;
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(quiet);
    clearTimeout(pending);
    pending = undefined;
  };
  const soon = () => {
    if (Date.now() > until) return stop();
    pending ??= setTimeout(() => {
      pending = undefined;
      placed = check();
    }, 150);
    clearTimeout(quiet);
    quiet = setTimeout(() => placed && stop(), 2000);
  };
  const wake = () => {
    stop();
    until = Date.now() + 30_000;
    observer = new MutationObserver(soon);
    observer.observe(scope(), { childList: true, subtree: true });
    soon();
  };
  // WXT's watcher: the Navigation API where there is one (its event comes before the address
  // changes, hence the delayed check), else a once-a-second comparison of the address.
  ctx.addEventListener(window, 'wxt:locationchange', wake);
  ctx.onInvalidated(stop);
  wake();
}
