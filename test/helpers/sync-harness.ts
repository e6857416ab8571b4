/**
 * The sync engine against the CareerTrack stand-in over real HTTP: fake-indexeddb for the outbox,
 * a new user on an in-memory server, and by default a manual clock shared with the server
 * (created_at), so that backoff waits are skipped by moving time, never by sleeping. Used by
 * test/integration/sync-faults.test.ts and the reliability suite (test/reliability/).
 */
import { createApi } from '@/lib/background/api-client';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { nextDueAt, saveToOutbox } from '@/lib/background/outbox';
import { createSyncEngine, type SyncEngine } from '@/lib/background/sync-engine';
import { setSession } from '@/lib/background/token-store';
import type { OutboxRow } from '@/lib/outbox-row';
import type { ApplicationCreate } from '@/lib/schema';
import { newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';
import { type Db, openDatabase } from '../server/db';
import { FaultController, type FaultPlan } from '../server/faults';

export interface ManualClock {
  now(): number;
  set(time: number): void;
}

export interface SyncHarness {
  readonly api: RunningApi;
  db: ClipperDb;
  serverDb: Db;
  engine: SyncEngine;
  clock: ManualClock;
  token: string;
  userId: number;
  /** One save as the background makes it: one transaction, before any network call. */
  save(draft: ApplicationCreate, jobKey?: string): Promise<number>;
  /**
   * Nudges, moving the clock to each next due time (once the server has finished what it was
   * doing), until nothing waits.
   */
  settle(rounds?: number): Promise<void>;
  rows(): Promise<OutboxRow[]>;
  /** This user's records on the server, oldest first. */
  records(): Array<Record<string, unknown>>;
  fault(plan: FaultPlan | FaultPlan[]): void;
  /** Stops listening (connections refused) ... */
  stop(): Promise<void>;
  /** ... and listens again on the same port, with the same records and faults. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Resolves once the server holds no request in progress (at most `limitMs`). */
  quiet(limitMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface SyncHarnessOptions {
  timeoutMs?: number;
  leaseMs?: number;
  /** The engine's clock is the real one (for timeouts); the server's too. */
  realTime?: boolean;
  concurrency?: number;
  random?: () => number;
  /** Shared by every start of the server, so that its faults and counts outlive a restart. */
  faults?: FaultController;
  /** What the engine fetches with (default: the global fetch). */
  fetch?: typeof globalThis.fetch;
}

export async function syncHarness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  let time = Date.now();
  const clock: ManualClock = {
    now: () => (options.realTime ? Date.now() : time),
    set: (next: number) => {
      time = next;
    },
  };
  const faults = options.faults ?? new FaultController();
  // Opened here, not by the server, so that it outlives a stop and restart of the server.
  const serverDb = openDatabase(':memory:');
  const serverClock = () => new Date(clock.now());
  let port = 0;
  let api: RunningApi | null = null;
  const inFlight = new Set<object>();
  const listen = async () => {
    api = await startApi({ db: serverDb, port, clock: serverClock, faults });
    port = api.port;
    // Counted from arrival to the app's last word: a request whose client gave up may still be
    // working (and writing) on the server.
    api.server.on('request', (_req, res) => {
      inFlight.add(res);
      const end = () => inFlight.delete(res);
      res.on('finish', end);
      res.on('close', end);
    });
  };
  await listen();
  const running = () => {
    if (!api) throw new Error('the stand-in is stopped');
    return api;
  };
  const user = await newUser(running().url);
  faults.clear(); // the log then shows only the engine's requests
  const db = openDb(`sync-harness-${crypto.randomUUID()}`);
  const apiUrl = running().url;
  await setSession(db, { token: user.token, apiUrl, email: user.email }, clock.now());
  const engine = createSyncEngine({
    db,
    clock,
    random: options.random ?? Math.random,
    settings: { get: async () => ({ api_url: apiUrl }) },
    api: (session) =>
      createApi({ ...session, timeoutMs: options.timeoutMs ?? 5_000, fetch: options.fetch }),
    leaseMs: options.leaseMs,
    concurrency: options.concurrency,
    onError: (error) => {
      throw error;
    },
  });
  let jobs = 0;
  const h: SyncHarness = {
    get api() {
      return running();
    },
    db,
    serverDb,
    engine,
    clock,
    token: user.token,
    userId: user.id,
    async save(draft, jobKey = `job-${++jobs}`) {
      const saved = await saveToOutbox(db, { draft, jobKey }, clock.now());
      if (saved.kind !== 'queued') throw new Error('not queued');
      return saved.row.id;
    },
    async settle(rounds = 40) {
      for (let i = 0; i < rounds; i++) {
        await engine.nudge();
        const due = await nextDueAt(db);
        if (due === null) return;
        await h.quiet();
        if (options.realTime)
          await new Promise((r) => setTimeout(r, Math.max(due - Date.now(), 0)));
        else clock.set(Math.max(clock.now(), due));
      }
      throw new Error('the outbox did not settle');
    },
    rows: () => db.outbox.toArray(),
    records: () =>
      serverDb
        .prepare('SELECT * FROM job_applications WHERE user_id = ? ORDER BY id')
        .all(user.id) as Array<Record<string, unknown>>,
    fault: (plan) => {
      faults.add(plan);
    },
    async stop() {
      await api?.close();
      api = null;
      inFlight.clear();
    },
    async start() {
      if (!api) await listen();
    },
    async restart() {
      await h.stop();
      await h.start();
    },
    async quiet(limitMs = 5_000) {
      const until = Date.now() + limitMs;
      while (inFlight.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    },
    async close() {
      await h.stop();
      serverDb.close();
      db.close();
      await db.delete();
    },
  };
  return h;
}
