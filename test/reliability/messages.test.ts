// Probes of the background's message boundary and of where the token lives: the real background
// (lib/background/handlers.ts) registered in WXT's fake browser, the outbox and the token in
// fake-indexeddb, CareerTrack as the stand-in over real HTTP, and a second local server playing
// the attacker. Each probe is one way a page or a content script could make the extension save,
// reveal or send something; a probe that gets through counts as a leak.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { redirectMessage } from '@/lib/background/api-client';
import { openDb } from '@/lib/background/database';
import { type Background, SYNC_ALARM, startBackground } from '@/lib/background/handlers';
import { rememberSettings } from '@/lib/background/settings-store';
import { getSession } from '@/lib/background/token-store';
import { EXTRACT_JOB, FRAME_SAVE, FRAME_STATE } from '@/lib/content/protocol';
import type { JobDraft } from '@/lib/extract/types';
import type { Sender } from '@/lib/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';
import { type Recorder, startRecorder } from '../server/recorder';
import { tally } from './tally';

const JOB_URL = 'https://www.linkedin.com/jobs/view/4400000099/';
const REFUSED = { ok: false, error: 'This request was refused.' };

const job = (overrides: Partial<JobDraft> = {}): JobDraft => ({
  company_name: 'Acme',
  position_title: 'Platform Engineer',
  source: 'LinkedIn',
  source_url: JOB_URL,
  job_key: 'linkedin:4400000099',
  origins: {},
  ...overrides,
});

const popup = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
});
/** This extension's content script in the top frame of a LinkedIn job tab. */
const contentScript = (overrides: Partial<Sender> = {}): Sender =>
  ({
    id: fakeBrowser.runtime.id,
    url: JOB_URL,
    frameId: 0,
    tab: { id: 7, url: JOB_URL, index: 0 },
    ...overrides,
  }) as Sender;

/** The in-page button's frame (an extension page) inside that tab. */
const frame = (overrides: Partial<Sender> = {}): Sender =>
  ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('/save-frame.html'),
    frameId: 2,
    tab: { id: 7, url: JOB_URL, index: 0 },
    ...overrides,
  }) as Sender;

