// The popup's list of applications: CareerTrack's answer when it can be reached, the last copy
// (and the words why) when it cannot, and nothing of one account left for the next.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApi } from '@/lib/background/api-client';
import { createApplicationsList } from '@/lib/background/applications';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { type Background, startBackground } from '@/lib/background/handlers';
import { type Auth, currentAuth, setSession } from '@/lib/background/token-store';
import type { Sender } from '@/lib/messages';
import { newApplication, newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';

let api: RunningApi;
let db: ClipperDb;
let user: Awaited<ReturnType<typeof newUser>>;
let now = 1_000;
/** Every address the client asked, to see CareerTrack's own parameters used. */
let asked: string[] = [];

/** Each record a minute after the last, so that "latest first" has one right order. */
let minutes = 0;
const serverClock = () => new Date(Date.UTC(2026, 11, 1, 9, minutes++));

beforeEach(async () => {
  api = await startApi({ db: ':memory:', clock: serverClock });
  user = await newUser(api.url);
  db = openDb(`applications-${crypto.randomUUID()}`);
  asked = [];
  await setSession(db, { token: user.token, apiUrl: api.url, email: user.email }, now);
});

afterEach(async () => {
  db.close();
  await db.delete();
  await api.close();
});

function list() {
  return createApplicationsList({
    db,
    auth: (): Promise<Auth> => currentAuth(db, api.url),
    apiFor: (baseUrl, token) =>
      createApi({
        baseUrl,
        token,
        timeoutMs: 2_000,
        fetch: (input, init) => {
          asked.push(input instanceof Request ? input.url : String(input));
          return fetch(input, init);
        },
      }),
    now: () => now,
  });
}

/** The copy is written after the answer: wait until it holds `count` applications. */
async function copied(count: number) {
  await vi.waitFor(async () =>
    expect((await db.copies.get('applications'))?.applications).toHaveLength(count),
  );
}

async function seed() {
  await newApplication(api.url, user.token, { company_name: 'Acme', position_title: 'First' });
  await newApplication(api.url, user.token, {
    company_name: 'Globex',
    position_title: 'Second',
    status: 'interview',
    source_url: 'https://jobs.example/2',
  });
}

describe('applications:list', () => {
  it("lists the user's applications, latest change first, with what the tab shows", async () => {
    await seed();
    const answer = await list()({});
    expect(answer.state).toBe('live');
    if (answer.state !== 'live') return;
    expect(answer.applications.map((row) => row.position_title)).toEqual(['Second', 'First']);
    expect(answer.applications[0]).toMatchObject({
      company_name: 'Globex',
      status: 'interview',
      source_url: 'https://jobs.example/2',
    });
    // The view carries nothing the list does not show (notes may be long and private).
    expect(Object.keys(answer.applications[0] ?? {})).not.toContain('notes');
  });

  it("filters by status and company as CareerTrack's own parameters", async () => {
    await seed();
    const byStatus = await list()({ status: 'interview' });
    expect(byStatus.state === 'live' && byStatus.applications.map((r) => r.company_name)).toEqual([
      'Globex',
    ]);
    const byCompany = await list()({ company: 'acm' });
    expect(byCompany.state === 'live' && byCompany.applications.map((r) => r.company_name)).toEqual(
      ['Acme'],
    );
    expect(asked.at(-2)).toContain('status=interview');
    expect(asked.at(-1)).toContain('company=acm');
    expect(asked.at(-1)).toContain('per_page=100&sort_by=updated_at&sort_direction=desc');
  });

  it('answers from the last copy when CareerTrack cannot be reached, and says so', async () => {
    await seed();
    await list()({});
    await copied(2);
    now = 5_000;
    await api.close();
    const answer = await list()({ company: 'GLOB' });
    expect(answer).toMatchObject({ state: 'copy', savedAt: 1_000 });
    if (answer.state !== 'copy') return;
    expect(answer.reason).toMatch(/Could not reach/);
    expect(answer.applications.map((row) => row.company_name)).toEqual(['Globex']);
    api = await startApi({ db: ':memory:' });
  });

  it('a filtered list does not replace the copy, which would hide the rest offline', async () => {
    await seed();
    await list()({});
    await copied(2);
    await list()({ status: 'interview' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await db.copies.get('applications'))?.applications).toHaveLength(2);
  });

  it('a list that arrives after the session changed is not kept for the next account', async () => {
    await seed();
    api.faults.add({ kind: 'delay', delayMs: 300, path: '/api/applications' });
    const answer = list()({});
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = await newUser(api.url);
    await setSession(db, { token: other.token, apiUrl: api.url, email: other.email }, now);
    expect((await answer).state).toBe('live');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.copies.get('applications')).toBeUndefined();
  });

  it('without a copy, an unreachable CareerTrack is an error in words', async () => {
    await api.close();
    expect(await list()({})).toMatchObject({ state: 'error', message: /Could not reach/ });
    api = await startApi({ db: ':memory:' });
  });

  it('a revoked token asks for a sign-in and pauses the queue like any 401', async () => {
    api.faults.add({
      kind: 'status',
      status: 401,
      body: 'json',
      json: { message: 'Unauthenticated.' },
    });
    expect(await list()({})).toMatchObject({ state: 'signin' });
    expect((await currentAuth(db, api.url)).state).toBe('rejected');
  });

  it('signed out: asks for a sign-in without calling CareerTrack', async () => {
    const signedOut = createApplicationsList({
      db,
      auth: async () => ({ state: 'signed-out', message: 'Sign in.' }),
      apiFor: () => {
        throw new Error('no request without a session');
      },
      now: () => now,
    });
    expect(await signedOut({})).toEqual({ state: 'signin', message: 'Sign in.' });
    expect(asked).toEqual([]);
  });
});

