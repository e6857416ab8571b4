// The engine's own rules (leases, bounded concurrency, coalesced wakes, the token binding, the
// lookup's matching), over real HTTP to the CareerTrack stand-in. Faults are in
// test/integration/sync-faults.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '@/lib/background/api-client';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { saveToOutbox } from '@/lib/background/outbox';
import {
  coalesce,
  createSyncEngine,
  LOOKUP_CLOCK_MARGIN_MS,
  type SyncDeps,
} from '@/lib/background/sync-engine';
import { clearSession, setSession } from '@/lib/background/token-store';
import type { OutboxRow } from '@/lib/outbox-row';
import type { ApplicationCreate } from '@/lib/schema';
import { newApplication, newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const job = (n = 1): ApplicationCreate => ({
  company_name: 'Acme',
  position_title: `Engineer ${n}`,
  status: 'applied',
  source_url: `https://jobs.example/${n}`,
});

async function setup(overrides: Partial<SyncDeps> = {}) {
  let time = Date.now();
  const clock = { now: () => time, set: (next: number) => void (time = next) };
  const api: RunningApi = await startApi({ db: ':memory:', clock: () => new Date(time) });
  const user = await newUser(api.url);
  api.faults.clear();
  const db: ClipperDb = openDb(`sync-${crypto.randomUUID()}`);
  await setSession(db, { token: user.token, apiUrl: api.url, email: user.email }, time);
  const changes: Array<OutboxRow | null> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  // Observes, never answers: every request still goes to the stand-in over HTTP.
  const counting: typeof fetch = async (...args) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      return await fetch(...args);
    } finally {
      inFlight--;
    }
  };
  const deps: SyncDeps = {
    db,
    clock,
    random: () => 0.5,
    settings: { get: async () => ({ api_url: api.url }) },
    api: (session) => createApi({ ...session, fetch: counting }),
    onChange: (row) => changes.push(row),
    onError: (error) => {
      throw error;
    },
    ...overrides,
  };
  const engine = createSyncEngine(deps);
  cleanups.push(async () => {
    await api.close();
    db.close();
    await db.delete();
  });
  const save = async (draft: ApplicationCreate, jobKey: string, force = false) => {
    const saved = await saveToOutbox(db, { draft, jobKey, force }, time);
    if (saved.kind !== 'queued') throw new Error('not queued');
    return saved.row.id;
  };
  const records = () =>
    api.db.prepare('SELECT * FROM job_applications ORDER BY id').all() as Array<{
      id: number;
      position_title: string;
    }>;
  const posts = () => api.faults.log.filter((entry) => entry.method === 'POST').length;
  return {
    api,
    db,
    engine,
    deps,
    clock,
    user,
    changes,
    save,
    records,
    posts,
    maxInFlight: () => maxInFlight,
  };
}

describe('delivery', () => {
  it('sends a row, keeps the server id and reports each change', async () => {
    const t = await setup();
    const id = await t.save(job(), 'a');
    await t.engine.nudge();
    const [record] = t.records();
    expect(record).toMatchObject({ position_title: 'Engineer 1' });
    expect(await t.db.outbox.get(id)).toMatchObject({
      state: 'synced',
      server_id: record?.id,
      attempts: 0,
      synced_at: t.clock.now(),
      lease_until: null,
    });
    expect(t.changes.map((row) => row?.state)).toEqual(['sending', 'synced']);
  });

  it('keeps at most 4 requests in flight, and drains everything', async () => {
    const t = await setup();
    // Long enough that all four lanes overlap even on a loaded 2-core machine (30 ms did not).
    t.api.faults.add({ kind: 'delay', delayMs: 250, rate: 1 });
    for (let i = 0; i < 20; i++) await t.save(job(i), `k${i}`);
    await t.engine.nudge();
    expect(t.maxInFlight()).toBe(4);
    expect(t.records()).toHaveLength(20);
  });

  it('commits once per row while draining: the outcome and the next lease share a transaction', async () => {
    const t = await setup();
    const rows = 24;
    for (let i = 0; i < rows; i++) await t.save(job(i), `k${i}`);
    await t.db.open();
    // Dexie's lowest layer: one call per IndexedDB transaction (nested ones reuse their parent's).
    const writes = vi.spyOn(t.db.core, 'transaction');
    await t.engine.nudge();
    expect(t.records()).toHaveLength(rows);
    const readwrite = writes.mock.calls.filter(([, mode]) => mode === 'readwrite').length;
    // One per row, plus each of the 4 lanes' first claim (the two-step way made 2 x 24 + 4).
    expect(readwrite).toBeGreaterThanOrEqual(rows);
    expect(readwrite).toBeLessThanOrEqual(rows + 4);
  });

  it('never sends a row twice when wakes overlap, even from two engines', async () => {
    const t = await setup();
    t.api.faults.add({ kind: 'delay', delayMs: 5, rate: 1 });
    for (let i = 0; i < 30; i++) await t.save(job(i), `k${i}`);
    const second = createSyncEngine(t.deps);
    await Promise.all([
      t.engine.nudge(),
      second.nudge(),
      t.engine.nudge(),
      second.nudge(),
      t.engine.nudge(),
    ]);
    expect(t.records()).toHaveLength(30);
    expect(t.posts()).toBe(30);
  });

  it('a wake during a run joins it, and a row saved meanwhile still goes out', async () => {
    const t = await setup();
    t.api.faults.add({ kind: 'delay', delayMs: 20, rate: 1 });
    await t.save(job(1), 'a');
    const first = t.engine.nudge();
    await t.save(job(2), 'b');
    const second = t.engine.nudge();
    expect(second).toBe(first);
    await first;
    expect(t.records()).toHaveLength(2);
  });

  it('asks to be woken when the next retry falls due', async () => {
    const wakes: number[] = [];
    const t = await setup({ wakeAt: (time) => wakes.push(time) });
    t.api.faults.add({ kind: 'status', status: 502 });
    const id = await t.save(job(), 'a');
    await t.engine.nudge();
    expect(wakes).toEqual([(await t.db.outbox.get(id))?.next_attempt_at]);
  });
});

