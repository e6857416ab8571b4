// The background's side of the in-page button: the frame's messages through the listener the
// background registered in WXT's fake browser, the tab's content script (its extraction and the
// visibility check) stood in by the test, the outbox in fake-indexeddb, CareerTrack as the
// stand-in over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACTION_TITLE } from '@/lib/background/badge';
import {
  buttonFor,
  jobKeyOf,
  NOT_SAVED_YET,
  OFFER_APPLIED,
  OPENED_POPUP,
} from '@/lib/background/clip-handlers';
import { openDb } from '@/lib/background/database';
import { statusButton } from '@/lib/background/frame-status';
import { type Background, startBackground } from '@/lib/background/handlers';
import { savedRecordFor } from '@/lib/background/updates';
import {
  APPLICATION_SENT,
  EXTRACT_JOB,
  FRAME_SAVE,
  FRAME_STATE,
  FRAME_STATUS,
} from '@/lib/content/protocol';
import { initialForm, todayLocal } from '@/lib/draft-form';
import type { JobDraft } from '@/lib/extract/types';
import type { Sender } from '@/lib/messages';
import { validateDraft } from '@/lib/schema';
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

/** The button's frame (frame 2) in tab `tabId`, whose address is `url`. */
const frame = (tabId = 7, url = JOB_URL): Sender =>
  ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('/save-frame.html'),
    frameId: 2,
    tab: { id: tabId, url, index: 0 },
  }) as Sender;
/** A content script in the top frame of tab 7. */
const contentScript = { id: 'x', url: JOB_URL, frameId: 0, tab: { id: 7, url: JOB_URL } } as Sender;
contentScript.id = undefined;

/** What the tab's content script answers: the job it reads, and whether the frame is seen. */
let page: { draft: unknown; seen: boolean; asked: Array<[number, unknown]>; checked: number[][] };

let api: RunningApi;
let user: Awaited<ReturnType<typeof newUser>>;
let bg: Background;
const timers = new Set<ReturnType<typeof setTimeout>>();

