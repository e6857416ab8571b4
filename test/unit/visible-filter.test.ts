// @vitest-environment happy-dom
// The visibility check's judgement of CSS `filter` (lib/content/visible.ts `frameVisible`, run as the
// background runs it in the tab): a filter is judged by what it draws. The pages here are
// synthetic, each reproducing one trait of a real page of the corpus in a few lines. Happy DOM has
// no layout: the frame's box, the window's hit test and an unset `transform` are given as Chromium
// reports them for a frame in plain sight, so only the filter decides.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_HEIGHT, FRAME_WIDTH } from '@/lib/content/protocol';
import { type Browser, inPlainSight, outOfSight, rect, visible } from '../helpers/frame-in-sight';

/**
 * What Google's High Contrast extension leaves in a page in its "off" state (as in the corpus's
 * signed-in LinkedIn pages): hidden SVG filters, the "off" one an identity table per channel.
 */
const HIGH_CONTRAST_DEFS = `<span id="hc_extension_svg_filters" hidden><svg xmlns="http://www.w3.org/2000/svg" version="1.1"><defs>
<filter x="0" y="0" width="99999" height="99999" id="hc_extension_off"><feComponentTransfer><feFuncR type="table" tableValues="0 1"></feFuncR><feFuncG type="table" tableValues="0 1"></feFuncG><feFuncB type="table" tableValues="0 1"></feFuncB></feComponentTransfer></filter>
<filter x="0" y="0" width="99999" height="99999" id="hc_extension_invert"><feComponentTransfer><feFuncR type="gamma" amplitude="-1" exponent="3" offset="1"></feFuncR></feComponentTransfer></filter>
</defs></svg></span>`;

/** Filters a page could use to hide or disguise the button, beside the High Contrast ones. */
const ATTACK_DEFS = `<svg width="0" height="0" style="position:absolute"><defs>
<filter id="transparent"><feComponentTransfer><feFuncA type="table" tableValues="0 0"></feFuncA></feComponentTransfer></filter>
<filter id="blurred"><feGaussianBlur stdDeviation="4"></feGaussianBlur></filter>
<filter id="cropped" x="0" y="0" width="0.5" height="1"><feComponentTransfer><feFuncR type="identity"></feFuncR></feComponentTransfer></filter>
<filter id="cropped-left" x="50%" y="0" width="9" height="9"><feComponentTransfer><feFuncR type="identity"></feFuncR></feComponentTransfer></filter>
<filter id="cropped-step"><feComponentTransfer width="10"><feFuncR type="identity"></feFuncR></feComponentTransfer></filter>
<filter id="empty"></filter>
<filter id="stepped"><feComponentTransfer><feFuncR type="discrete" tableValues="0 1"></feFuncR></feComponentTransfer></filter>
<filter id="animated"><feComponentTransfer><feFuncA type="identity"><animate attributeName="type" to="discrete" begin="1s"></animate></feFuncA></feComponentTransfer></filter>
<filter id="alpha-only"><feComponentTransfer in="SourceAlpha"><feFuncR type="identity"></feFuncR></feComponentTransfer></filter>
<filter id="borrowed" href="#cropped"><feComponentTransfer><feFuncR type="identity"></feFuncR></feComponentTransfer></filter>
<filter id="user-space" filterUnits="userSpaceOnUse"><feComponentTransfer><feFuncR type="identity"></feFuncR></feComponentTransfer></filter>
</defs></svg>`;

const HIDING_SVG = encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg"><filter id="f"><feComponentTransfer><feFuncA type="table" tableValues="0 0"/></feComponentTransfer></filter></svg>',
);

/**
 * A page at `url` whose `<html>` has `filter`, our frame placed after the site's Save button, in
 * plain sight. In 'chromium' the browser reports resolved filters itself (IntersectionObserver
 * v2's `trackVisibility`); in 'firefox' it does not.
 */
