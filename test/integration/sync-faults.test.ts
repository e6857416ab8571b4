// The sync engine against the CareerTrack stand-in over real HTTP, through every way a server or a
// network fails. The engine's clock is a manual one shared with the server (created_at), so backoff
// waits are skipped by moving time, never by sleeping; only the timeout case runs on real time.
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncEngine } from '@/lib/background/sync-engine';
import { getSession, setSession } from '@/lib/background/token-store';
import type { ApplicationCreate } from '@/lib/schema';
import { type SyncHarness, type SyncHarnessOptions, syncHarness } from '../helpers/sync-harness';

const CREATE = { method: 'POST', path: '/api/applications' } as const;

type Harness = SyncHarness;

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function harness(options: SyncHarnessOptions = {}): Promise<Harness> {
  const h = await syncHarness(options);
  open.push(h.close);
  return h;
}

const job = (n = 1): ApplicationCreate => ({
  company_name: `Acme ${n}`,
  position_title: `Engineer ${n}`,
  status: 'applied',
  source: 'LinkedIn',
  source_url: `https://www.linkedin.com/jobs/view/${1000 + n}/`,
  location: 'Remote',
  salary_min: 50_000,
  salary_max: 70_000,
});

/** What reached CareerTrack for each save, in the API's words. */
function describeRecords(records: Array<Record<string, unknown>>) {
  return records.map((r) => `${r.company_name} | ${r.position_title} | ${r.source_url}`).sort();
}

function requestLog(h: Harness) {
  return h.api.faults.log.map(
    (e) => `${e.method} ${e.path} ${e.outcome === 'dropped' ? 'dropped' : e.status}`,
  );
}

async function expectSyncedOnce(h: Harness, id: number) {
  const records = h.records();
  expect(records).toHaveLength(1);
  expect(await h.db.outbox.get(id)).toMatchObject({
    state: 'synced',
    server_id: records[0]?.id,
    in_doubt: false,
    lease_until: null,
  });
}

describe('a transient answer is retried with backoff until CareerTrack takes it', () => {
  it('500 with an HTML page from the proxy', async () => {
    const h = await harness();
    h.fault({ ...CREATE, kind: 'status', status: 500, body: 'html' });
    const id = await h.save(job());
    const start = h.clock.now();
    await h.engine.nudge();
    const row = await h.db.outbox.get(id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1, in_doubt: true });
    expect(row?.last_error).toMatch(/HTTP 500/);
    expect(row?.next_attempt_at).toBeGreaterThanOrEqual(start + 1_000);
    expect(row?.next_attempt_at).toBeLessThanOrEqual(start + 5_000);
    // Not due yet: nothing is sent.
    await h.engine.nudge();
    expect(h.api.faults.log).toHaveLength(1);
    await h.settle();
    await expectSyncedOnce(h, id);
    // A 500 may come after the insert: the retry looked for the record before sending again.
    expect(requestLog(h)).toEqual([
      'POST /api/applications 500',
      'GET /api/applications 200',
      'POST /api/applications 201',
    ]);
  });

  it('503 with Retry-After in seconds waits at least that long', async () => {
    const h = await harness();
    h.fault({ ...CREATE, kind: 'status', status: 503, retryAfter: 120 });
    const id = await h.save(job());
    const start = h.clock.now();
    await h.engine.nudge();
    expect((await h.db.outbox.get(id))?.next_attempt_at).toBeGreaterThanOrEqual(start + 120_000);
    h.clock.set(start + 119_000);
    await h.engine.nudge();
    expect(h.api.faults.log).toHaveLength(1);
    await h.settle();
    await expectSyncedOnce(h, id);
  });

  it('429 with Retry-After as an HTTP date; the throttle answered first, so no lookup', async () => {
    const h = await harness();
    const start = h.clock.now();
    const date = new Date(Math.ceil((start + 300_000) / 1000) * 1000).toUTCString();
    h.fault({ ...CREATE, kind: 'status', status: 429, retryAfter: date });
    const id = await h.save(job());
    await h.engine.nudge();
    const row = await h.db.outbox.get(id);
    expect(row).toMatchObject({ state: 'pending', in_doubt: false });
    expect(row?.next_attempt_at).toBeGreaterThanOrEqual(Date.parse(date));
    await h.settle();
    await expectSyncedOnce(h, id);
    expect(requestLog(h)).toEqual(['POST /api/applications 429', 'POST /api/applications 201']);
  });

  it('connection refused while CareerTrack is stopped, then sent once it is back', async () => {
    const h = await harness();
    const id = await h.save(job());
    await h.api.close();
    await h.engine.nudge();
    const row = await h.db.outbox.get(id);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row?.last_error).toMatch(/Could not reach/);
    await h.restart();
    await h.settle();
    await expectSyncedOnce(h, id);
  });

  it('connection closed before the request was handled', async () => {
    const h = await harness();
    h.fault({ ...CREATE, kind: 'drop' });
    const id = await h.save(job());
    await h.engine.nudge();
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', in_doubt: true });
    expect(h.records()).toHaveLength(0);
    await h.settle();
    await expectSyncedOnce(h, id);
    expect(requestLog(h)).toEqual([
      'POST /api/applications dropped',
      'GET /api/applications 200',
      'POST /api/applications 201',
    ]);
  });

  it('201 with a captive portal page is not taken as saved', async () => {
    const h = await harness();
    h.fault({
      ...CREATE,
      kind: 'status',
      status: 201,
      body: 'html',
      text: '<html>Sign in to Wi-Fi</html>',
    });
    const id = await h.save(job());
    await h.engine.nudge();
    expect(await h.db.outbox.get(id)).toMatchObject({
      state: 'pending',
      in_doubt: true,
      server_id: null,
    });
    await h.settle();
    await expectSyncedOnce(h, id);
  });

  it('a 200 of many megabytes is cut off at 1 MB and not taken as saved', async () => {
    const h = await harness();
    h.fault({ ...CREATE, kind: 'status', status: 200, body: 'text', text: 'x'.repeat(3_000_000) });
    const id = await h.save(job());
    await h.engine.nudge();
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', in_doubt: true });
    await h.settle();
    await expectSyncedOnce(h, id);
  });
});

