/**
 * The in-page frame in plain sight, for unit tests of `frameVisible` (lib/content/visible.ts) in
 * Happy DOM, which has no layout: the window's hit test finds the frame, an unset `transform` reads
 * as Chromium reports it, and the browser is Chromium (IntersectionObserver v2, here reporting
 * nothing) or Firefox (which names our frame's id). Each test then adds the one trait it judges.
 */
import { vi } from 'vitest';
import { FRAME_HEIGHT, FRAME_WIDTH } from '@/lib/content/protocol';
import { frameVisible, type PlacedSlot, placedAt } from '@/lib/content/visible';

export type Browser = 'chromium' | 'firefox';

export const FRAME_ID = 7;

export const rect = (left: number, top: number, width: number, height: number) =>
  ({
    left,
    top,
    right: left + width,
    bottom: top + height,
    width,
    height,
    x: left,
    y: top,
  }) as DOMRect;

/** `frame`, placed after `anchor`, as the browser reports a frame nothing covers. */
export function inPlainSight(frame: HTMLElement, anchor: HTMLElement, browser: Browser): void {
  // The hit test does not see an element that lets clicks through: it finds the frame.
  vi.spyOn(document, 'elementFromPoint').mockReturnValue(frame);
  const computed = window.getComputedStyle.bind(window);
  vi.spyOn(window, 'getComputedStyle').mockImplementation((element) => {
    const style = computed(element);
    return new Proxy(style, {
      get: (target, key) =>
        key === 'transform' ? target.transform || 'none' : Reflect.get(target, key),
    });
  });
  // Firefox names the frame's id (it is ours); Chromium has no such API.
  vi.stubGlobal('browser', {
    runtime: browser === 'firefox' ? { getFrameId: () => FRAME_ID } : {},
  });
  if (browser === 'chromium')
    Object.defineProperty(IntersectionObserver.prototype, 'trackVisibility', {
      configurable: true,
      get: () => false,
    });
  (globalThis as PlacedSlot).careertrackFrame = placedAt(frame, anchor);
}

/** Undoes `inPlainSight`, for `afterEach`. */
export function outOfSight(): void {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  delete (IntersectionObserver.prototype as { trackVisibility?: boolean }).trackVisibility;
  (globalThis as PlacedSlot).careertrackFrame = undefined;
}

export const visible = () => frameVisible(FRAME_ID, FRAME_WIDTH, FRAME_HEIGHT);
