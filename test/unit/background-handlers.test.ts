// The background as the pages meet it: messages through the registered listener of WXT's fake
// browser, the outbox in fake-indexeddb, CareerTrack as the stand-in over real HTTP.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_ALERT, BADGE_NEUTRAL } from '@/lib/background/badge';
import { openDb } from '@/lib/background/database';
import {
  BADGE_REDRAW_MS,
  type Background,
  SYNC_ALARM,
  startBackground,
} from '@/lib/background/handlers';
import { saveToOutbox } from '@/lib/background/outbox';
import { getSession, setSession } from '@/lib/background/token-store';
import type { Sender } from '@/lib/messages';
import type { ApplicationCreate } from '@/lib/schema';
import { toolbar } from '../helpers/toolbar';
import { call, newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';

const POPUP = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
});
const CONTENT_SCRIPT = (): Sender =>
  ({
    id: fakeBrowser.runtime.id,
    url: 'https://www.linkedin.com/jobs/view/123/',
    tab: { id: 7, url: 'https://www.linkedin.com/jobs/view/123/' },
  }) as Sender;
const REFUSED = { ok: false, error: 'This request was refused.' };

const draft = (n = 1) => ({
  company_name: 'Acme',
  position_title: `Engineer ${n}`,
  source_url: `https://jobs.example/${n}`,
  salary_min: '50000',
  status: 'applied',
});

const validDraft = (n: number): ApplicationCreate => ({
  company_name: 'Acme',
  position_title: `Engineer ${n}`,
  status: 'applied',
});

let api: RunningApi;
let user: Awaited<ReturnType<typeof newUser>>;
let bg: Background;
const timers = new Set<ReturnType<typeof setTimeout>>();

function start(options: { saveWaitMs?: number } = {}) {
  bg = startBackground({
    browser: fakeBrowser,
    db: openDb(`handlers-${crypto.randomUUID()}`),
    timeoutMs: 2_000,
    saveWaitMs: options.saveWaitMs ?? 3_000,
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
  return bg;
}

/** The fake's events count their listeners; its types only offer hasListener(callback). */
const listening = (event: object) => (event as { hasListeners(): boolean }).hasListeners();

/** Through the listener the background registered, as the browser delivers a message. */
async function ask(message: unknown, sender: Sender = POPUP()): Promise<any> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers[0];
}

async function signIn() {
  expect(
    await ask({ type: 'auth:login', apiUrl: api.url, email: user.email, password: user.password }),
  ).toEqual({
    ok: true,
    email: user.email,
  });
}

async function badge() {
  await bg.refreshBadge();
  const text = await toolbar().getBadgeText({});
  const rgba = await toolbar().getBadgeBackgroundColor({});
  const hex = `#${rgba
    .slice(0, 3)
    .map((n) => n.toString(16).padStart(2, '0'))
    .join('')}`.toUpperCase();
  return { text, color: hex };
}

beforeEach(async () => {
  api = await startApi({ db: ':memory:' });
  user = await newUser(api.url);
  api.faults.clear();
});

afterEach(async () => {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  await bg?.started;
  await bg?.engine.nudge();
  await bg?.refreshBadge();
  bg?.db.close();
  await bg?.db.delete();
  await api.close();
});

describe('wiring', () => {
  it('registers every listener synchronously and keeps one sync alarm a minute', async () => {
    start();
    expect(listening(fakeBrowser.runtime.onMessage)).toBe(true);
    expect(listening(fakeBrowser.runtime.onStartup)).toBe(true);
    expect(listening(fakeBrowser.runtime.onInstalled)).toBe(true);
    expect(listening(fakeBrowser.alarms.onAlarm)).toBe(true);
    await bg.started;
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 1 });
  });

  it('sends what waits when the alarm, the start-up or the install wakes it', async () => {
    start();
    await signIn();
    await bg.engine.nudge(); // the sign-in's own pass is over: only the wakes below send
    const wakes = [
      () => fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM } as never),
      () => fakeBrowser.runtime.onStartup.trigger(),
      () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never),
    ];
    for (const [i, wake] of wakes.entries()) {
      // Written straight to the outbox: no save message, so no nudge but the wake's own.
      const saved = await saveToOutbox(
        bg.db,
        { draft: validDraft(i), jobKey: `k${i}` },
        Date.now(),
      );
      if (saved.kind !== 'queued') throw new Error('not queued');
      await wake();
      expect((await bg.db.outbox.get(saved.row.id))?.state).toBe('synced');
    }
  });
});

