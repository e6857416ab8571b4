/**
 * The content script's record of its frame, in its isolated world's global (which pages cannot
 * read or write), for `frameVisible` below to find.
 */
export interface Placed {
  frame: HTMLElement;
  anchor: Element;
  /** Where the frame sat from its anchor when placed: a page that moves it changes this. */
  dx: number;
  dy: number;
}

export type PlacedSlot = { careertrackFrame?: Placed };

export function placedAt(frame: HTMLElement, anchor: Element): Placed {
  const a = anchor.getBoundingClientRect();
  const f = frame.getBoundingClientRect();
  return { frame, anchor, dx: f.left - a.left, dy: f.top - a.top };
}

/**
 * Whether the user can see the frame `frameId` where the content script put it. Run by the
 * background in the tab's top frame, in the content scripts' isolated world
 * (`scripting.executeScript` with `func`), so it is self-contained and stays out of the content
 * scripts' bundles. It reads the browser's own layout, which page scripts cannot fake for this
 * world: the frame's size, its place beside its anchor, inside the window; neither it nor an
 * ancestor transparent, filtered, transformed beyond a move, clipped, masked or blended; and the
 * frame itself what the browser hits at its centre and corners (not covered). A page's
 * `pointer-events: none` overlay escapes the hit test: Chromium's frame-side check catches that.
 */
/**
 * Tells the tab's frame to ask the background again, after a save it did not start (the shortcut,
 * the menu). Run like `frameVisible`, in the content scripts' world: Firefox does not hand the
 * background's `runtime.sendMessage` to an extension frame inside a web page. The message is a bare
 * name: a page may send it too, and only makes the frame ask what it would show anyway.
 */
export function nudgeFrame(message: string): void {
  const frame = (globalThis as PlacedSlot).careertrackFrame?.frame as HTMLIFrameElement | undefined;
  if (frame?.isConnected) frame.contentWindow?.postMessage(message, new URL(frame.src).origin);
}

export function frameVisible(frameId: number, width: number, height: number): boolean {
  const placed = (globalThis as PlacedSlot).careertrackFrame;
  const frame = placed?.frame;
  if (!frame?.isConnected || !placed?.anchor.isConnected) return false;
  // Firefox names a frame's id: a copy the page embedded itself is not ours to vouch for.
  const api = (globalThis as { browser?: { runtime?: { getFrameId?(e: Element): number } } })
    .browser;
  const idOf = api?.runtime?.getFrameId;
  if (idOf && idOf(frame) !== frameId) return false;
  const r = frame.getBoundingClientRect();
  const a = placed.anchor.getBoundingClientRect();
  const near = (x: number, y: number) => Math.abs(x - y) <= 1;
  if (!near(r.width, width) || !near(r.height, height)) return false;
  if (!near(r.left - a.left, placed.dx) || !near(r.top - a.top, placed.dy)) return false;
  // Inside the window, to the pixel (layout places it at fractions of one).
  if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1)
    return false;
  const plain: Record<string, string> = {
    opacity: '1',
    filter: 'none',
    clipPath: 'none',
    maskImage: 'none',
    mixBlendMode: 'normal',
    visibility: 'visible',
  };
  for (let node: Element | null = frame; node; ) {
    const style = getComputedStyle(node) as unknown as Record<string, string>;
    // Identity or a move (a translation); a scale, rotation or skew distorts what the user sees.
    if (!/^(none|matrix\(1, 0, 0, 1, [^,]+, [^)]+\))$/.test(style.transform ?? '')) return false;
    for (const [property, value] of Object.entries(plain))
      if ((style[property] || value) !== value) return false;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  const { left, top, right, bottom } = r;
  const points = [
    [(left + right) / 2, (top + bottom) / 2],
    [left + 2, top + 2],
    [right - 2, top + 2],
    [left + 2, bottom - 2],
    [right - 2, bottom - 2],
  ] as const;
  return points.every(([x, y]) => document.elementFromPoint(x, y) === frame);
}
