// @vitest-environment happy-dom
// The in-page Save button as a content script runs it: WXT's content-script context, its location
// watcher, WXT's fake browser standing in for the background, the synthetic LinkedIn and Indeed
// pages of test/pages as the DOM.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUTTON_NAME } from '@/lib/content/button';
import { indeedPlace } from '@/lib/content/indeed-place';
import { linkedInPlace } from '@/lib/content/linkedin-place';
import { mountSaveButton } from '@/lib/content/one-click';
import type { Placement } from '@/lib/content/place';
import { type ButtonState, CLIP_LOOKUP, CLIP_SAVE } from '@/lib/content/protocol';
import { indeed } from '@/lib/extract/indeed';
import { createExtractor } from '@/lib/extract/index';
import { linkedin } from '@/lib/extract/linkedin';
import type { JobDraft, SiteExtractor } from '@/lib/extract/types';

const PAGES = join(import.meta.dirname, '../pages');
const SAVED: ButtonState = { text: 'Saved ✓', title: 'Saved on 3 Mar · applied' };

type Message = { type: string; draft?: JobDraft; jobKey?: string };

/** Records what the content script sends and answers as the background would; `hold` delays saves. */
function background(answer: (message: Message) => unknown = () => SAVED) {
  const sent: Message[] = [];
  let release: () => void = () => {};
  let held: Promise<void> | undefined;
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    const request = message as Message;
    if (request.type !== CLIP_SAVE && request.type !== CLIP_LOOKUP) return undefined;
    sent.push(request);
    if (request.type === CLIP_SAVE && held) await held;
    return request.type === CLIP_LOOKUP ? null : answer(request);
  });
  return {
    sent,
    saves: () => sent.filter((m) => m.type === CLIP_SAVE),
    lookups: () => sent.filter((m) => m.type === CLIP_LOOKUP).map((m) => m.jobKey),
    hold() {
      held = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}

/** The shadow roots the button makes: closed to the page, so the test keeps a handle on them. */
function captureShadowRoots() {
  const attach = Element.prototype.attachShadow;
  const roots: ShadowRoot[] = [];
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

let ctx: ContentScriptContext;
let roots: ShadowRoot[];

function load(page: string, url: string) {
  const html = readFileSync(join(PAGES, page), 'utf8');
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    html,
    'text/html',
  ).documentElement.innerHTML;
}

/**
 * What a site does when another job is picked: a new address, and the pane rendered afresh from
 * the page's own markup (never from the live DOM, which holds the button).
 */
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

function mount(site: SiteExtractor, place: Placement) {
  ctx = new ContentScriptContext('test');
  const run = mountSaveButton(ctx, {
    ...place,
    key: (url) => site.address?.(url)?.key,
    extract: createExtractor([site]),
  });
  return run;
}

const host = () => document.querySelector('careertrack-save');
const button = () => roots.at(-1)?.querySelector('button') as HTMLButtonElement;
const placed = () => vi.waitFor(() => expect(host()?.isConnected).toBe(true));

/** A click the user made: happy-dom has no `isTrusted`, a browser sets it only for real input. */
function userClick() {
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  button().dispatchEvent(event);
}

beforeEach(() => {
  roots = captureShadowRoots();
});
afterEach(() => {
  ctx?.abort();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('the button on a LinkedIn job', () => {
  it('is a real button named "Save to CareerTrack", placed after the site Save button', async () => {
    background();
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await placed();
    expect(host()?.previousElementSibling?.classList.contains('jobs-save-button')).toBe(true);
    expect(button().tagName).toBe('BUTTON');
    expect(button().getAttribute('aria-label')).toBe(BUTTON_NAME);
    expect(button().textContent).toBe(BUTTON_NAME);
    // A closed root: a page script finds the host, never the button or its state.
    expect(host()?.shadowRoot).toBeNull();
    expect(roots.at(-1)?.mode).toBe('closed');
  });

  it('goes beside the title when the pane shows no Save button', async () => {
    background();
    load(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    expect(host()?.previousElementSibling?.className).toContain('unified-top-card__job-title');
  });

  it('shows what happened: Saving… (disabled), then the background words', async () => {
    const bg = background();
    bg.hold();
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await placed();
    userClick();
    expect(button().textContent).toBe('Saving…');
    expect(button().disabled).toBe(true);
    bg.release();
    await vi.waitFor(() => expect(button().textContent).toBe('Saved ✓'));
    expect(button().title).toBe('Saved on 3 Mar · applied');
    expect(button().disabled).toBe(false);
    expect(bg.saves()).toHaveLength(1);
    expect(bg.saves()[0]?.draft).toMatchObject({ job_key: 'linkedin:4400000099' });
  });

  it.each([
    ['Queued (offline)', 'In the outbox: Could not reach CareerTrack.'],
    ['Sign in to send', 'Kept in the outbox'],
    ['Needs details', 'Company is required.'],
  ])('shows "%s" as the background words it', async (text, title) => {
    background(() => ({ text, title }));
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await placed();
    userClick();
    await vi.waitFor(() => expect(button().textContent).toBe(text));
    expect(button().title).toBe(title);
  });

  it('says "Not saved" when the background gives no answer or a refusal', async () => {
    background(() => ({ ok: false, error: 'This request was refused.' }));
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await placed();
    userClick();
    await vi.waitFor(() => expect(button().textContent).toBe('Not saved'));
  });

  it('shows "Already saved" at once for a job the local history knows', async () => {
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) =>
      (message as Message).type === CLIP_LOOKUP
        ? { text: 'Already saved', title: 'Saved on 3 Mar · applied' }
        : undefined,
    );
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await vi.waitFor(() => expect(button()?.textContent).toBe('Already saved'));
    expect(button().title).toBe('Saved on 3 Mar · applied');
  });
});

describe('one record per job', () => {
  it('sends one save for a double click, and none for a click while it is in flight', async () => {
    const bg = background();
    bg.hold();
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    const run = mount(linkedin, linkedInPlace);
    await placed();
    userClick();
    userClick();
    expect(run()).toBe(true); // the shortcut meanwhile: a job is here, the save already running
    bg.release();
    await vi.waitFor(() => expect(button().textContent).toBe('Saved ✓'));
    expect(bg.saves()).toHaveLength(1);
  });

  it('ignores clicks the page makes (untrusted)', async () => {
    const bg = background();
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    mount(linkedin, linkedInPlace);
    await placed();
    button().click();
    button().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bg.saves()).toHaveLength(0);
    expect(button().textContent).toBe(BUTTON_NAME);
  });
});

describe('single-page navigation', () => {
  /** What LinkedIn does when another card is chosen: a new currentJobId and a new pane. */
  const openAnotherLinkedInJob = () =>
    openAnotherJob(
      '/jobs/search/?currentJobId=4400000011',
      'linkedin-search-second-card.html',
      '.jobs-search__job-details--container',
      [
        ['Wide World Importers', 'Fabrikam GmbH'],
        ['Backend Engineer (Go)', 'Principal Data Engineer'],
        ['4400000013', '4400000011'],
      ],
    );

  it('switches to the new job within a second, and a click saves that one', async () => {
    const bg = background();
    load(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    userClick();
    await vi.waitFor(() => expect(button().textContent).toBe('Saved ✓'));

    const changed = Date.now();
    openAnotherLinkedInJob();
    await vi.waitFor(
      () => {
        expect(bg.lookups()).toContain('linkedin:4400000011');
        expect(host()?.isConnected).toBe(true);
        expect(button().textContent).toBe(BUTTON_NAME);
      },
      { timeout: 1_500 },
    );
    expect(Date.now() - changed).toBeLessThan(1_500);
    expect(document.querySelectorAll('careertrack-save')).toHaveLength(1);
    expect(host()?.previousElementSibling?.textContent).toContain('Principal Data Engineer');

    userClick();
    await vi.waitFor(() => expect(bg.saves()).toHaveLength(2));
    expect(bg.saves()[1]?.draft).toMatchObject({
      job_key: 'linkedin:4400000011',
      company_name: 'Fabrikam GmbH',
      position_title: 'Principal Data Engineer',
    });
  });

  it('reads the job at click time: a click right after the change never saves the previous one', async () => {
    const bg = background();
    load(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    openAnotherLinkedInJob();
    userClick(); // before the watcher has seen the new address
    await vi.waitFor(() => expect(bg.saves()).toHaveLength(1));
    expect(bg.saves()[0]?.draft?.job_key).toBe('linkedin:4400000011');
  });

  it("does not show an old job's answer on the new job", async () => {
    const bg = background();
    bg.hold();
    load(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013',
    );
    mount(linkedin, linkedInPlace);
    await placed();
    userClick();
    openAnotherLinkedInJob();
    await vi.waitFor(() => expect(bg.lookups()).toContain('linkedin:4400000011'), {
      timeout: 1_500,
    });
    bg.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(button().textContent).toBe(BUTTON_NAME);
  });

  it('follows Indeed when vjk changes, and saves the job now open', async () => {
    const bg = background();
    load(
      'indeed-search-third.html',
      'https://uk.indeed.com/jobs?q=data+engineer&l=Leeds&vjk=5555eeee6666ffff',
    );
    mount(indeed, indeedPlace);
    await placed();
    expect(host()?.previousElementSibling?.getAttribute('data-testid')).toBe(
      'jobsearch-JobInfoHeader-title',
    );
    openAnotherJob(
      '/jobs?q=data+engineer&l=Leeds&vjk=1111aaaa2222bbbb',
      'indeed-search-third.html',
      '#jobsearch-ViewjobPaneWrapper',
      [
        ['Coho Winery', 'Adventure Works'],
        ['>Data Engineer<', '>Senior Data Engineer<'],
      ],
    );
    await vi.waitFor(() => expect(bg.lookups()).toContain('indeed:1111aaaa2222bbbb'), {
      timeout: 1_500,
    });
    await placed();
    userClick();
    await vi.waitFor(() => expect(bg.saves()).toHaveLength(1));
    expect(bg.saves()[0]?.draft).toMatchObject({
      job_key: 'indeed:1111aaaa2222bbbb',
      company_name: 'Adventure Works',
      position_title: 'Senior Data Engineer',
    });
  });

  it('leaves a page that names no job, and the shortcut there says so', async () => {
    const bg = background();
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    const run = mount(linkedin, linkedInPlace);
    await placed();
    history.pushState(null, '', '/feed/');
    await vi.waitFor(() => expect(host()).toBeNull(), { timeout: 1_500 });
    expect(run()).toBe(false);
    expect(bg.saves()).toHaveLength(0);
  });
});

describe('an update orphans the script', () => {
  it('removes the button and stops answering', async () => {
    const bg = background();
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    const run = mount(linkedin, linkedInPlace);
    await placed();
    ctx.notifyInvalidated();
    expect(host()).toBeNull();
    run();
    expect(bg.saves()).toHaveLength(0);
  });

  it('says "Not saved" instead of throwing when sending fails', async () => {
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    // No listener: the fake's sendMessage throws.
    mount(linkedin, linkedInPlace);
    await placed();
    userClick();
    await vi.waitFor(() => expect(button().textContent).toBe('Not saved'));
  });

  it('goes quiet at the first click once the extension is gone (no runtime id)', async () => {
    const bg = background();
    load('linkedin-job-view.html', 'https://www.linkedin.com/jobs/view/4400000099/');
    const run = mount(linkedin, linkedInPlace);
    await placed();
    const runtime = fakeBrowser.runtime as { id?: string };
    const id = runtime.id;
    runtime.id = undefined;
    try {
      expect(() => userClick()).not.toThrow();
      expect(host()).toBeNull();
      expect(run()).toBe(true);
      expect(bg.saves()).toHaveLength(0);
    } finally {
      runtime.id = id;
    }
  });
});

describe('cost while idle', () => {
  it('lets the observer go once the pane is still, and still follows the address after', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const bg = background();
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
    history.pushState(null, '', '/jobs/search/?currentJobId=4400000011');
    await vi.waitFor(() => expect(bg.lookups()).toContain('linkedin:4400000011'), {
      timeout: 1_500,
    });
    expect(observe.mock.calls.length).toBe(observed + 1);
  });
});