describe('an unknown outcome is looked up before sending again: never a duplicate', () => {
  it('connection closed after the record was committed: exactly one record', async () => {
    const h = await harness();
    h.fault({ ...CREATE, kind: 'drop', phase: 'after' });
    const id = await h.save(job());
    await h.engine.nudge();
    expect(h.records()).toHaveLength(1);
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', in_doubt: true });
    await h.settle();
    await expectSyncedOnce(h, id);
    expect(requestLog(h)).toEqual(['POST /api/applications dropped', 'GET /api/applications 200']);
  });

  it('201 whose body was replaced by HTML after the commit: found, not resent', async () => {
    const h = await harness();
    h.fault({ ...CREATE, kind: 'status', status: 201, body: 'html', phase: 'after' });
    const id = await h.save(job());
    await h.settle();
    await expectSyncedOnce(h, id);
    expect(requestLog(h)).toEqual(['POST /api/applications 201', 'GET /api/applications 200']);
  });

  it('slower than the timeout, after the commit: the lookup finds it', async () => {
    const h = await harness({ realTime: true, timeoutMs: 300, leaseMs: 1_500 });
    h.fault({ ...CREATE, kind: 'delay', delayMs: 900, phase: 'after' });
    const id = await h.save(job());
    await h.engine.nudge();
    const row = await h.db.outbox.get(id);
    expect(row).toMatchObject({ state: 'pending', in_doubt: true });
    expect(row?.last_error).toMatch(/did not answer within/);
    // The lookup waits for the lease to end, however short the backoff drew.
    expect(row?.next_attempt_at).toBeGreaterThanOrEqual((row?.first_attempt_at ?? 0) + 1_500);
    await h.settle();
    await expectSyncedOnce(h, id);
    expect(requestLog(h).slice(1)).toEqual(['GET /api/applications 200']);
  }, 10_000);

  it('slower than the timeout, before handling: looked up, not found, sent again once', async () => {
    const h = await harness({ realTime: true, timeoutMs: 300, leaseMs: 1_500 });
    h.fault({ ...CREATE, kind: 'delay', delayMs: 900 });
    const id = await h.save(job());
    await h.engine.nudge();
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', in_doubt: true });
    await h.settle();
    await expectSyncedOnce(h, id);
  }, 10_000);

  it('a lease that expired without an answer (the worker was stopped) is looked up', async () => {
    const h = await harness();
    const id = await h.save(job());
    // What a stopped worker leaves behind: the request reached CareerTrack, the row stayed leased.
    await h.engine.nudge();
    const [record] = h.records();
    await h.db.outbox.update(id, {
      state: 'sending',
      lease_until: h.clock.now() + 60_000,
      server_id: null,
      synced_at: null,
    });
    await h.engine.nudge();
    expect((await h.db.outbox.get(id))?.state).toBe('sending');
    h.clock.set(h.clock.now() + 60_000);
    await h.settle();
    expect(h.records()).toHaveLength(1);
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'synced', server_id: record?.id });
  });
});

