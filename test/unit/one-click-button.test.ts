// @vitest-environment happy-dom
// The in-page button's frame as a content script places it: WXT's content-script context, its
// location watcher, WXT's fake browser, the synthetic LinkedIn and Indeed pages of test/pages as
// the DOM. Where the frame goes, that it is the same element whatever the user saved, and that
// the page cannot silence the script through WXT's start-up event.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { indeedPlace } from '@/lib/content/indeed-place';
import { linkedInPlace } from '@/lib/content/linkedin-place';
import { mountSaveFrame } from '@/lib/content/one-click';
import type { Placement } from '@/lib/content/place';
import { FRAME_HEIGHT, FRAME_WIDTH } from '@/lib/content/protocol';
import { keepSingleCopy } from '@/lib/content/single-copy';
import type { PlacedSlot } from '@/lib/content/visible';
import { indeed } from '@/lib/extract/indeed';
import { linkedin } from '@/lib/extract/linkedin';
import type { SiteExtractor } from '@/lib/extract/types';

const PAGES = join(import.meta.dirname, '../pages');
const FRAME = 'iframe[src$="/save-frame.html"]';

let contexts: ContentScriptContext[] = [];

function load(page: string, url: string, edit: (html: string) => string = (html) => html) {
  const html = edit(readFileSync(join(PAGES, page), 'utf8'));
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    html,
    'text/html',
  ).documentElement.innerHTML;
}

function mount(site: SiteExtractor, place: Placement) {
  const ctx = new ContentScriptContext('test');
  contexts.push(ctx);
  keepSingleCopy(ctx);
  mountSaveFrame(ctx, { ...place, key: (url) => site.address?.(url)?.key });
  return ctx;
}

const frames = () => [...document.querySelectorAll(FRAME)] as HTMLIFrameElement[];
const frame = () => frames()[0];
const placed = () => vi.waitFor(() => expect(frame()?.isConnected).toBe(true));

/** What a site does when another job is picked: a new address, the pane rendered afresh. */
function openAnotherJob(url: string, page: string, pane: string, edits: [string, string][]) {
  history.pushState(null, '', url);
  const fresh = new DOMParser().parseFromString(
    readFileSync(join(PAGES, page), 'utf8'),
    'text/html',
  );
  let html = fresh.querySelector(pane)?.innerHTML ?? '';
  for (const [from, to] of edits) html = html.replaceAll(from, to);
  const element = document.querySelector(pane);
  if (!element) throw new Error(`no ${pane} on the page`);
  element.innerHTML = html;
}

afterEach(() => {
  for (const ctx of contexts) ctx.abort();
  contexts = [];
  (globalThis as { careertrackStop?: unknown }).careertrackStop = undefined;
  document.documentElement.innerHTML = '<head></head><body></body>';
});

const LINKEDIN_2026 = 'https://www.linkedin.com/jobs/search-results/?currentJobId=4500000002';

describe('where the frame goes, on every layout known', () => {
  it("LinkedIn 2026 (hashed classes, no <h1>): after the pane's own Save, found by its accessible name", async () => {
    load('button-linkedin-2026.html', LINKEDIN_2026);
    mount(linkedin, linkedInPlace);
    await placed();
    // Not the Save of a list card (outside the job's details), not the Dismiss buttons.
    expect(frame()?.previousElementSibling?.getAttribute('aria-label')).toBe(
      'Save the job Staff Engineer at Acme Corp',
    );
    expect(frame()?.closest('[data-sdui-screen]')).not.toBeNull();
  });

  it('LinkedIn 2026 without a Save: after Apply; without either: after the link to the job', async () => {
    const noSave = (html: string) => html.replace(/<button class="a7b8c9d0"[^]*?<\/button>/, '');
    load('button-linkedin-2026.html', LINKEDIN_2026, noSave);
    const first = mount(linkedin, linkedInPlace);
    await placed();
    expect(frame()?.previousElementSibling?.getAttribute('aria-label')).toBe(
      'Apply on company website',
    );
    first.abort();
    load('button-linkedin-2026.html', LINKEDIN_2026, (html) =>
      noSave(html).replace(/<a class="f3a4b5c6"[^]*?<\/a>/, ''),
    );
    mount(linkedin, linkedInPlace);
    await placed();
    // The title is the link to /jobs/view/<id>/; the frame follows its line.
    expect(frame()?.previousElementSibling?.querySelector('a')?.getAttribute('href')).toBe(
      'https://www.linkedin.com/jobs/view/4500000002/',
    );
  });

  it("LinkedIn 2026 with nothing to sit beside: pinned to the job pane's corner", async () => {
    load('button-linkedin-2026.html', LINKEDIN_2026, (html) =>
      html
        .replace(/<div class="e9f0a1b2">[^]*?<\/div>/, '')
        .replace(/<p class="e7f8a9b0">[^]*?<\/p>/, '')
        .replace(/<h2[^>]*>[^<]*<\/h2>/g, ''),
    );
    mount(linkedin, linkedInPlace);
    await placed();
    const pane = document.querySelector('[data-sdui-screen]');
    expect(frame()?.parentElement).toBe(pane);
    expect(pane?.firstElementChild).toBe(frame());
    expect(frame()?.style.float).toBe('right');
  });

  it("LinkedIn's job view: after the site's Save (its name read without the aria-hidden copy)", async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await placed();
    expect(frame()?.previousElementSibling?.classList.contains('jobs-save-button')).toBe(true);
  });

  it("LinkedIn's search pane without a Save: after the title's heading", async () => {
    load(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    expect(frame()?.previousElementSibling?.localName).toBe('h1');
    expect(frame()?.previousElementSibling?.textContent).toBe('Backend Engineer (Go)');
  });

  it("Indeed's search pane: after the job's title", async () => {
    load(
      'indeed-search-third.html',
      'https://uk.indeed.com/jobs?q=data+engineer&l=Leeds&vjk=5555eeee6666ffff',
    );
    mount(indeed, indeedPlace);
    await placed();
    expect(frame()?.previousElementSibling?.getAttribute('data-testid')).toBe(
      'jobsearch-JobInfoHeader-title',
    );
  });

  it('a layout never seen: pinned to the corner of <main>, never missing', async () => {
    load(
      'linkedin-job-view.html',
      'https://www.linkedin.com/jobs/view/4400000099/',
      () => '<!doctype html><html><body><main><div>Something new</div></main></body></html>',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    expect(frame()?.parentElement?.localName).toBe('main');
  });

  it('skips a Save or Apply the user cannot see (a hidden sign-up dialog)', async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/', (html) =>
      html.replace('<main', '<div role="dialog" hidden><button>Apply now</button></div><main'),
    );
    mount(linkedin, linkedInPlace);
    await placed();
    expect(frame()?.closest('[role="dialog"]')).toBeNull();
  });

  it('no frame on a page whose address names no job', async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/feed/');
    mount(linkedin, linkedInPlace);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(frames()).toEqual([]);
  });
});