describe('a page or a content script cannot make the extension save or reveal anything', () => {
  let api: RunningApi;
  /** Another origin that records what reaches it: where a forged address or a redirect points. */
  let evil: Recorder;
  let user: Awaited<ReturnType<typeof newUser>>;
  let bg: Background;
  let token = '';

  const ask = async (message: unknown, sender: Sender): Promise<unknown> => {
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(message, sender);
    return answer;
  };
  const records = () =>
    (api.db.prepare('SELECT count(*) AS n FROM job_applications').get() as { n: number }).n;

  // After test/setup.ts has reset the fake browser, which forgets every listener.
  beforeEach(async () => {
    api = await startApi({ db: ':memory:' });
    evil = await startRecorder();
    user = await newUser(api.url);
    bg = startBackground({
      browser: fakeBrowser,
      db: openDb(`probes-${crypto.randomUUID()}`),
      timeoutMs: 2_000,
      saveWaitMs: 2_000,
      openPopup: async () => {},
      // The tab's content script: it reads this job, and the user sees the frame.
      askTab: async () => job(),
      checkFrame: async () => true,
    });
    const login = await ask(
      { type: 'auth:login', apiUrl: api.url, email: user.email, password: user.password },
      popup(),
    );
    expect(login).toMatchObject({ ok: true });
    token = (await getSession(bg.db))?.token ?? '';
    expect(token).toMatch(/^\d+\|/);
    // One save, so that the outbox and the history have something to give away.
    expect(
      await ask(
        {
          type: 'outbox:save',
          draft: { company_name: 'Acme', position_title: 'Engineer' },
          jobKey: 'k1',
        },
        popup(),
      ),
    ).toMatchObject({ state: 'saved' });
  });

  afterEach(async () => {
    await bg?.started;
    bg?.db.close();
    await api?.close();
    await evil?.close();
  });

  it('refuses forged, foreign and oversized messages, and never gives the token away', async ({
    task,
  }) => {
    const secret = () => token.split('|')[1] ?? token;
    const contains = (value: unknown) => JSON.stringify(value ?? null).includes(secret());
    const failed: string[] = [];
    let probes = 0;
    const probe = async (name: string, holds: () => Promise<boolean> | boolean) => {
      probes++;
      let held = false;
      try {
        held = await holds();
      } catch (error) {
        held = false;
        failed.push(`${name} (threw ${String(error)})`);
        return;
      }
      if (!held) failed.push(name);
    };
    const refused = async (message: unknown, sender: Sender) => {
      const before = records();
      const answer = await ask(message, sender);
      return (
        JSON.stringify(answer) === JSON.stringify(REFUSED) &&
        records() === before &&
        !contains(answer)
      );
    };

    // 1. Every request of the extension's pages, sent by a content script.
    const pageRequests = [
      {
        type: 'outbox:save',
        draft: { company_name: 'Forged', position_title: 'Forged' },
        jobKey: 'f',
      },
      { type: 'outbox:list' },
      { type: 'outbox:retry', id: 1 },
      { type: 'outbox:resend', id: 1, draft: { company_name: 'Forged', position_title: 'Forged' } },
      { type: 'outbox:delete', id: 1 },
      { type: 'history:lookup', jobKey: 'k1' },
      { type: 'auth:status' },
      { type: 'auth:login', apiUrl: evil.url, email: 'a@b.c', password: 'password1' },
      { type: 'auth:token', apiUrl: evil.url, token: '1|forged' },
      { type: 'auth:logout' },
      { type: 'connection:test', apiUrl: evil.url },
    ];
    for (const message of pageRequests) {
      await probe(`content script sends ${message.type}`, () => refused(message, contentScript()));
    }

    // 2. Page requests from another extension, and from an extension page of another id.
    const otherExtension: Sender = {
      id: 'other-extension-id',
      url: 'chrome-extension://other-extension-id/p.html',
    };
    for (const message of pageRequests) {
      await probe(`another extension sends ${message.type}`, () =>
        refused(message, otherExtension),
      );
    }
    await probe('a sender with our id but a web address and no tab', () =>
      refused({ type: 'auth:status' }, { id: fakeBrowser.runtime.id, url: JOB_URL }),
    );

    // 3. Content scripts ask nothing (the page shares their world), not even what the button's
    //    frame may; the frame asks two things, strictly shaped, about its own tab's job only.
    const frameSave = (extra: object = {}) => ({ type: FRAME_SAVE, visible: true, ...extra });
    const forgedFrames: Array<[string, unknown, Sender?]> = [
      ['a save carrying a draft', frameSave({ draft: job() })],
      ['a save carrying another API address', frameSave({ apiUrl: evil.url })],
      ['a save carrying a job key', frameSave({ jobKey: 'k1' })],
      ['a save whose visibility is text', { type: FRAME_SAVE, visible: 'yes' }],
      ['a state request naming another job', { type: FRAME_STATE, jobKey: 'k1' }],
      ['a message that is not an object', 'frame:save'],
      ['the extract request the popup sends to tabs', { type: EXTRACT_JOB }],
      ["a page's request", { type: 'auth:status' }],
      ['a frame at the top of the tab', frameSave(), frame({ frameId: 0 })],
      ['a frame of another extension id', frameSave(), frame({ id: 'other' })],
      ['another page of ours as a frame', frameSave(), frame({ url: popup().url })],
    ];
    for (const [name, message, sender] of forgedFrames) {
      await probe(`frame: ${name}`, () => refused(message, sender ?? frame()));
    }
    for (const message of [
      frameSave(),
      { type: FRAME_STATE },
      { type: 'clip:save', draft: job() },
      { type: 'clip:lookup', jobKey: 'linkedin:4400000099' },
      { type: 'clip:run' },
      { type: EXTRACT_JOB },
    ]) {
      await probe(`content script asks ${message.type}`, () => refused(message, contentScript()));
    }
    await probe('a frame in a tab showing no job saves nothing', async () => {
      const feed = 'https://www.linkedin.com/feed/';
      const answer = await ask(frameSave(), frame({ tab: { id: 7, url: feed } as Sender['tab'] }));
      return (answer as { text?: string }).text === 'Not saved' && records() === 1;
    });

    // 4. Nothing any extension page can ask shows the token; neither do the button's words.
    const reads = [
      { type: 'auth:status' },
      { type: 'outbox:list' },
      { type: 'history:lookup', jobKey: 'k1' },
      { type: 'connection:test', apiUrl: api.url },
      {
        type: 'outbox:save',
        draft: { company_name: 'Acme', position_title: 'Engineer 2' },
        jobKey: 'k2',
      },
    ];
    for (const message of reads) {
      await probe(
        `the answer to ${message.type} holds no token`,
        async () => !contains(await ask(message, popup())),
      );
    }
    await probe("the page's button words hold no token", async () => {
      const answer = await ask({ type: FRAME_SAVE, visible: true }, frame());
      return (answer as { text?: string }).text === 'Saved ✓' && !contains(answer);
    });

    // 5. The token lives only in the extension's IndexedDB, never in storage a content script reads.
    await probe(
      "the token is in IndexedDB's secrets",
      async () => (await getSession(bg.db))?.token === token,
    );
    for (const area of ['local', 'sync', 'session'] as const) {
      await probe(`storage.${area} holds no token`, async () => {
        const all = await fakeBrowser.storage[area].get(null);
        return !contains(all);
      });
    }
    await probe(
      'the outbox rows hold no token',
      async () => !contains(await bg.db.outbox.toArray()),
    );

    // 6. A content script can write storage.local (a compromised page renderer, too). Where the
    //    next sign-in or save goes must not change: not what the options page pre-fills, not
    //    where the queue sends, and the token goes to no other address whatever wakes the queue.
    await probe(
      'a page-written API address changes neither the sign-in nor the saves',
      async () => {
        await fakeBrowser.storage.local.set({
          settings: { ...DEFAULT_SETTINGS, api_url: evil.url },
          settings$: { v: 1 },
        });
        const before = records();
        const saved = await ask(
          {
            type: 'outbox:save',
            draft: { company_name: 'Acme', position_title: 'Engineer 3' },
            jobKey: 'k3',
          },
          popup(),
        );
        await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now() });
        await bg.engine.nudge();
        const status = (await ask({ type: 'auth:status' }, popup())) as { apiUrl: string };
        const prefill = (await ask({ type: 'settings:get' }, popup())) as { api_url: string };
        // A worker stopped and woken again reads the settings afresh.
        const woken = await rememberSettings(bg.db, fakeBrowser.storage.local).get();
        return (
          woken.api_url === api.url &&
          (saved as { state: string }).state === 'saved' &&
          records() === before + 1 &&
          status.apiUrl === api.url &&
          prefill.api_url === api.url &&
          evil.arrivals.length === 0
        );
      },
    );
    await probe('an address the user types gets no token', async () => {
      await ask({ type: 'connection:test', apiUrl: evil.url }, popup());
      return (
        evil.arrivals.length > 0 &&
        evil.arrivals.every((arrival) => !JSON.stringify(arrival.headers).includes(secret()))
      );
    });

    // 7. CareerTrack's origin answers 307/308 to another origin: a client that followed would
    //    resend the body there (a browser strips only the token), a save or an e-mail and password.
    for (const status of [307, 308]) {
      await probe(`a ${status} to another origin carries no body there`, async () => {
        evil.arrivals.length = 0;
        api.faults.add({ kind: 'redirect', status, location: evil.url, times: 20 });
        const login = await ask(
          { type: 'auth:login', apiUrl: api.url, email: user.email, password: user.password },
          popup(),
        );
        const saved = await ask(
          {
            type: 'outbox:save',
            draft: { company_name: 'Redirected', position_title: `Engineer ${status}` },
            jobKey: `redirect-${status}`,
          },
          popup(),
        );
        await bg.engine.nudge();
        api.faults.clear();
        return (
          JSON.stringify(login) ===
            JSON.stringify({ ok: false, error: redirectMessage(api.url) }) &&
          (saved as { state: string }).state === 'queued' &&
          evil.arrivals.length === 0
        );
      });
    }

    tally({ task }, { probes, leaks: failed.length });
    expect(failed).toEqual([]);
    expect(probes).toBeGreaterThanOrEqual(50);
  }, 60_000);
});
