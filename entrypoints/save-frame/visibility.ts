/**
 * Chromium's IntersectionObserver v2 judges this frame as the user sees it inside the page that
 * embeds it: transparent, filtered, transformed (beyond a move) or covered by anything, even
 * content the page lets clicks through, reads as not visible. Firefox has no `trackVisibility`:
 * there `visibleFor` answers null and the content script's check is the only one (docs/in-page-ui.md).
 */
const DELAY_MS = 100;
const MOSTLY = 0.97;

export interface VisibilityWatch {
  /** How long the frame has been visible without a break, in ms; null where the browser cannot tell. */
  visibleFor(): number | null;
}

export function watchVisibility(target: Element): VisibilityWatch {
  let since: number | undefined;
  let supported = false;
  try {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const unoccluded = (entry as { isVisible?: boolean }).isVisible;
          if (unoccluded === undefined) return;
          supported = true;
          // Whole, give or take the fraction of a pixel layout leaves at the window's edge.
          const visible = unoccluded && entry.intersectionRatio >= MOSTLY;
          since = visible ? (since ?? entry.time) : undefined;
        }
      },
      // `trackVisibility` needs a delay of 100 ms or more; other browsers ignore both keys.
      {
        threshold: [0, MOSTLY],
        trackVisibility: true,
        delay: DELAY_MS,
      } as IntersectionObserverInit,
    );
    observer.observe(target);
    supported = 'trackVisibility' in observer;
  } catch {
    supported = false;
  }
  return {
    visibleFor: () => (supported ? (since === undefined ? 0 : performance.now() - since) : null),
  };
}
