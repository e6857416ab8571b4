// @vitest-environment happy-dom
// The visibility check's judgement of a page's element that lets clicks through
// (`pointer-events: none`) laid over the frame (lib/content/visible.ts `frameVisible`, run as the
// background runs it in the tab). The hit test cannot see such an element; where the browser has
// no IntersectionObserver v2 (Firefox) the check looks for it itself. Happy DOM has no layout:
// the frame's box, the overlay's box and the window's hit test are given as a browser reports
// them for a frame in plain sight, so only the overlay decides.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_HEIGHT, FRAME_WIDTH } from '@/lib/content/protocol';
import { type Browser, inPlainSight, outOfSight, rect, visible } from '../helpers/frame-in-sight';

const FRAME_LEFT = 76;
const FRAME_TOP = 100;

/** Over the frame where it stands, as the page's own "Close" label would be laid. */
const OVER_FRAME = rect(FRAME_LEFT, FRAME_TOP, FRAME_WIDTH, FRAME_HEIGHT);
/** The same label elsewhere in the page, clear of the frame. */
const ELSEWHERE = rect(FRAME_LEFT + FRAME_WIDTH + 40, FRAME_TOP + 200, FRAME_WIDTH, FRAME_HEIGHT);

/**
 * A job page with the site's Save button and our frame after it, in plain sight, in a container
 * (`#holder`), and the page's `overlay` (its own markup, with an element `#label`) at `at`, or
 * over the holder's whole width where the holder is given a box.
 */
function page(
  browser: Browser,
  options: { overlay?: string; at?: DOMRect; holderStyle?: string; holderBox?: DOMRect },
) {
  document.body.innerHTML = `<main id="main"><div id="holder" style="${options.holderStyle ?? ''}"><button id="site-save">Save</button></div>${options.overlay ?? ''}</main>`;
  const anchor = document.getElementById('site-save') as HTMLElement;
  const frame = document.createElement('div');
  anchor.after(frame);
  vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(rect(8, FRAME_TOP, 60, 36));
  vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(OVER_FRAME);
  const label = document.getElementById('label');
  if (label && options.at) vi.spyOn(label, 'getBoundingClientRect').mockReturnValue(options.at);
  const holder = document.getElementById('holder') as HTMLElement;
  if (options.holderBox)
    vi.spyOn(holder, 'getBoundingClientRect').mockReturnValue(options.holderBox);
  inPlainSight(frame, anchor, browser);
  return frame;
}

afterEach(outOfSight);

const LABEL = (style: string) =>
  `<div id="label" style="position:fixed;background:#eee;z-index:2147483647;${style}">Close</div>`;

describe('in Firefox, a page element that lets clicks through', () => {
  it('an opaque label with pointer-events: none over the frame where it stands: refused', () => {
    page('firefox', { overlay: LABEL('pointer-events:none'), at: OVER_FRAME });
    expect(visible()).toBe(false);
  });

  it('the label inside a subtree with pointer-events: none (inherited): refused', () => {
    page('firefox', {
      overlay: `<div style="pointer-events:none">${LABEL('')}</div>`,
      at: OVER_FRAME,
    });
    expect(visible()).toBe(false);
  });

  it('the same label elsewhere in the page: allowed', () => {
    page('firefox', { overlay: LABEL('pointer-events:none'), at: ELSEWHERE });
    expect(visible()).toBe(true);
  });

  it("the frame's own container with pointer-events: none, over the frame's box: allowed", () => {
    page('firefox', {
      holderStyle: 'pointer-events:none',
      holderBox: rect(0, FRAME_TOP - 10, 800, FRAME_HEIGHT + 20),
    });
    expect(visible()).toBe(true);
  });

  it('the label over the frame, but display: none: allowed', () => {
    page('firefox', { overlay: LABEL('pointer-events:none;display:none'), at: OVER_FRAME });
    expect(visible()).toBe(true);
  });

  it('the label over the frame inside an element with display: none: allowed', () => {
    page('firefox', {
      overlay: `<div style="display:none">${LABEL('pointer-events:none')}</div>`,
      at: OVER_FRAME,
    });
    expect(visible()).toBe(true);
  });

  it('the label over the frame, but visibility: hidden: allowed', () => {
    page('firefox', { overlay: LABEL('pointer-events:none;visibility:hidden'), at: OVER_FRAME });
    expect(visible()).toBe(true);
  });

  it('the label over the frame inside a transparent element (opacity 0): allowed', () => {
    page('firefox', {
      overlay: `<div style="opacity:0">${LABEL('pointer-events:none')}</div>`,
      at: OVER_FRAME,
    });
    expect(visible()).toBe(true);
  });

  it('the label over the frame with no size: allowed', () => {
    page('firefox', {
      overlay: LABEL('pointer-events:none'),
      at: rect(FRAME_LEFT + 10, FRAME_TOP + 5, 0, 0),
    });
    expect(visible()).toBe(true);
  });

  it('the label in an open shadow root, over the frame: refused', () => {
    page('firefox', { overlay: '<div id="host"></div>' });
    const host = document.getElementById('host') as HTMLElement;
    const label = document.createElement('div');
    label.style.pointerEvents = 'none';
    label.textContent = 'Close';
    host.attachShadow({ mode: 'open' }).append(label);
    vi.spyOn(label, 'getBoundingClientRect').mockReturnValue(OVER_FRAME);
    expect(visible()).toBe(false);
  });
});

describe('in Chromium, IntersectionObserver v2 judges it in the frame', () => {
  it('the same label over the frame is left to it', () => {
    page('chromium', { overlay: LABEL('pointer-events:none'), at: OVER_FRAME });
    expect(visible()).toBe(true);
  });
});
