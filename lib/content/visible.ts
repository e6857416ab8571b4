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
 * frame itself what the browser hits at its centre and corners (not covered); where the browser
 * has no IntersectionObserver v2 (Firefox), no drawn element that lets clicks through
 * (`pointer-events: none`) over its box, which the hit test cannot see.
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
  const SVG = 'http://www.w3.org/2000/svg';
  const numbers = (value: string | null) =>
    (value ?? '')
      .trim()
      .split(/[\s,]+/)
      .map(Number);
  const attribute = (element: Element, name: string, initial: number) => {
    const value = element.getAttribute(name);
    return value === null ? initial : Number(value);
  };
  // A fraction of the element's box: "0", "-10%", "1.2", "99999".
  const fraction = (element: Element, name: string, initial: number) => {
    const value = element.getAttribute(name)?.trim();
    if (value === undefined) return initial;
    return value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
  };
  /** One channel's transfer that gives back what it is given. */
  const identityChannel = (f: Element) => {
    const type = f.getAttribute('type');
    if (type === 'identity') return true;
    if (type === 'table') return numbers(f.getAttribute('tableValues')).join() === '0,1';
    if (type === 'linear')
      return attribute(f, 'slope', 1) === 1 && attribute(f, 'intercept', 0) === 0;
    if (type === 'gamma')
      return (
        attribute(f, 'amplitude', 1) === 1 &&
        attribute(f, 'exponent', 1) === 1 &&
        attribute(f, 'offset', 0) === 0
      );
    return false;
  };
  /**
   * An SVG `<filter>` that draws the element as it is: over the whole box, every step a component
   * transfer of identities on what came before. Anything else (another primitive, an animation, a
   * borrowed `href`, a region that crops, no step at all, which hides the element) is refused.
   */
  const identityFilter = (filter: Element) => {
    if (filter.hasAttribute('href') || filter.hasAttribute('xlink:href')) return false;
    if ((filter.getAttribute('filterUnits') ?? 'objectBoundingBox') !== 'objectBoundingBox')
      return false;
    const x = fraction(filter, 'x', -0.1);
    const y = fraction(filter, 'y', -0.1);
    if (!(x <= 0 && y <= 0)) return false;
    if (!(x + fraction(filter, 'width', 1.2) >= 1 && y + fraction(filter, 'height', 1.2) >= 1))
      return false;
    const steps = [...filter.children];
    const results = new Set(['SourceGraphic']);
    return (
      steps.length > 0 &&
      steps.every((step) => {
        const input = step.getAttribute('in');
        const fine =
          step.namespaceURI === SVG &&
          step.localName.toLowerCase() === 'fecomponenttransfer' &&
          !['x', 'y', 'width', 'height'].some((name) => step.hasAttribute(name)) &&
          (input === null || results.has(input)) &&
          [...step.children].every(
            (f) =>
              f.namespaceURI === SVG &&
              /^fefunc[rgba]$/.test(f.localName.toLowerCase()) &&
              f.children.length === 0 &&
              identityChannel(f),
          );
        results.add(step.getAttribute('result') ?? '');
        return fine;
      })
    );
  };
  // Where the browser itself reports any filter that resolves (Chromium's IntersectionObserver v2,
  // which the frame consulted before this check runs: a reference that loads is a filter to it).
  const browserSeesFilters =
    typeof IntersectionObserver === 'function' &&
    'trackVisibility' in IntersectionObserver.prototype;
  /**
   * Whether a computed `filter` draws `node` unchanged, judged by what browsers draw (Filter
   * Effects 1): a `url()` to nothing, or to an element that is not a `<filter>`, applies no filter;
   * one to an identity `<filter>` (the "off" state of Google's High Contrast extension) gives the
   * same pixels. A reference to another document (an address that differs from the page's, as
   * that extension's absolute ones do once the site changes its address) cannot be read from
   * here: only a browser that reports it itself lets it pass. Any filter function is refused,
   * even beside a `url()` to nothing (Chromium still draws the function).
   */
  const drawsNothing = (filter: string, node: Element) => {
    if (filter === 'none') return true;
    const references: string[] = [];
    const rest = filter.replace(
      /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^"'()\s]*))\s*\)/g,
      (_, double?: string, single?: string, bare?: string) => {
        references.push((double ?? single ?? bare ?? '').replace(/\\(.)/g, '$1'));
        return ' ';
      },
    );
    if (rest.trim() !== '') return false;
    const page = new URL(document.URL);
    page.hash = '';
    return references.every((reference) => {
      let target: URL;
      try {
        target = new URL(reference, document.baseURI);
      } catch {
        return false;
      }
      const targetPage = new URL(target.href);
      targetPage.hash = '';
      if (!reference.startsWith('#') && targetPage.href !== page.href)
        return browserSeesFilters && /^https?:$/.test(target.protocol);
      const fragment = target.hash.slice(1);
      let decoded: string;
      try {
        decoded = decodeURIComponent(fragment);
      } catch {
        return false;
      }
      // Looked up as written and decoded, in the element's own tree and the document's alike:
      // whichever the browser uses, it finds nothing that changes the frame.
      const scopes = new Set([node.getRootNode() as Document | ShadowRoot, document]);
      return [...scopes].every((scope) =>
        [fragment, decoded].every((id) => {
          const element = scope.getElementById?.(id);
          if (!element || element.namespaceURI !== SVG || element.localName !== 'filter')
            return true;
          return identityFilter(element);
        }),
      );
    });
  };
  const plain: Record<string, string> = {
    opacity: '1',
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
    if (!drawsNothing(style.filter || 'none', node)) return false;
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
  if (!points.every(([x, y]) => document.elementFromPoint(x, y) === frame)) return false;
  if (browserSeesFilters) return true;
  // The hit test cannot see an element with `pointer-events: none` (inherited: also one inside
  // such a subtree), which a page may lay over the frame where it stands, its own opaque label or
  // an ad. Chromium's IntersectionObserver v2 sees it; here, any such element that is drawn and
  // meets the frame's box refuses the click (one that lets clicks land and is drawn after the
  // frame was caught above). Boxes first, styles only where they meet: it runs on each click.
  const holders = new Set<Element>();
  for (let node: Element | null = frame; node; ) {
    holders.add(node);
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  const meets = (box: DOMRect) =>
    box.width > 0 &&
    box.height > 0 &&
    box.left < right &&
    box.right > left &&
    box.top < bottom &&
    box.bottom > top;
  /** Drawn at all: visible itself, and neither it nor an element it is drawn inside left out or
   * transparent (a browser gives an undisplayed element no box; this does not rely on it). */
  const drawn = (element: Element, style: CSSStyleDeclaration) => {
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    for (let node: Element | null = element; node; ) {
      const own = getComputedStyle(node);
      if (own.display === 'none' || Number.parseFloat(own.opacity) === 0) return false;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    return true;
  };
  /** It or an element it is drawn inside has `pointer-events: none` (a descendant that takes
   * clicks again and covers the frame is what the hit test finds). */
  const letsClicksThrough = (element: Element) => {
    for (let node: Element | null = element; node && !holders.has(node); ) {
      if (getComputedStyle(node).pointerEvents === 'none') return true;
      node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
    }
    return false;
  };
  // The document and every open shadow root in it (a tree walker does not enter them).
  const roots: Node[] = [document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (
      let node = walker.nextNode() as Element | null;
      node;
      node = walker.nextNode() as Element | null
    ) {
      if (node.shadowRoot) roots.push(node.shadowRoot);
      if (holders.has(node) || !meets(node.getBoundingClientRect())) continue;
      const style = getComputedStyle(node);
      if (letsClicksThrough(node) && drawn(node, style)) return false;
    }
  }
  return true;
}