describe('the boundary', () => {
  const everyRequest = () => [
    { type: 'outbox:save', draft: draft(), jobKey: 'k' },
    { type: 'outbox:list' },
    { type: 'outbox:retry', id: 1 },
    { type: 'outbox:resend', id: 1, draft: draft() },
    { type: 'outbox:delete', id: 1 },
    { type: 'history:lookup', jobKey: 'k' },
    { type: 'application:open', jobKey: 'k', live: true },
    { type: 'application:update', rowId: 1, changes: { status: 'offer' } },
    { type: 'auth:status' },
    { type: 'auth:login', apiUrl: api.url, email: user.email, password: user.password },
    { type: 'auth:token', apiUrl: api.url, token: user.token },
    { type: 'auth:logout' },
    { type: 'connection:test', apiUrl: api.url },
  ];

  it('refuses every request from a content script, and does nothing for it', async () => {
    start();
    await bg.started;
    for (const request of everyRequest()) {
      expect(await ask(request, CONTENT_SCRIPT())).toEqual(REFUSED);
    }
    expect(
      await ask(
        { type: 'auth:status' },
        { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' },
      ),
    ).toEqual(REFUSED);
    expect(await bg.db.outbox.count()).toBe(0);
    expect(await getSession(bg.db)).toBeUndefined();
    expect(api.faults.log).toHaveLength(0);
  });

  it('refuses malformed messages before any handler runs', async () => {
    start();
    await bg.started;
    for (const message of [
      null,
      'outbox:list',
      { type: 'outbox:unknown' },
      { type: 'outbox:save', draft: 'not a form', jobKey: 'k' },
      { type: 'outbox:save', draft: { company_name: { $gt: '' } }, jobKey: 'k' },
      { type: 'outbox:delete', id: -1 },
      { type: 'auth:login', apiUrl: api.url, email: user.email },
    ]) {
      expect(await ask(message)).toEqual(REFUSED);
    }
    expect(await bg.db.outbox.count()).toBe(0);
    expect(api.faults.log).toHaveLength(0);
  });

  it('never gives the token to anybody: not in answers, not in storage', async () => {
    start();
    await signIn();
    const { token } = (await getSession(bg.db)) ?? { token: '' };
    expect(token.length).toBeGreaterThan(10);
    const answers = [];
    for (const request of everyRequest()) {
      if (request.type === 'auth:logout' || request.type === 'auth:token') continue;
      answers.push(await ask(request));
      answers.push(await ask(request, CONTENT_SCRIPT()));
    }
    expect(JSON.stringify(answers)).not.toContain(token);
    expect(JSON.stringify(answers)).not.toContain(token.split('|')[1]);
    const local = await fakeBrowser.storage.local.get(null);
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(JSON.stringify({ local, sync })).not.toContain(token.split('|')[1]);
    // The address and the e-mail are in IndexedDB with the token, out of content scripts' reach.
    expect(local).toEqual({});
    expect(await ask({ type: 'settings:get' })).toMatchObject({
      api_url: api.url,
      email: user.email,
    });
  });
});

describe('outbox:save', () => {
  it('saved: only after CareerTrack answered 201, with its id', async () => {
    start();
    await signIn();
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    const [record] = api.db.prepare('SELECT * FROM job_applications').all() as Array<{
      id: number;
      salary_min: number;
    }>;
    expect(answer).toEqual({ state: 'saved', rowId: expect.any(Number), serverId: record?.id });
    expect(record?.salary_min).toBe(50_000);
    expect(await badge()).toEqual({ text: '', color: BADGE_NEUTRAL });
  });

  it('duplicate: the same job again says when and how it was saved; force saves anyway', async () => {
    start();
    await signIn();
    const first = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    const again = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(again).toEqual({
      state: 'duplicate',
      rowId: first.rowId,
      status: 'synced',
      savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await ask({ type: 'history:lookup', jobKey: 'job-1' })).toEqual({
      rowId: first.rowId,
      status: 'synced',
      savedAt: again.savedAt,
    });
    expect(await ask({ type: 'history:lookup', jobKey: 'never' })).toBeNull();
    const forced = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1', force: true });
    expect(forced.state).toBe('saved');
    expect(api.db.prepare('SELECT count(*) AS n FROM job_applications').get()).toEqual({ n: 2 });
  });

  it('invalid: the form is checked before anything is stored', async () => {
    start();
    await signIn();
    const answer = await ask({
      type: 'outbox:save',
      draft: { ...draft(), company_name: '  ', salary_min: 'lots' },
      jobKey: 'job-1',
    });
    expect(answer.state).toBe('invalid');
    expect(Object.keys(answer.fieldErrors).sort()).toEqual(['company_name', 'salary_min']);
    expect(await bg.db.outbox.count()).toBe(0);
  });

  it("invalid: CareerTrack's 422 comes back under the API's field names; resend fixes it", async () => {
    start();
    await signIn();
    const message = 'The source url field must be a valid URL.';
    api.faults.add({
      kind: 'status',
      status: 422,
      method: 'POST',
      path: '/api/applications',
      json: { message, errors: { source_url: [message] } },
    });
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(answer).toEqual({
      state: 'invalid',
      rowId: expect.any(Number),
      fieldErrors: { source_url: [message] },
    });
    expect(await badge()).toEqual({ text: '1', color: BADGE_ALERT });
    const list = await ask({ type: 'outbox:list' });
    expect(list.rows).toMatchObject([
      { id: answer.rowId, state: 'attention', field_errors: { source_url: [message] } },
    ]);

    const resent = await ask({
      type: 'outbox:resend',
      id: answer.rowId,
      draft: { ...draft(), source_url: 'https://jobs.example/fixed' },
    });
    expect(resent).toMatchObject({ state: 'saved', rowId: answer.rowId });
    expect(await badge()).toEqual({ text: '', color: BADGE_NEUTRAL });
  });

  it('signin: kept in the outbox while signed out, sent as soon as the user signs in', async () => {
    start();
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(answer).toEqual({ state: 'signin', rowId: expect.any(Number) });
    expect(await badge()).toEqual({ text: '1', color: BADGE_ALERT });
    expect(await ask({ type: 'outbox:list' })).toMatchObject({
      waitingForSignIn: true,
      rows: [{ id: answer.rowId, state: 'pending' }],
    });
    await signIn();
    await bg.engine.nudge();
    expect(await bg.db.outbox.get(answer.rowId)).toMatchObject({ state: 'synced' });
    expect(await badge()).toEqual({ text: '', color: BADGE_NEUTRAL });
  });

  it('signin: a token CareerTrack refuses pauses the queue (401)', async () => {
    start();
    await bg.settings.update({ api_url: api.url });
    await setSession(bg.db, { token: '9|not-a-token', apiUrl: api.url, email: null }, Date.now());
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(answer).toEqual({ state: 'signin', rowId: expect.any(Number) });
    expect(await ask({ type: 'auth:status' })).toMatchObject({
      signedIn: false,
      message: expect.stringMatching(/Sign in again/),
    });
  });

  it('queued: CareerTrack unreachable, answered at once with the reason', async () => {
    start();
    await signIn();
    await api.close();
    const began = Date.now();
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(answer).toEqual({
      state: 'queued',
      rowId: expect.any(Number),
      reason: expect.stringMatching(/Could not reach .* sent again automatically/),
    });
    expect(Date.now() - began).toBeLessThan(2_000);
    expect(await badge()).toEqual({ text: '1', color: BADGE_NEUTRAL });
    api = await startApi({ db: ':memory:' });
  });

  it('queued: a slow CareerTrack gets its answer within the wait, never "still working"', async () => {
    start({ saveWaitMs: 200 });
    await signIn();
    api.faults.add({ kind: 'delay', delayMs: 600, method: 'POST', path: '/api/applications' });
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(answer).toMatchObject({ state: 'queued', reason: expect.stringMatching(/being sent/) });
  });

  it('error: storage that fails is said in words, and nothing is reported saved', async () => {
    start();
    await signIn();
    bg.db.close();
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(answer).toEqual({ state: 'error', message: expect.stringMatching(/^Not saved: /) });
    expect(api.db.prepare('SELECT count(*) AS n FROM job_applications').get()).toEqual({ n: 0 });
    await bg.db.open();
  });
});

describe('a burst of saves', () => {
  /** Timers held until the test runs them: what the background scheduled, and for when. */
  function startWithHeldTimers() {
    const held: Array<{ ms: number; run: () => void }> = [];
    bg = startBackground({
      browser: fakeBrowser,
      db: openDb(`handlers-${crypto.randomUUID()}`),
      setTimer(run, ms) {
        const timer = { ms, run };
        held.push(timer);
        return () => held.splice(held.indexOf(timer), 1);
      },
    });
    return held;
  }

  it('redraws the badge once, BADGE_REDRAW_MS after the first save, not once per save', async () => {
    const held = startWithHeldTimers();
    await bg.started;
    const draws = vi.spyOn(toolbar(), 'setBadgeText');
    for (let i = 0; i < 20; i++) {
      expect(await ask({ type: 'outbox:save', draft: draft(i), jobKey: `job-${i}` })).toMatchObject(
        { state: 'signin' },
      );
    }
    expect(draws).not.toHaveBeenCalled();
    expect(held.map((timer) => timer.ms)).toEqual([BADGE_REDRAW_MS]);
    held[0]?.run();
    await vi.waitFor(() => expect(draws).toHaveBeenCalledTimes(1));
    expect(await toolbar().getBadgeText({})).toBe('20');
  });

  it('signed out, a save answers from the row it wrote: no engine pass, no second read', async () => {
    startWithHeldTimers();
    await bg.started;
    const nudge = vi.spyOn(bg.engine, 'nudge');
    const reread = vi.spyOn(bg.db.outbox, 'get');
    const answer = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(answer).toEqual({ state: 'signin', rowId: expect.any(Number) });
    expect(nudge).not.toHaveBeenCalled();
    expect(reread).not.toHaveBeenCalled();
    expect(await bg.db.outbox.get(answer.rowId)).toMatchObject({ state: 'pending' });
  });
});

describe('outbox:retry, outbox:delete', () => {
  it('retry sends a waiting row now; delete removes it', async () => {
    start();
    await signIn();
    api.faults.add({ kind: 'status', status: 503, retryAfter: 3600, method: 'POST' });
    const queued = await ask({ type: 'outbox:save', draft: draft(), jobKey: 'job-1' });
    expect(queued.state).toBe('queued');
    await bg.db.outbox.update(queued.rowId, { in_doubt: false });
    expect(await ask({ type: 'outbox:retry', id: queued.rowId })).toMatchObject({ state: 'saved' });
    expect(await ask({ type: 'outbox:delete', id: queued.rowId })).toEqual({ ok: true });
    expect(await ask({ type: 'outbox:delete', id: queued.rowId })).toEqual({
      ok: false,
      error: 'This save is no longer in the outbox.',
    });
    expect(await ask({ type: 'outbox:retry', id: queued.rowId })).toEqual({
      state: 'error',
      message: 'This save is no longer in the outbox.',
    });
  });
});

describe('auth and connection', () => {
  it('login: wrong credentials in CareerTrack words; plain http elsewhere refused unsent', async () => {
    start();
    expect(
      await ask({
        type: 'auth:login',
        apiUrl: api.url,
        email: user.email,
        password: 'wrong-password',
      }),
    ).toEqual({ ok: false, error: 'The provided credentials are incorrect.' });
    const insecure = await ask({
      type: 'auth:login',
      apiUrl: 'http://careertrack.example',
      email: user.email,
      password: user.password,
    });
    expect(insecure).toEqual({ ok: false, error: expect.stringMatching(/https:\/\//) });
    expect(await ask({ type: 'auth:status' })).toEqual({
      apiUrl: 'http://127.0.0.1:8000',
      email: null,
      signedIn: false,
      message: expect.any(String),
    });
  });

  it('token: checked against CareerTrack before it is kept', async () => {
    start();
    expect(await ask({ type: 'auth:token', apiUrl: api.url, token: '5|nope' })).toEqual({
      ok: false,
      error: expect.stringMatching(/Sign in again/),
    });
    expect(await getSession(bg.db)).toBeUndefined();
    expect(
      await ask({ type: 'auth:token', apiUrl: `${api.url}/`, token: ` ${user.token} ` }),
    ).toEqual({
      ok: true,
      email: null,
    });
    expect(await ask({ type: 'auth:status' })).toEqual({
      apiUrl: api.url,
      email: null,
      signedIn: true,
      message: null,
    });
  });

  it('logout: revokes the token on CareerTrack and forgets it here', async () => {
    start();
    await signIn();
    const { token } = (await getSession(bg.db)) ?? { token: '' };
    expect(await ask({ type: 'auth:logout' })).toEqual({ ok: true });
    expect(await getSession(bg.db)).toBeUndefined();
    expect((await call(api.url, 'GET', '/api/applications', { token })).status).toBe(401);
    expect(await ask({ type: 'auth:status' })).toMatchObject({ signedIn: false, email: null });
  });

  it('connection:test: each verdict, in words', async () => {
    start();
    const verdict = async (apiUrl: string) => ask({ type: 'connection:test', apiUrl });
    expect(await verdict(api.url)).toEqual({ verdict: 'signed-out', message: expect.any(String) });
    await signIn();
    expect(await verdict(api.url)).toEqual({
      verdict: 'connected',
      message: expect.stringContaining(api.url),
      email: user.email,
    });
    await setSession(bg.db, { token: '3|revoked', apiUrl: api.url, email: null }, Date.now());
    expect((await verdict(api.url)).verdict).toBe('token-rejected');

    const other = createHttpServer((_, res) => res.end('<html>Welcome to nginx!</html>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    expect((await verdict(otherUrl)).verdict).toBe('not-careertrack');
    await new Promise((resolve) => other.close(resolve));
    expect(await verdict(otherUrl)).toEqual({
      verdict: 'unreachable',
      message: expect.stringMatching(/Could not reach/),
    });
  });
});
