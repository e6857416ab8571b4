// Probes of the background's message boundary and of where the token lives: the real background
// (lib/background/handlers.ts) registered in WXT's fake browser, the outbox and the token in
// fake-indexeddb, CareerTrack as the stand-in over real HTTP, and a second local server playing
// the attacker. Each probe is one way a page or a content script could make the extension save,
// reveal or send something; a probe that gets through counts as a leak.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/background/database';
import { type Background, SYNC_ALARM, startBackground } from '@/lib/background/handlers';
import { getSession } from '@/lib/background/token-store';
import { CLIP_LOOKUP, CLIP_SAVE, EXTRACT_JOB, RUN_SAVE } from '@/lib/content/protocol';
import type { JobDraft } from '@/lib/extract/types';
import type { Sender } from '@/lib/messages';
import { getSettings, settingsItem } from '@/lib/settings';
import { newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';
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

/** A server that records whatever reaches it: where a forged address would send the token. */
async function attacker(): Promise<{
  url: string;
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"name":"CareerTrack API","data":[]}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

describe('a page or a content script cannot make the extension save or reveal anything', () => {
  let api: RunningApi;
  let evil: Awaited<ReturnType<typeof attacker>>;
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
    evil = await attacker();
    const user = await newUser(api.url);
    bg = startBackground({
      browser: fakeBrowser,
      db: openDb(`probes-${crypto.randomUUID()}`),
      timeoutMs: 2_000,
      saveWaitMs: 2_000,
      openPopup: async () => {},
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

    // 3. The content scripts' own requests, forged or oversized.
    const clip = (draft: unknown, extra: object = {}) => ({ type: CLIP_SAVE, draft, ...extra });
    const forgedClips: Array<[string, unknown, Sender?]> = [
      ['an extra key beside the draft', clip(job(), { apiUrl: evil.url })],
      ['a title of 256 characters', clip(job({ position_title: 'x'.repeat(256) }))],
      ['a company of 1 MB', clip(job({ company_name: 'x'.repeat(1_000_000) }))],
      ['a description of 100,001 characters', clip(job({ description: 'x'.repeat(100_001) }))],
      ['a job key of 2,049 characters', clip(job({ job_key: `linkedin:${'9'.repeat(2_040)}` }))],
      ['a negative salary', clip(job({ salary_min: -1 }))],
      ['a salary that is text', clip({ ...job(), salary_min: '50000' })],
      ['eight truncation marks', clip(job({ truncated: Array(8).fill('company_name') }))],
      ['a job other than the tab shows', clip(job({ job_key: 'linkedin:4400000001' }))],
      ['a lookup of a job other than the tab shows', { type: CLIP_LOOKUP, jobKey: 'k1' }],
      ['a lookup with an extra key', { type: CLIP_LOOKUP, jobKey: 'linkedin:4400000099', x: 1 }],
      ['a message that is not an object', 'clip:save'],
      ['the extract request the popup sends to tabs', { type: EXTRACT_JOB }],
      ['the run request the background sends to tabs', { type: RUN_SAVE }],
      ['a save from a frame inside the page', clip(job()), contentScript({ frameId: 3 })],
      ['a save from a tab of another extension id', clip(job()), contentScript({ id: 'other' })],
      [
        'a save from a tab showing no job',
        clip(job()),
        contentScript({
          url: 'https://www.linkedin.com/feed/',
          tab: { id: 7, url: 'https://www.linkedin.com/feed/', index: 0 } as Sender['tab'],
        }),
      ],
    ];
    for (const [name, message, sender] of forgedClips) {
      await probe(`content script: ${name}`, () => refused(message, sender ?? contentScript()));
    }

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
      const answer = await ask(clip(job()), contentScript());
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

    // 6. A content script can write storage.local: pointing the address at another server must
    //    not send it the token, whatever wakes the queue.
    await probe('a forged API address gets no token', async () => {
      const settings = await getSettings();
      await settingsItem.setValue({ ...settings, api_url: evil.url });
      await ask(
        {
          type: 'outbox:save',
          draft: { company_name: 'Acme', position_title: 'Engineer 3' },
          jobKey: 'k3',
        },
        popup(),
      );
      await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now() });
      await bg.engine.nudge();
      await ask({ type: 'connection:test', apiUrl: evil.url }, popup());
      await settingsItem.setValue(settings);
      return evil.seen.every((headers) => !JSON.stringify(headers).includes(secret()));
    });

    tally({ task }, { probes, leaks: failed.length });
    expect(failed).toEqual([]);
    expect(probes).toBeGreaterThanOrEqual(50);
  }, 60_000);
});