describe('answers only the user can act on', () => {
  it('401: the whole queue waits for sign-in, and a new token resumes it', async () => {
    const h = await harness();
    await setSession(h.db, { token: '1|revoked', apiUrl: h.api.url, email: null }, h.clock.now());
    const ids = [await h.save(job(1)), await h.save(job(2)), await h.save(job(3))];
    await h.engine.nudge();
    const session = await getSession(h.db);
    expect(session?.rejected).toMatch(/Sign in again/);
    for (const id of ids) {
      expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', attempts: 0 });
    }
    const seen = h.api.faults.log.length;
    expect(seen).toBeLessThanOrEqual(4);
    h.clock.set(h.clock.now() + 3_600_000);
    await h.engine.nudge();
    expect(h.api.faults.log).toHaveLength(seen);

    await setSession(h.db, { token: h.token, apiUrl: h.api.url, email: null }, h.clock.now());
    await h.settle();
    expect(h.records()).toHaveLength(3);
    expect((await h.rows()).every((row) => row.state === 'synced')).toBe(true);
  });

  it('422: needs attention with the field messages, and is not retried by itself', async () => {
    const h = await harness();
    // Past the local schema (which would have caught it): the server's rule is what counts here.
    const id = await h.save({ ...job(), company_name: 'A'.repeat(300) });
    await h.settle();
    const row = await h.db.outbox.get(id);
    expect(row).toMatchObject({
      state: 'attention',
      in_doubt: false,
      field_errors: {
        company_name: ['The company name field must not be greater than 255 characters.'],
      },
    });
    expect(row?.last_error).toMatch(/did not accept/);
    h.clock.set(h.clock.now() + 86_400_000);
    await h.engine.nudge();
    expect(h.api.faults.log).toHaveLength(1);
    expect(h.records()).toHaveLength(0);
  });

  it('a token is never sent over plain http to another computer', async () => {
    const h = await harness();
    const id = await h.save(job());
    await setSession(
      h.db,
      { token: h.token, apiUrl: 'http://careertrack.example', email: null },
      0,
    );
    const engine = createSyncEngine({
      db: h.db,
      clock: h.clock,
      random: Math.random,
      settings: { get: async () => ({ api_url: 'http://careertrack.example' }) },
      api: () => {
        throw new Error('no client may be built for this address');
      },
    });
    await engine.nudge();
    expect((await getSession(h.db))?.rejected).toMatch(/plain http:\/\/.*https:\/\//);
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', attempts: 0 });
  });
});

describe('soak', () => {
  it('200 saves through 30%+ random faults arrive exactly once each, with their fields', async () => {
    const h = await harness();
    const seed = 20260501;
    const rate = 0.07;
    h.fault([
      { kind: 'status', status: 500, body: 'html', rate, seed },
      { kind: 'status', status: 503, retryAfter: 30, rate, seed: seed + 1 },
      { kind: 'status', status: 429, retryAfter: 5, rate, seed: seed + 2 },
      { kind: 'drop', rate, seed: seed + 3 },
      { kind: 'drop', phase: 'after', rate, seed: seed + 4 },
      { kind: 'status', status: 201, body: 'html', phase: 'after', rate, seed: seed + 5 },
    ]);
    const drafts = Array.from({ length: 200 }, (_, i) => job(i));
    for (const draft of drafts) await h.save(draft);
    await h.settle(400);

    const log = h.api.faults.log;
    const faulted = log.filter((entry) => entry.faultId !== null).length;
    expect(faulted / log.length).toBeGreaterThanOrEqual(0.3);
    expect(describeRecords(h.records())).toEqual(
      describeRecords(
        drafts.map((d) => ({
          company_name: d.company_name,
          position_title: d.position_title,
          source_url: d.source_url,
        })),
      ),
    );
    const rows = await h.rows();
    expect(rows.every((row) => row.state === 'synced')).toBe(true);
    expect(new Set(rows.map((row) => row.server_id)).size).toBe(200);
    const byId = new Map(h.records().map((record) => [record.id, record]));
    for (const row of rows) {
      expect(byId.get(row.server_id)).toMatchObject({
        company_name: row.draft.company_name,
        position_title: row.draft.position_title,
        source_url: row.draft.source_url,
        location: 'Remote',
        salary_min: 50_000,
        salary_max: 70_000,
      });
    }
  }, 60_000);
});