async function ask(message: unknown, sender: Sender = frame()): Promise<any> {
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

/** The user's click, seen by the frame's own check as `visible`. */
const click = (sender: Sender = frame(), visible: boolean | null = true) =>
  ask({ type: FRAME_SAVE, visible }, sender);

beforeEach(async () => {
  contentScript.id = fakeBrowser.runtime.id;
  page = { draft: job(), seen: true, asked: [], checked: [] };
  api = await startApi({ db: ':memory:' });
  user = await newUser(api.url);
  bg = startBackground({
    browser: fakeBrowser,
    db: openDb(`clip-${crypto.randomUUID()}`),
    timeoutMs: 2_000,
    saveWaitMs: 3_000,
    askTab: async (tabId, message) => {
      page.asked.push([tabId, message]);
      return (message as { type: string }).type === EXTRACT_JOB ? page.draft : undefined;
    },
    checkFrame: async (tabId, frameId) => {
      page.checked.push([tabId, frameId]);
      return page.seen;
    },
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

describe('a click in the frame', () => {
  it('saves the page job as the popup would, with the user defaults, and says "Saved ✓"', async () => {
    await bg.settings.updateDefaults({ default_status: 'interview', description_to_notes: true });
    await signIn();
    const answer = await click();
    expect(answer).toEqual({
      text: 'Saved ✓',
      title: expect.stringMatching(/^Saved on .+ · interview$/),
      status: 'interview',
    });
    expect(page.asked).toEqual([[7, { type: EXTRACT_JOB }]]);
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
    const popupDraft = validateDraft(initialForm(job(), await bg.settings.get()));
    if (!popupDraft.ok) throw new Error('the popup would not save this');
    const [row] = await bg.db.outbox.toArray();
    expect(row?.draft).toEqual(popupDraft.value);
    expect(record?.notes).toBe('Salary as posted: From $22.38 an hour\n\nBuild the platform.');
  });

  it('marks the tab in the toolbar: "✓" and when, on that tab only', async () => {
    await signIn();
    expect(await tabBadge(7)).toEqual({ text: '', title: '' });
    await click();
    expect(await tabBadge(7)).toEqual({
      text: '✓',
      title: expect.stringMatching(new RegExp(`^${ACTION_TITLE}: Saved on .+ · applied$`)),
    });
    expect((await tabBadge(8)).text).toBe('');
  });

  it('says "Already saved" for the same job again, and keeps one record', async () => {
    await signIn();
    await click();
    const again = await click();
    expect(again).toEqual({
      text: 'Already saved',
      title: expect.stringMatching(/^Saved on .+ · applied$/),
      status: 'applied',
    });
    expect(records()).toHaveLength(1);
  });

  it('makes one record for the same job saved from two tabs at once', async () => {
    await signIn();
    const other = 'https://uk.linkedin.com/jobs/view/engineer-at-acme-4400000099';
    const answers = await Promise.all([click(frame(7)), click(frame(8, other))]);
    expect(answers.map((a) => a.text).sort()).toEqual(['Already saved', 'Saved ✓']);
    expect(await bg.db.outbox.count()).toBe(1);
    await bg.engine.nudge();
    expect(records()).toHaveLength(1);
  });

  it('says "Sign in to send" while signed out, keeping the save in the outbox', async () => {
    const answer = await click();
    expect(answer).toEqual({
      text: 'Sign in to send',
      title: expect.stringMatching(/sign in/),
      status: 'applied',
    });
    expect(await bg.db.outbox.count()).toBe(1);
  });

  it('says "Queued (offline)" when CareerTrack cannot be reached', async () => {
    await signIn();
    await api.close();
    const answer = await click();
    expect(answer).toEqual({
      text: 'Queued (offline)',
      title: expect.stringMatching(/^In the outbox: Could not reach/),
      status: 'applied',
    });
    api = await startApi({ db: ':memory:' });
  });

  it('says "Needs details" without a company, stores nothing and opens the popup for the tab', async () => {
    await signIn();
    page.draft = job({ company_name: undefined });
    const answer = await click();
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

describe('a click on a button the user may not see', () => {
  const popupOpened = async () =>
    (await fakeBrowser.tabs.query({})).some(
      (t) => t.url === fakeBrowser.runtime.getURL('/popup.html?tabId=7'),
    );

  it('saves nothing and opens the popup when the frame saw itself hidden', async () => {
    await signIn();
    expect(await click(frame(), false)).toEqual(OPENED_POPUP);
    expect(page.asked).toEqual([]);
    expect(await bg.db.outbox.count()).toBe(0);
    expect(await popupOpened()).toBe(true);
  });

  it("saves nothing when the content script's check of that frame says no (Firefox's only check)", async () => {
    await signIn();
    page.seen = false;
    for (const visible of [true, null]) expect(await click(frame(), visible)).toEqual(OPENED_POPUP);
    expect(page.checked).toEqual([
      [7, 2],
      [7, 2],
    ]);
    expect(page.asked).toEqual([]);
    expect(await bg.db.outbox.count()).toBe(0);
    expect(await popupOpened()).toBe(true);
  });

  it('saves where only the content script can tell (no IntersectionObserver v2) and it says yes', async () => {
    await signIn();
    expect((await click(frame(), null)).text).toBe('Saved ✓');
  });
});

describe('what the frame shows', () => {
  it('asks the local history only, for its own tab, and sets or clears the tab mark', async () => {
    await signIn();
    const state = { type: FRAME_STATE };
    expect(await ask(state)).toEqual({ text: '', title: '', tabId: 7 });
    expect(await tabBadge(7)).toEqual({ text: '', title: ACTION_TITLE });
    await click(frame(8));
    const requests = api.faults.log.length;
    // Saved from another tab: this one names its status, the rest in the tooltip.
    expect(await ask(state)).toEqual({
      text: 'Applied',
      title: expect.stringMatching(/^Applied · Saved on [^·]+$/),
      status: 'applied',
      tabId: 7,
    });
    // The tab that saved it shows its own outcome again (a frame reloaded with the page's DOM).
    expect(await ask(state, frame(8))).toMatchObject({
      text: 'Saved ✓',
      status: 'applied',
      tabId: 8,
    });
    // A new frame there (the page reloaded, or visited again) names the status instead.
    expect(await ask(state, { ...frame(8), frameId: 3 })).toMatchObject({
      text: 'Applied',
      tabId: 8,
    });
    expect(api.faults.log).toHaveLength(requests); // no network per page view
    expect((await tabBadge(7)).text).toBe('✓');
    // The tab moves to a page that names no job: nothing to show, the mark cleared.
    expect(await ask(state, frame(7, 'https://www.linkedin.com/feed/'))).toEqual({
      text: '',
      title: '',
      tabId: 7,
    });
    expect((await tabBadge(7)).text).toBe('');
  });
});

describe('a status chosen in the frame', () => {
  const OTHER_URL = 'https://www.linkedin.com/jobs/view/4400000011/';
  const choose = (status: unknown, sender: Sender = frame(), visible: boolean | null = true) =>
    ask({ type: FRAME_STATUS, status, visible }, sender);
  const updates = async () => (await bg.db.outbox.toArray()).filter((row) => row.kind === 'update');
  const popupOpened = async () =>
    (await fakeBrowser.tabs.query({})).some(
      (t) => t.url === fakeBrowser.runtime.getURL('/popup.html?tabId=7'),
    );

  it('names the status and the next step of a saved job, the date short', async () => {
    await signIn();
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const draft = {
      company_name: 'Acme',
      position_title: 'Platform Engineer',
      status: 'interview',
      next_step_at: '2026-12-12',
    };
    const saved = await ask({ type: 'outbox:save', draft, jobKey: 'linkedin:4400000099' }, popup);
    expect(saved).toMatchObject({ state: 'saved' });
    const state = await ask({ type: FRAME_STATE });
    const day = new Date(Date.UTC(2026, 11, 12)).toLocaleDateString(undefined, {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    expect(state).toEqual({
      text: `Interview · next step ${day}`,
      title: expect.stringMatching(new RegExp(`^Interview · next step ${day} · Saved on [^·]+$`)),
      status: 'interview',
      tabId: 7,
    });
  });

  it('queues the change as an update of the saved record, and names the new status', async () => {
    // Signed out: the create and its update wait in the outbox, nothing reaches the network.
    expect((await click()).text).toBe('Sign in to send');
    const answer = await choose('interview');
    expect(answer).toEqual({
      text: 'Queued · Interview',
      title: expect.stringMatching(/^Interview · in the outbox: sign in/),
      status: 'interview',
    });
    const [update, more] = await updates();
    expect(more).toBeUndefined();
    expect(update).toMatchObject({
      changes: { status: 'interview' },
      job_key: 'linkedin:4400000099',
    });
    expect((await savedRecordFor(bg.db, 'linkedin:4400000099'))?.status).toBe('interview');
    // Asked again, by this frame or a new one: the record's words, until CareerTrack has it.
    for (const sender of [frame(), { ...frame(), frameId: 3 }])
      expect(await ask({ type: FRAME_STATE }, sender)).toMatchObject({
        text: 'Queued · Interview',
        title: expect.stringMatching(/^Interview · Saved on [^·]+ · waiting to be sent$/),
        status: 'interview',
      });
    expect((await tabBadge(7)).title).toMatch(/· interview · waiting to be sent$/);
  });

  it('sends it to CareerTrack: one record, the new status, and says so', async () => {
    await signIn();
    expect((await click()).text).toBe('Saved ✓');
    const answer = await choose('interview');
    expect(answer).toEqual({
      text: 'Interview',
      title: 'Interview · changed in CareerTrack',
      status: 'interview',
    });
    const [record, more] = records();
    expect(more).toBeUndefined();
    expect(record?.status).toBe('interview');
  });

  it('changes nothing when the frame or the content script did not see it; the popup opens', async () => {
    await click();
    expect(await choose('offer', frame(), false)).toEqual({ ...OPENED_POPUP, status: 'applied' });
    expect(page.checked).toEqual([[7, 2]]); // the save's click only: a hidden frame stops at once
    page.seen = false;
    for (const visible of [true, null])
      expect(await choose('offer', frame(), visible)).toEqual({
        ...OPENED_POPUP,
        status: 'applied',
      });
    expect(page.checked).toEqual([
      [7, 2],
      [7, 2],
      [7, 2],
    ]);
    expect(await updates()).toEqual([]);
    expect((await savedRecordFor(bg.db, 'linkedin:4400000099'))?.status).toBe('applied');
    expect(await popupOpened()).toBe(true);
  });

  it("changes the job the tab's address names, never another", async () => {
    await click();
    page.draft = job({ job_key: 'linkedin:4400000011', source_url: OTHER_URL });
    await click(frame(7, OTHER_URL));
    expect((await choose('rejected', frame(7, OTHER_URL))).status).toBe('rejected');
    expect((await savedRecordFor(bg.db, 'linkedin:4400000011'))?.status).toBe('rejected');
    expect((await savedRecordFor(bg.db, 'linkedin:4400000099'))?.status).toBe('applied');
    const [update] = await updates();
    expect(update?.job_key).toBe('linkedin:4400000011');
  });

  it('a job never saved, or a page that names none: nothing to change, nothing written', async () => {
    expect(await choose('interview')).toEqual(NOT_SAVED_YET);
    expect(await choose('interview', frame(7, 'https://www.linkedin.com/feed/'))).toEqual(
      NOT_SAVED_YET,
    );
    expect(await bg.db.outbox.count()).toBe(0);
  });

  it('refuses malformed and forged status requests before anything runs', async () => {
    await click();
    const before = await bg.db.outbox.toArray();
    for (const message of [
      { type: FRAME_STATUS, status: 'hired', visible: true },
      { type: FRAME_STATUS, status: 'technical_test', visible: true },
      { type: FRAME_STATUS, status: 'interview' },
      { type: FRAME_STATUS, status: 'interview', visible: 'yes' },
      { type: FRAME_STATUS, visible: true },
      // The job and the record are the tab's, never the message's.
      { type: FRAME_STATUS, status: 'interview', visible: true, jobKey: 'linkedin:4400000011' },
      { type: FRAME_STATUS, status: 'interview', visible: true, rowId: 1 },
    ]) {
      expect(await ask(message)).toEqual(REFUSED);
    }
    expect(
      await ask({ type: FRAME_STATUS, status: 'offer', visible: true }, contentScript),
    ).toEqual(REFUSED);
    expect(await bg.db.outbox.toArray()).toEqual(before);
    expect(page.checked).toEqual([[7, 2]]);
  });
});

describe('the boundary', () => {
  it('refuses malformed and forged frame requests before anything runs', async () => {
    await signIn();
    for (const message of [
      null,
      'frame:save',
      { type: 'frame:unknown' },
      { type: FRAME_SAVE },
      { type: FRAME_SAVE, visible: 'yes' },
      { type: FRAME_SAVE, visible: true, draft: job() },
      { type: FRAME_STATE, jobKey: 'linkedin:4400000099' },
      { type: 'outbox:list' },
      { type: 'auth:status' },
    ]) {
      expect(await ask(message)).toEqual(REFUSED);
    }
    expect(page.asked).toEqual([]);
    expect(await bg.db.outbox.count()).toBe(0);
  });

  it('answers content scripts nothing: they never ask, and the page shares their world', async () => {
    await signIn();
    for (const message of [
      { type: FRAME_SAVE, visible: true },
      { type: FRAME_STATE },
      { type: 'clip:save', draft: job() },
      { type: 'clip:lookup', jobKey: 'linkedin:4400000099' },
      { type: 'outbox:list' },
      { type: 'auth:status' },
      { type: 'outbox:save', draft: { company_name: 'A', position_title: 'B' }, jobKey: 'k' },
    ]) {
      expect(await ask(message, contentScript)).toEqual(REFUSED);
    }
    expect(await bg.db.outbox.count()).toBe(0);
  });

  it('takes a frame only in a tab, below the top, at the frame page of this extension', async () => {
    await signIn();
    const senders = [
      { ...frame(), id: 'another-extension' },
      { ...frame(), tab: undefined },
      { ...frame(), frameId: 0 },
      { ...frame(), tab: { id: -1, url: JOB_URL } },
      { ...frame(), url: 'https://evil.example/save-frame.html' },
      { ...frame(), url: 'chrome-extension://other/save-frame.html' },
    ] as Sender[];
    for (const sender of senders) expect(await click(sender)).toEqual(REFUSED);
    expect(page.asked).toEqual([]);
    expect(await bg.db.outbox.count()).toBe(0);
  });

  it("saves the job of the tab's address, which follows pushState, and no other", async () => {
    await signIn();
    const next = frame(7, 'https://www.linkedin.com/jobs/search/?currentJobId=4400000011');
    page.draft = job({ job_key: 'linkedin:4400000011' });
    expect((await click(next)).text).toBe('Saved ✓');
    // The page reads another job than its address names: nothing is saved.
    page.draft = job();
    expect((await click(next)).text).toBe('Not saved');
    expect((await click(frame(7, 'https://www.linkedin.com/feed/'))).text).toBe('Not saved');
    // A draft the schema refuses (forged or oversized) is not saved either.
    page.draft = job({ company_name: 'x'.repeat(256) });
    expect((await click()).text).toBe('Not saved');
    expect(await bg.db.outbox.count()).toBe(1);
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

  it("names a saved job's status as CareerTrack keeps it: its date whatever the time zone, its state", () => {
    const saved = {
      rowId: 1,
      status: 'technical_test',
      next_step_at: '2026-12-12T00:00:00.000000Z',
    };
    const day = new Date(Date.UTC(2026, 11, 12)).toLocaleDateString(undefined, {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    expect(statusButton(saved, null)).toEqual({
      text: `Technical test · next step ${day}`,
      title: `Technical test · next step ${day}`,
      status: 'technical_test',
    });
    const interview = { rowId: 1, status: 'interview', next_step_at: null };
    expect(statusButton({ ...interview, state: 'attention' }, null).text).toBe(
      'Not sent · Interview',
    );
    expect(statusButton({ ...interview, state: 'deleted' }, null)).toMatchObject({
      text: 'Deleted in CareerTrack',
      title: expect.stringMatching(/save it anew from the popup$/),
    });
    expect(statusButton({ ...interview, next_step_at: 'soon' }, null).text).toBe('Interview');
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

describe('an application sent, noticed on the page', () => {
  const sent = { type: APPLICATION_SENT };
  const state = async (sender: Sender = frame()) => (await ask({ type: FRAME_STATE }, sender)).text;

  it('with the option on, saves the job the address names as applied, once, and the frame says so', async () => {
    await bg.settings.updateDefaults({ save_when_applied: true, default_status: 'interview' });
    await signIn();
    // The content script learns nothing back.
    expect(await ask(sent, contentScript)).toBeNull();
    expect(page.asked).toEqual([[7, { type: EXTRACT_JOB }]]);
    // Nobody clicked: there is no click to check.
    expect(page.checked).toEqual([]);
    const [record, more] = records();
    expect(more).toBeUndefined();
    expect(record).toMatchObject({
      company_name: 'Acme',
      status: 'applied',
      applied_at: expect.stringContaining(todayLocal()),
    });
    expect(await state()).toBe('Saved ✓');
    // The dialog seen again, or the notice forged again: not read again, still one record.
    expect(await ask(sent, contentScript)).toBeNull();
    expect(page.asked).toHaveLength(1);
    expect(records()).toHaveLength(1);
  });

  it('off by default: saves nothing, the frame offers "Save as applied", and its click saves it so', async () => {
    expect((await bg.settings.get()).save_when_applied).toBe(false);
    await bg.settings.updateDefaults({ default_status: 'interview' });
    await signIn();
    expect(await state()).toBe('');
    expect(await ask(sent, contentScript)).toBeNull();
    expect(records()).toEqual([]);
    expect(page.asked).toEqual([]);
    expect(await ask({ type: FRAME_STATE })).toMatchObject(OFFER_APPLIED);
    // Only that tab, and only for that job.
    expect(await state(frame(8))).toBe('');
    expect(await state(frame(7, 'https://www.linkedin.com/jobs/view/4400000011/'))).toBe('');
    expect((await click()).text).toBe('Saved ✓');
    expect(records()).toEqual([expect.objectContaining({ status: 'applied' })]);
    // Another job in that tab is saved with the user's default again.
    page.draft = job({ job_key: 'linkedin:4400000011', position_title: 'Other' });
    await click(frame(7, 'https://www.linkedin.com/jobs/view/4400000011/'));
    expect(records()[1]).toMatchObject({ position_title: 'Other', status: 'interview' });
  });

  it('the shortcut and the menu, after the notice, save as applied too: they do what the click does', async () => {
    await bg.settings.updateDefaults({ default_status: 'interview' });
    await signIn();
    await ask(sent, contentScript);
    expect(await bg.saveTab({ tabId: 7, jobKey: 'linkedin:4400000099' })).toBe(true);
    expect(records()).toEqual([expect.objectContaining({ status: 'applied' })]);
  });

  it('reads the page once for a notice that comes twice at once (the dialog re-rendered)', async () => {
    await bg.settings.updateDefaults({ save_when_applied: true });
    await signIn();
    await Promise.all([ask(sent, contentScript), ask(sent, contentScript)]);
    expect(page.asked).toHaveLength(1);
    expect(records()).toHaveLength(1);
  });

  it('leaves a job saved before as it is: no second record, no offer', async () => {
    await signIn();
    await click();
    await bg.settings.updateDefaults({ save_when_applied: true });
    expect(await ask(sent, contentScript)).toBeNull();
    expect(records()).toHaveLength(1);
    await bg.settings.updateDefaults({ save_when_applied: false });
    expect(
      await ask(sent, { ...contentScript, tab: { id: 9, url: JOB_URL } } as Sender),
    ).toBeNull();
    // A new frame on a saved job names its status, never the offer.
    expect(await state(frame(9))).toBe('Applied');
    expect(records()).toHaveLength(1);
  });

  it('with the option on, a page without a company opens nothing unasked; the click goes on as applied', async () => {
    await bg.settings.updateDefaults({ save_when_applied: true, default_status: 'interview' });
    await signIn();
    page.draft = job({ company_name: undefined });
    await ask(sent, contentScript);
    const popup = fakeBrowser.runtime.getURL('/popup.html?tabId=7');
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).not.toContain(popup);
    expect(await state()).toBe('Needs details');
    page.draft = job();
    await click();
    expect(records()).toEqual([expect.objectContaining({ status: 'applied' })]);
  });

  it('takes the notice bare, from a content script, about the job its tab address names only', async () => {
    await bg.settings.updateDefaults({ save_when_applied: true });
    await signIn();
    for (const message of [
      { ...sent, jobKey: 'linkedin:4400000011' },
      { ...sent, draft: job() },
      { type: 'tab:applied' },
      APPLICATION_SENT,
      null,
    ]) {
      expect(await ask(message, contentScript)).toEqual(REFUSED);
    }
    // Not from the frame, a page of the extension, another extension or a sub-frame.
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    for (const sender of [
      frame(),
      popup,
      { ...popup, frameId: 0, tab: { id: 7, url: JOB_URL } },
      { ...contentScript, id: 'another-extension' },
      { ...contentScript, frameId: 3 },
    ] as Sender[]) {
      expect(await ask(sent, sender)).toEqual(REFUSED);
    }
    // A tab whose address names no job: nothing to save, nothing offered.
    const feed = 'https://www.linkedin.com/feed/';
    expect(await ask(sent, { ...contentScript, tab: { id: 7, url: feed } } as Sender)).toBeNull();
    expect(page.asked).toEqual([]);
    expect(records()).toEqual([]);
  });
});

describe("Indeed Apply's post-apply page, noticed from the addresses the browser reports", () => {
  const INDEED_JOB = 'https://uk.indeed.com/viewjob?jk=0a1b2c3d4e5f6a7b&from=serp';
  const POST_APPLY = 'https://smartapply.indeed.com/beta/indeedapply/form/post-apply';
  const FORM = 'https://smartapply.indeed.com/beta/indeedapply/form/review';
  const indeedJob = () =>
    job({
      job_key: 'indeed:0a1b2c3d4e5f6a7b',
      source: 'Indeed',
      source_url: 'https://uk.indeed.com/viewjob?jk=0a1b2c3d4e5f6a7b',
    });
  /** The tab Indeed Apply runs in, opened from `opener` (none: the job's own tab). */
  const applyTab = (url: string, opener?: number) => ({ id: 40, url, openerTabId: opener });
  const addressOf = (tabId: number, url: string, tab: object) =>
    fakeBrowser.tabs.onUpdated.trigger(tabId, { url }, tab as never);
  const openerAt = async (url: string) => (await fakeBrowser.tabs.create({ url })).id as number;

  beforeEach(() => {
    page.draft = indeedJob();
  });

  it('with the option on, saves the opener tab’s job as applied, once', async () => {
    await bg.settings.updateDefaults({ save_when_applied: true, default_status: 'interview' });
    await signIn();
    const opener = await openerAt(INDEED_JOB);
    await addressOf(40, FORM, applyTab(FORM, opener));
    expect(records()).toEqual([]);
    await addressOf(40, POST_APPLY, applyTab(POST_APPLY, opener));
    // The job's own tab was read, not the apply tab.
    expect(page.asked).toEqual([[opener, { type: EXTRACT_JOB }]]);
    expect(records()).toEqual([
      expect.objectContaining({
        company_name: 'Acme',
        status: 'applied',
        applied_at: expect.stringContaining(todayLocal()),
      }),
    ]);
    // Reloaded, or visited again: still one record.
    await addressOf(40, POST_APPLY, applyTab(POST_APPLY, opener));
    expect(records()).toHaveLength(1);
    expect(page.asked).toHaveLength(1);
  });

  it('off by default: the opener tab\'s frame offers "Save as applied"', async () => {
    await signIn();
    const opener = await openerAt(INDEED_JOB);
    expect((await ask({ type: FRAME_STATE }, frame(opener, INDEED_JOB))).text).toBe('');
    await addressOf(40, POST_APPLY, applyTab(POST_APPLY, opener));
    expect(records()).toEqual([]);
    expect(page.asked).toEqual([]);
    expect(await ask({ type: FRAME_STATE }, frame(opener, INDEED_JOB))).toMatchObject(
      OFFER_APPLIED,
    );
    expect((await click(frame(opener, INDEED_JOB))).text).toBe('Saved ✓');
    expect(records()).toEqual([expect.objectContaining({ status: 'applied' })]);
  });

  it('the opener’s job when the flow began, even if that tab shows another job by its end', async () => {
    await signIn();
    const opener = await openerAt(INDEED_JOB);
    await addressOf(40, FORM, applyTab(FORM, opener));
    const other = 'https://uk.indeed.com/viewjob?jk=9f9f9f9f9f9f9f9f';
    await fakeBrowser.tabs.update(opener, { url: other });
    await addressOf(40, POST_APPLY, applyTab(POST_APPLY, opener));
    expect(await ask({ type: FRAME_STATE }, frame(opener, INDEED_JOB))).toMatchObject(
      OFFER_APPLIED,
    );
    expect((await ask({ type: FRAME_STATE }, frame(opener, other))).text).toBe('');
  });

  it('the flow in the job’s own tab: the job that tab named last is offered there again', async () => {
    await signIn();
    await addressOf(41, INDEED_JOB, { id: 41 });
    await addressOf(41, FORM, { id: 41 });
    await addressOf(41, POST_APPLY, { id: 41 });
    expect(records()).toEqual([]);
    // Back on the job's page in that tab.
    expect(await ask({ type: FRAME_STATE }, frame(41, INDEED_JOB))).toMatchObject(OFFER_APPLIED);
  });

  it.each([
    ['an opener that names no job', 'https://uk.indeed.com/jobs?q=engineer', POST_APPLY],
    ['a LinkedIn opener', JOB_URL, POST_APPLY],
    [
      'a look-alike host',
      INDEED_JOB,
      'https://smartapply.indeed.com.evil.test/beta/indeedapply/form/post-apply',
    ],
    [
      'a look-alike on indeed.com',
      INDEED_JOB,
      'https://www.indeed.com/beta/indeedapply/form/post-apply',
    ],
    ['a page of the flow that is not post-apply', INDEED_JOB, FORM],
    ['plain http', INDEED_JOB, 'http://smartapply.indeed.com/beta/indeedapply/form/post-apply'],
  ])('%s: nothing', async (_, openerUrl, applyUrl) => {
    await bg.settings.updateDefaults({ save_when_applied: true });
    await signIn();
    page.draft = openerUrl === JOB_URL ? job() : indeedJob();
    const opener = await openerAt(openerUrl);
    await addressOf(40, applyUrl, applyTab(applyUrl, opener));
    expect(page.asked).toEqual([]);
    expect(records()).toEqual([]);
    await bg.settings.updateDefaults({ save_when_applied: false });
    expect((await ask({ type: FRAME_STATE }, frame(opener, openerUrl))).text).toBe('');
  });

  it('a post-apply tab opened by no tab, in a tab that named no job: nothing', async () => {
    await bg.settings.updateDefaults({ save_when_applied: true });
    await signIn();
    await addressOf(40, POST_APPLY, applyTab(POST_APPLY));
    expect(page.asked).toEqual([]);
    expect(records()).toEqual([]);
  });
});