describe('the same element whatever the user saved', () => {
  it('a plain iframe of the extension, its size fixed, and the script asks nothing', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    load('button-linkedin-2026.html', LINKEDIN_2026);
    mount(linkedin, linkedInPlace);
    await placed();
    const element = frame() as HTMLIFrameElement;
    expect(element.localName).toBe('iframe');
    expect(element.src).toBe(fakeBrowser.runtime.getURL('/save-frame.html'));
    expect([...element.attributes].map((a) => a.name).sort()).toEqual(['src', 'style', 'title']);
    expect(element.style.width).toBe(`${FRAME_WIDTH}px`);
    expect(element.style.height).toBe(`${FRAME_HEIGHT}px`);
    // What it shows comes from the background to the frame itself, never through the page.
    expect(send).not.toHaveBeenCalled();
    // Where it was put is kept in this world for the background's visibility check.
    expect((globalThis as PlacedSlot).careertrackFrame?.frame).toBe(element);
  });
});

describe('single-page navigation', () => {
  it('follows LinkedIn to the next job within a second, one frame only', async () => {
    load(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    const changed = Date.now();
    openAnotherJob(
      '/jobs/search/?currentJobId=4400000011',
      'linkedin-search-second-card.html',
      '.jobs-search__job-details--container',
      [
        ['Backend Engineer (Go)', 'Principal Data Engineer'],
        ['4400000013', '4400000011'],
      ],
    );
    await vi.waitFor(
      () => expect(frame()?.previousElementSibling?.textContent).toBe('Principal Data Engineer'),
      { timeout: 1_500 },
    );
    expect(Date.now() - changed).toBeLessThan(1_500);
    expect(frames()).toHaveLength(1);
  });

  it('leaves a page that names no job', async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await placed();
    history.pushState(null, '', '/feed/');
    await vi.waitFor(() => expect(frames()).toEqual([]), { timeout: 1_500 });
  });

  it('lets the observer go once the pane is still, and still follows the address after', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    load(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    const observed = observe.mock.calls.length;
    await vi.waitFor(() => expect(disconnect.mock.calls.length).toBe(observed), {
      timeout: 3_000,
    });
    // Idle: no observer left; only WXT's address watcher notices the next job.
    history.pushState(null, '', '/feed/');
    await vi.waitFor(() => expect(frames()).toEqual([]), { timeout: 1_500 });
    expect(observe.mock.calls.length).toBe(observed + 1);
  });
});

describe('one live copy, which the page cannot stop', () => {
  const started = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;

  it("ignores WXT's start-up event when the page dispatches it", async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    const ctx = mount(linkedin, linkedInPlace);
    await placed();
    document.dispatchEvent(
      new CustomEvent(started, { detail: { contentScriptName: 'test', messageId: 'page' } }),
    );
    expect(ctx.isValid).toBe(true);
    expect(frame()?.isConnected).toBe(true);
  });

  it('an orphaned copy (its extension gone) still steps aside through that event', async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    const ctx = mount(linkedin, linkedInPlace);
    await placed();
    const runtime = fakeBrowser.runtime as { id?: string };
    const id = runtime.id;
    runtime.id = undefined;
    try {
      document.dispatchEvent(
        new CustomEvent(started, { detail: { contentScriptName: 'test', messageId: 'newer' } }),
      );
    } finally {
      runtime.id = id;
    }
    expect(ctx.isValid).toBe(false);
    expect(frames()).toEqual([]);
  });

  it('a newer copy of the live extension replaces the older one: one frame', async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    const older = mount(linkedin, linkedInPlace);
    await placed();
    const first = frame();
    const newer = mount(linkedin, linkedInPlace);
    await vi.waitFor(() => {
      expect(frame()).toBeDefined();
      expect(frame()).not.toBe(first);
    });
    expect(older.isValid).toBe(false);
    expect(newer.isValid).toBe(true);
    expect(frames()).toHaveLength(1);
  });
});