function page(url: string, filter: string, browser: Browser): HTMLElement {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = `${HIGH_CONTRAST_DEFS}${ATTACK_DEFS}<main id="main"><button id="site-save">Save</button></main>`;
  document.documentElement.style.setProperty('filter', filter);
  const anchor = document.getElementById('site-save') as HTMLElement;
  // The frame's element (an iframe in the extension; Happy DOM would try to load one).
  const frame = document.createElement('div');
  anchor.after(frame);
  vi.spyOn(anchor, 'getBoundingClientRect').mockReturnValue(rect(8, 100, 60, 36));
  vi.spyOn(frame, 'getBoundingClientRect').mockReturnValue(
    rect(76, 100, FRAME_WIDTH, FRAME_HEIGHT),
  );
  inPlainSight(frame, anchor, browser);
  return frame;
}

afterEach(() => {
  outOfSight();
  document.documentElement.style.removeProperty('filter');
});

const BROWSERS: Browser[] = ['chromium', 'firefox'];
const SEARCH = 'https://www.linkedin.com/jobs/search/?currentJobId=4195315723&location=New%20York';

describe('a frame in plain sight, under filters that draw nothing', () => {
  it.each(BROWSERS)('no filter at all (%s)', (browser) => {
    page(SEARCH, 'none', browser);
    expect(visible()).toBe(true);
  });

  // Synthetic, after signed-in-recommended-outlier: High Contrast's "off" filter, by an absolute
  // address that is the page's own (the address it was opened at): an identity, same pixels.
  it.each(BROWSERS)("High Contrast's identity filter by the page's own address (%s)", (browser) => {
    page(SEARCH, `url("${SEARCH}#hc_extension_off")`, browser);
    expect(visible()).toBe(true);
  });

  it.each(BROWSERS)('the same filter by a bare fragment (%s)', (browser) => {
    page(SEARCH, 'url(#hc_extension_off)', browser);
    expect(visible()).toBe(true);
  });

  it.each(BROWSERS)('a reference to no element, or to one that is no filter (%s)', (browser) => {
    page(SEARCH, 'url(#nothing-here) url(#main)', browser);
    expect(visible()).toBe(true);
  });

  // Synthetic, after signed-in-search-caldwell: the filter names the address High Contrast saw
  // ("New+York"), not the one the page has now ("New%20York"): another document, which Chromium
  // fetches, finds no filter in, and draws nothing for (its IntersectionObserver v2 reports a
  // filter that does resolve, so the frame's own check would have refused one).
  it("the filter by an address that is no longer the page's, where the browser reports filters itself (chromium)", () => {
    page(
      SEARCH,
      'url("https://www.linkedin.com/jobs/search/?currentJobId=4195315723&location=New+York#hc_extension_off")',
      'chromium',
    );
    expect(visible()).toBe(true);
  });
});

describe('filters that hide or change the frame are refused', () => {
  it("another document's filter where nothing else judges it (firefox)", () => {
    page(
      SEARCH,
      'url("https://www.linkedin.com/jobs/search/?currentJobId=4195315723&location=New+York#hc_extension_off")',
      'firefox',
    );
    expect(visible()).toBe(false);
  });

  const refused: Array<[string, string]> = [
    ['transparent (alpha to 0)', 'url(#transparent)'],
    ['blurred', 'url(#blurred)'],
    ['cropped by its region', 'url(#cropped)'],
    ['cropped by a region that starts halfway', 'url(#cropped-left)'],
    ["cropped by a step's region", 'url(#cropped-step)'],
    ['an empty filter (draws nothing at all)', 'url(#empty)'],
    ['a step function', 'url(#stepped)'],
    ['an identity that an animation changes', 'url(#animated)'],
    ['an identity of the alpha channel alone', 'url(#alpha-only)'],
    ["an identity borrowing another filter's cropping region", 'url(#borrowed)'],
    ['a region in user space', 'url(#user-space)'],
    ["High Contrast's inverting filter", 'url(#hc_extension_invert)'],
    ['an identity beside a hiding one', 'url(#hc_extension_off) url(#transparent)'],
    ['a function beside a reference to nothing', 'url(#nothing-here) opacity(0)'],
    ['a function alone', 'opacity(0.1)'],
    ['a blur of nothing', 'blur(0px)'],
    ['a filter inlined as a data: address', `url("data:image/svg+xml,${HIDING_SVG}#f")`],
  ];
  for (const browser of BROWSERS)
    it.each(refused)(`%s (${browser})`, (_, filter) => {
      page(SEARCH, filter, browser);
      expect(visible()).toBe(false);
    });
});
