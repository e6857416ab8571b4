// The background's side of the in-page button: content-script messages through the listener the
// background registered in WXT's fake browser, the outbox in fake-indexeddb, CareerTrack as the
// stand-in over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTION_TITLE } from '@/lib/background/badge';
import { buttonFor, jobKeyOf } from '@/lib/background/clip-handlers';
import { openDb } from '@/lib/background/database';
import { type Background, startBackground } from '@/lib/background/handlers';
import { CLIP_LOOKUP, CLIP_SAVE } from '@/lib/content/protocol';
import { initialForm } from '@/lib/draft-form';
import type { JobDraft } from '@/lib/extract/types';
import type { Sender } from '@/lib/messages';
import { validateDraft } from '@/lib/schema';
import { getSettings, updateSettings } from '@/lib/settings';
import { toolbar } from '../helpers/toolbar';
import { newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';

const JOB_URL = 'https://www.linkedin.com/jobs/view/4400000099/?trk=abc';
const REFUSED = { ok: false, error: 'This request was refused.' };

const job = (overrides: Partial<JobDraft> = {}): JobDraft => ({
  company_name: 'Acme',
  position_title: 'Platform Engineer',
  location: 'Berlin, Germany',
  source: 'LinkedIn',
  source_url: 'https://www.linkedin.com/jobs/view/4400000099/',
  salary_min: 46_550,
  salary_max: 52_000,
  salary_posted: 'From $22.38 an hour',
  description: 'Build the platform.',
  job_key: 'linkedin:4400000099',
  origins: { company_name: 'site', position_title: 'site' },
  ...overrides,
});

/** A content script in the top frame of tab `tabId`, on `url`. */
const tab = (tabId = 7, url = JOB_URL): Sender =>
  ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, url, index: 0 } }) as Sender;

let api: RunningApi;
let user: Awaited<ReturnType<typeof newUser>>;
let bg: Background;
const timers = new Set<ReturnType<typeof setTimeout>>();

async function ask(message: unknown, sender: Sender = tab()): Promise<any> {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answer;
}

async function signIn() {
  const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
  const login = { type: 'auth:login', apiUrl: api.url, email: user.email, password: user.password };
  expect(await ask(login, popup)).toMatchObject({ ok: true });
}

const records = () =>
  api.db.prepare('SELECT * FROM job_applications ORDER BY id').all() as Array<
    Record<string, unknown>
  >;

const tabBadge = async (tabId: number) => ({
  text: await toolbar().getBadgeText({ tabId }),
  title: await toolbar().getTitle({ tabId }),
});

beforeEach(async () => {
  api = await startApi({ db: ':memory:' });
  user = await newUser(api.url);
  bg = startBackground({
    browser: fakeBrowser,
    db: openDb(`clip-${crypto.randomUUID()}`),
    timeoutMs: 2_000,
    saveWaitMs: 3_000,
    // Real timers, all cleared after each test so that none outlives its database.
    setTimer(callback, ms) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        callback();
      }, ms);
      timers.add(timer);
      return () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
    },
  });
  await bg.started;
});

afterEach(async () => {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  await bg.engine.nudge();
  await bg.refreshBadge();
  bg.db.close();
  await bg.db.delete();
  await api.close();
});