describe('the token', () => {
  it('sends nothing while signed out', async () => {
    const t = await setup();
    await clearSession(t.db);
    await t.save(job(), 'a');
    await t.engine.nudge();
    expect(t.api.faults.log).toHaveLength(0);
  });

  it('is used only with the address it was issued by', async () => {
    const t = await setup({
      settings: { get: async () => ({ api_url: 'https://elsewhere.example' }) },
    });
    await t.save(job(), 'a');
    await t.engine.nudge();
    expect(t.api.faults.log).toHaveLength(0);
    expect((await t.db.outbox.get(1))?.state).toBe('pending');
  });

  it('is read again for each row: signing out stops the queue mid-drain', async () => {
    const t = await setup({ concurrency: 1 });
    for (let i = 0; i < 5; i++) await t.save(job(i), `k${i}`);
    let signedOut = false;
    t.deps.onChange = (row) => {
      if (row?.state === 'synced' && !signedOut) {
        signedOut = true;
        void clearSession(t.db);
      }
    };
    await createSyncEngine(t.deps).nudge();
    expect(t.records().length).toBeLessThanOrEqual(2);
  });
});

describe('looking up a save in doubt', () => {
  async function inDoubt(t: Awaited<ReturnType<typeof setup>>, id: number) {
    await t.db.outbox.update(id, { in_doubt: true, first_attempt_at: t.clock.now() });
  }

  it('does not take a record that another save of the same job already claimed', async () => {
    const t = await setup();
    const first = await t.save(job(), 'same');
    await t.engine.nudge();
    const forced = await t.save(job(), 'same', true);
    await inDoubt(t, forced);
    await t.engine.nudge();
    const records = t.records();
    expect(records).toHaveLength(2);
    expect((await t.db.outbox.get(first))?.server_id).toBe(records[0]?.id);
    expect((await t.db.outbox.get(forced))?.server_id).toBe(records[1]?.id);
  });

  it('does not take an older record of the same job, made before this save was first sent', async () => {
    const t = await setup();
    const start = t.clock.now();
    t.clock.set(start - LOOKUP_CLOCK_MARGIN_MS - 60_000);
    await newApplication(t.api.url, t.user.token, job());
    t.clock.set(start);
    const id = await t.save(job(), 'a');
    await inDoubt(t, id);
    await t.engine.nudge();
    expect(t.records()).toHaveLength(2);
    expect((await t.db.outbox.get(id))?.server_id).toBe(t.records()[1]?.id);
  });

  it('takes a record made within the clock margin, matched on title and address', async () => {
    const t = await setup();
    t.clock.set(t.clock.now() - 60_000);
    await newApplication(t.api.url, t.user.token, { ...job(), position_title: 'Other title' });
    const mine = await newApplication(t.api.url, t.user.token, job());
    t.clock.set(t.clock.now() + 60_000);
    const id = await t.save(job(), 'a');
    await inDoubt(t, id);
    await t.engine.nudge();
    expect(t.records()).toHaveLength(2);
    expect((await t.db.outbox.get(id))?.server_id).toBe(mine.id);
  });
});

describe('coalesce', () => {
  it('runs once more when asked during a run, never in parallel, and never rejects', async () => {
    let running = 0;
    let runs = 0;
    let overlap = false;
    const errors: unknown[] = [];
    const run = coalesce(
      async () => {
        overlap ||= running > 0;
        running++;
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        if (runs === 3) throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    await Promise.all([run(), run(), run()]);
    expect(runs).toBe(2);
    await run();
    expect(runs).toBe(3);
    expect(errors).toHaveLength(1);
    expect(overlap).toBe(false);
  });
});