describe('applications:list through the background', () => {
  let bg: Background;
  const POPUP = (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('/popup.html'),
  });
  const ask = async (message: unknown, sender: Sender = POPUP()) =>
    (await fakeBrowser.runtime.onMessage.trigger(message, sender))[0];

  const timers = new Set<ReturnType<typeof setTimeout>>();
  afterEach(async () => {
    for (const timer of timers) clearTimeout(timer);
    await bg?.started;
    await bg?.engine.nudge();
    bg?.db.close();
    await bg?.db.delete();
  });

  it('answers the extension pages only, and forgets the copy at sign-out and sign-in', async () => {
    bg = startBackground({
      browser: fakeBrowser,
      db: openDb(`bg-${crypto.randomUUID()}`),
      setTimer(callback, ms) {
        const timer = setTimeout(callback, ms);
        timers.add(timer);
        return () => clearTimeout(timer);
      },
    });
    await fakeBrowser.storage.local.set({ api_url: api.url });
    const login = {
      type: 'auth:login',
      apiUrl: api.url,
      email: user.email,
      password: user.password,
    };
    expect(await ask(login)).toMatchObject({ ok: true });
    await seed();
    expect(await ask({ type: 'applications:list', query: {} })).toMatchObject({ state: 'live' });
    await vi.waitFor(async () => expect(await bg.db.copies.get('applications')).toBeDefined());

    const page = {
      id: fakeBrowser.runtime.id,
      url: 'https://www.linkedin.com/jobs/view/1/',
      tab: { id: 3, url: 'https://www.linkedin.com/jobs/view/1/' },
    } as Sender;
    expect(await ask({ type: 'applications:list', query: {} }, page)).toMatchObject({ ok: false });
    expect(await ask({ type: 'applications:list', query: { status: 'hired' } })).toMatchObject({
      ok: false,
    });

    expect(await ask({ type: 'auth:logout' })).toEqual({ ok: true });
    expect(await bg.db.copies.get('applications')).toBeUndefined();

    expect(await ask(login)).toMatchObject({ ok: true });
    await ask({ type: 'applications:list', query: {} });
    await vi.waitFor(async () => expect(await bg.db.copies.get('applications')).toBeDefined());
    const other = await newUser(api.url);
    await ask({
      type: 'auth:login',
      apiUrl: api.url,
      email: other.email,
      password: other.password,
    });
    expect(await bg.db.copies.get('applications')).toBeUndefined();
  });
});
