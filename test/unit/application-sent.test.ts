// @vitest-environment happy-dom
// The LinkedIn content script's watch for Easy Apply's "application sent" confirmation, on the
// synthetic page test/pages/applied-linkedin-easy-apply.html (built from public descriptions of
// that dialog), with WXT's content-script context and fake browser. What it tells the background
// and when; the background's side is in clip-handlers.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { AFTER_INPUT_MS, dialogName, watchApplicationSent } from '@/lib/content/application-sent';
import { isLinkedInConfirmation } from '@/lib/content/linkedin-sent';
import { APPLICATION_SENT } from '@/lib/content/protocol';
import { linkedin } from '@/lib/extract/linkedin';

const PAGE = readFileSync(
  join(import.meta.dirname, '../pages/applied-linkedin-easy-apply.html'),
  'utf8',
);
const JOB_URL = 'https://www.linkedin.com/jobs/view/4600000001/';

let ctx: ContentScriptContext;
let sent: unknown[];

function load(url = JOB_URL) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    PAGE,
    'text/html',
  ).documentElement.innerHTML;
  ctx = new ContentScriptContext('test');
  watchApplicationSent(ctx, isLinkedInConfirmation, (address) => !!linkedin.address?.(address));
}

/** What LinkedIn's own script does: a modal of the page's templates added to the outlet. */
const show = (template: string) => {
  const content = (document.getElementById(template) as HTMLTemplateElement).content;
  document.getElementById('artdeco-modal-outlet')?.append(content.cloneNode(true));
};

/** The user's own click: the browser marks it trusted, which no page script can. */
const userClick = (target: Element | null) => {
  const click = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  target?.dispatchEvent(click);
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return undefined;
  });
});

afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe("LinkedIn's Easy Apply confirmation", () => {
  it('tells the background once, a bare notice, when the confirmation follows the user clicking Submit', async () => {
    load();
    userClick(document.getElementById('easy-apply'));
    show('apply-modal');
    await settle();
    // The apply modal is a dialog too, and speaks of an application being sent: not the one.
    expect(sent).toEqual([]);
    userClick(document.getElementById('submit-application'));
    show('post-apply');
    await settle();
    expect(sent).toEqual([{ type: APPLICATION_SENT }]);
    // LinkedIn re-rendering inside the same dialog does not tell again.
    document.querySelector('#post-apply-modal')?.append(document.createTextNode(' '));
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('knows the dialog by its accessible name, as LinkedIn words it', () => {
    load();
    show('post-apply');
    const dialog = document.querySelector('[aria-labelledby="post-apply-modal"]') as Element;
    expect(dialogName(dialog)).toBe('Application sent');
    for (const name of ['Application sent', 'Your application was sent to Acme Corp!'])
      expect(isLinkedInConfirmation(name)).toBe(true);
    for (const name of ['Apply to Acme Corp', 'Share this job', 'Was your application sent?', ''])
      expect(isLinkedInConfirmation(name)).toBe(false);
  });

  it('ignores the words "application sent" anywhere but a confirmation dialog', async () => {
    load();
    userClick(document.body);
    // The description says it, a share dialog says it, a new paragraph of the page says it.
    document.getElementById('share-header')?.closest('[role="dialog"]')?.removeAttribute('hidden');
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Your application was sent to Acme Corp!';
    document.getElementById('job-details')?.append(paragraph);
    const share = document.createElement('div');
    share.setAttribute('role', 'dialog');
    share.innerHTML = '<h2>Share</h2><p>Application sent to Acme Corp!</p>';
    document.body.append(share);
    await settle();
    expect(sent).toEqual([]);
  });

  it('ignores a confirmation the user did not just cause: no click of theirs, or one long ago', async () => {
    load();
    // A page script's click is not the user's.
    document
      .getElementById('easy-apply')
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    show('post-apply');
    await settle();
    expect(sent).toEqual([]);
    document.getElementById('artdeco-modal-outlet')?.replaceChildren();
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValue(1_000);
    userClick(document.body);
    now.mockReturnValue(1_000 + AFTER_INPUT_MS + 1);
    show('post-apply');
    await settle();
    expect(sent).toEqual([]);
  });

  it('ignores a hidden confirmation, and one on a page whose address names no job', async () => {
    load('https://www.linkedin.com/feed/');
    userClick(document.body);
    show('post-apply');
    await settle();
    expect(sent).toEqual([]);
    ctx.abort();
    load();
    userClick(document.body);
    const outlet = document.getElementById('artdeco-modal-outlet') as HTMLElement;
    outlet.style.display = 'none';
    show('post-apply');
    await settle();
    expect(sent).toEqual([]);
  });

  it('stops watching when the script is stopped (an update orphaned it)', async () => {
    load();
    userClick(document.body);
    ctx.abort();
    show('post-apply');
    await settle();
    expect(sent).toEqual([]);
  });
});