describe('clip:save', () => {
  it('saves the page job as the popup would, with the user defaults, and says "Saved ✓"', async () => {
    await updateSettings({ default_status: 'interview', description_to_notes: true });
    await signIn();
    const answer = await ask({ type: CLIP_SAVE, draft: job() });
    expect(answer).toEqual({
      text: 'Saved ✓',
      title: expect.stringMatching(/^Saved on .+ · interview$/),
    });
    const [record, more] = records();
    expect(more).toBeUndefined();
    expect(record).toMatchObject({
      company_name: 'Acme',
      position_title: 'Platform Engineer',
      status: 'interview',
      salary_min: 46_550,
      source_url: 'https://www.linkedin.com/jobs/view/4400000099/',
    });
    // Exactly the popup's first draft: the same defaults, the salary as posted and the description.
    const popupDraft = validateDraft(initialForm(job(), await getSettings()));
    if (!popupDraft.ok) throw new Error('the popup would not save this');
    const [row] = await bg.db.outbox.toArray();
    expect(row?.draft).toEqual(popupDraft.value);
    expect(record?.notes).toBe('Salary as posted: From $22.38 an hour\n\nBuild the platform.');
  });

  it('marks the tab in the toolbar: "✓" and when, on that tab only', async () => {
    await signIn();
    expect(await tabBadge(7)).toEqual({ text: '', title: '' });
    await ask({ type: CLIP_SAVE, draft: job() });
    expect(await tabBadge(7)).toEqual({
      text: '✓',
      title: expect.stringMatching(new RegExp(`^${ACTION_TITLE}: Saved on .+ · applied$`)),
    });
    expect((await tabBadge(8)).text).toBe('');
  });

  it('says "Already saved" for the same job again, and keeps one record', async () => {
    await signIn();
    await ask({ type: CLIP_SAVE, draft: job() });
    const again = await ask({ type: CLIP_SAVE, draft: job() });
    expect(again).toEqual({
      text: 'Already saved',
      title: expect.stringMatching(/^Saved on .+ · applied$/),
    });
    expect(records()).toHaveLength(1);
  });

  it('makes one record for the same job saved from two tabs at once', async () => {
    await signIn();
    const other = 'https://uk.linkedin.com/jobs/view/engineer-at-acme-4400000099';
    const answers = await Promise.all([
      ask({ type: CLIP_SAVE, draft: job() }, tab(7)),
      ask({ type: CLIP_SAVE, draft: job() }, tab(8, other)),
    ]);
    expect(answers.map((a) => a.text).sort()).toEqual(['Already saved', 'Saved ✓']);
    expect(await bg.db.outbox.count()).toBe(1);
    await bg.engine.nudge();
    expect(records()).toHaveLength(1);
  });

  it('says "Sign in to send" while signed out, keeping the save in the outbox', async () => {
    const answer = await ask({ type: CLIP_SAVE, draft: job() });
    expect(answer).toEqual({ text: 'Sign in to send', title: expect.stringMatching(/sign in/) });
    expect(await bg.db.outbox.count()).toBe(1);
  });

  it('says "Queued (offline)" when CareerTrack cannot be reached', async () => {
    await signIn();
    await api.close();
    const answer = await ask({ type: CLIP_SAVE, draft: job() });
    expect(answer).toEqual({
      text: 'Queued (offline)',
      title: expect.stringMatching(/^In the outbox: Could not reach/),
    });
    api = await startApi({ db: ':memory:' });
  });

  it('says "Needs details" without a company, stores nothing and opens the popup for the tab', async () => {
    await signIn();
    const answer = await ask({ type: CLIP_SAVE, draft: job({ company_name: undefined }) });
    expect(answer).toEqual({
      text: 'Needs details',
      title: 'Company is required. Fill them in in the popup.',
    });
    expect(await bg.db.outbox.count()).toBe(0);
    // The fake has no toolbar popup to open: the popup comes as a page beside the tab.
    const opened = await fakeBrowser.tabs.query({});
    expect(opened.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/popup.html?tabId=7'));
  });
});

describe('clip:lookup', () => {
  it('answers from the local history only, and sets or clears the tab mark', async () => {
    await signIn();
    const lookup = { type: CLIP_LOOKUP, jobKey: 'linkedin:4400000099' };
    expect(await ask(lookup)).toBeNull();
    expect(await tabBadge(7)).toEqual({ text: '', title: ACTION_TITLE });
    await ask({ type: CLIP_SAVE, draft: job() });
    const requests = api.faults.log.length;
    expect(await ask(lookup)).toEqual({
      text: 'Already saved',
      title: expect.stringMatching(/^Saved on .+ · applied$/),
    });
    expect(api.faults.log).toHaveLength(requests); // no network per page view
    expect((await tabBadge(7)).text).toBe('✓');
  });
});

describe('the boundary', () => {
  it('refuses malformed, forged and oversized payloads before anything runs', async () => {
    await signIn();
    for (const message of [
      null,
      { type: 'clip:unknown' },
      { type: CLIP_SAVE },
      { type: CLIP_SAVE, draft: 'Acme' },
      { type: CLIP_SAVE, draft: job(), force: true },
      { type: CLIP_SAVE, draft: { ...job(), company_name: { $gt: '' } } },
      { type: CLIP_SAVE, draft: job({ company_name: 'x'.repeat(256) }) },
      { type: CLIP_SAVE, draft: job({ description: 'x'.repeat(100_001) }) },
      { type: CLIP_SAVE, draft: job({ job_key: 'k'.repeat(2049) }) },
      { type: CLIP_LOOKUP, jobKey: 'linkedin:4400000099', extra: 1 },
    ]) {
      expect(await ask(message)).toEqual(REFUSED);
    }
    expect(await bg.db.outbox.count()).toBe(0);
    expect(records()).toHaveLength(0);
  });

  it('refuses senders that are not this extension in a tab top frame', async () => {
    await signIn();
    const message = { type: CLIP_SAVE, draft: job() };
    const senders = [
      { id: 'another-extension', url: JOB_URL, frameId: 0, tab: { id: 7, url: JOB_URL } },
      { id: fakeBrowser.runtime.id, url: JOB_URL }, // no tab
      { ...tab(), frameId: 3 }, // an iframe
      { ...tab(), tab: { id: -1, url: JOB_URL } },
    ] as Sender[];
    for (const sender of senders) expect(await ask(message, sender)).toEqual(REFUSED);
    expect(await bg.db.outbox.count()).toBe(0);
  });

  it("reads the tab's address, which follows pushState (Chrome's sender.url does not)", async () => {
    await signIn();
    const next = 'https://www.linkedin.com/jobs/search/?currentJobId=4400000011';
    const sender = { ...tab(), tab: { id: 7, url: next } } as Sender;
    const answer = await ask(
      { type: CLIP_SAVE, draft: job({ job_key: 'linkedin:4400000011' }) },
      sender,
    );
    expect(answer.text).toBe('Saved ✓');
    expect(await ask({ type: CLIP_SAVE, draft: job() }, sender)).toEqual(REFUSED);
  });

  it('refuses a job other than the one the sender tab address names', async () => {
    await signIn();
    const feed = tab(7, 'https://www.linkedin.com/feed/');
    expect(await ask({ type: CLIP_SAVE, draft: job() }, feed)).toEqual(REFUSED);
    const other = job({ job_key: 'linkedin:4400000001' });
    expect(await ask({ type: CLIP_SAVE, draft: other })).toEqual(REFUSED);
    await ask({ type: CLIP_SAVE, draft: job() });
    // Nor may a page probe the history for a job it does not show.
    expect(await ask({ type: CLIP_LOOKUP, jobKey: 'linkedin:4400000099' }, feed)).toEqual(REFUSED);
    expect(await bg.db.outbox.count()).toBe(1);
  });

  it("gives a content script nothing of the pages' requests", async () => {
    await signIn();
    for (const request of [
      { type: 'outbox:list' },
      { type: 'auth:status' },
      { type: 'outbox:save', draft: { company_name: 'A', position_title: 'B' }, jobKey: 'k' },
    ]) {
      expect(await ask(request)).toEqual(REFUSED);
    }
  });
});

describe('the words', () => {
  it('names a queue that waits for another reason plainly "Queued"', () => {
    const state = buttonFor(
      { state: 'queued', rowId: 1, reason: 'CareerTrack had a problem answering (HTTP 503).' },
      null,
    );
    expect(state.text).toBe('Queued');
    expect(buttonFor({ state: 'error', message: 'Not saved: disk full.' }, null)).toEqual({
      text: 'Not saved',
      title: 'Not saved: disk full.',
    });
  });

  it('keys a tab by the job its address names', () => {
    expect(jobKeyOf(JOB_URL)).toBe('linkedin:4400000099');
    expect(jobKeyOf('https://www.linkedin.com/jobs/search/?currentJobId=4400000013')).toBe(
      'linkedin:4400000013',
    );
    expect(jobKeyOf('https://au.indeed.com/viewjob?jk=54f1f8af68d722d2&from=serp')).toBe(
      'indeed:54f1f8af68d722d2',
    );
    expect(jobKeyOf('https://www.linkedin.com/feed/')).toBeUndefined();
    expect(jobKeyOf('https://jobs.example/1')).toBeUndefined();
    expect(jobKeyOf('not a url')).toBeUndefined();
    expect(jobKeyOf(undefined)).toBeUndefined();
  });
});
