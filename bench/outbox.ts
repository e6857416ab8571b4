/**
 * The Node variant (`npm run bench:outbox:node`); `npm run bench:outbox` runs bench/outbox-browser.ts,
 * the same in Chromium with the built extension and real IndexedDB, whose numbers are the ones to go by.
 * The outbox's speed and memory: enqueue 10,000 saves, then drain queued rows to the CareerTrack
 * stand-in (port 0, SQLite :memory:) over real HTTP with the real sync engine. The stand-in runs in
 * the parent process, as a real CareerTrack runs apart from the browser, so its records do not count
 * in the draining process's memory.
 * Node has no IndexedDB: this runs on fake-indexeddb, an in-memory implementation, so absolute
 * numbers are not a browser's, and the queued rows themselves count in the process's memory.
 * Each drain runs in a process of its own, so that one's heap is not counted in the other's peak.
 * Last line: one JSON object (enqueue_ms_per_row, drain_rows_per_s, peak_rss_mb_1k,
 * peak_rss_mb_10k). Goals: <= 2 ms/row, >= 100 rows/s, 10k peak <= 1.5 x 1k peak.
 */
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApi } from '@/lib/background/api-client';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { newRow, saveToOutbox } from '@/lib/background/outbox';
import { createSyncEngine } from '@/lib/background/sync-engine';
import { setSession } from '@/lib/background/token-store';
import type { ApplicationCreate } from '@/lib/schema';
import { type RunningApi, startApi } from '../test/server/app';

const ENQUEUE_ROWS = 10_000;
const SAMPLE_MS = 10;

const draft = (n: number): ApplicationCreate => ({
  company_name: `Company ${n % 97}`,
  position_title: `Engineer ${n}`,
  status: 'applied',
  source: 'LinkedIn',
  source_url: `https://www.linkedin.com/jobs/view/${4_000_000 + n}/`,
  location: 'Remote',
  salary_min: 50_000,
  salary_max: 70_000,
  applied_at: '2026-05-01',
  notes: 'Found through the bench. '.repeat(8),
});

async function freshDb(name: string): Promise<ClipperDb> {
  const db = openDb(name);
  await db.delete();
  await db.open();
  return db;
}

/** Saves one by one, as the user does: one transaction each, checking "already saved". */
async function timeEnqueue(count: number): Promise<number> {
  const db = await freshDb('bench-enqueue');
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await saveToOutbox(db, { draft: draft(i), jobKey: `job-${i}` }, Date.now());
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}

async function register(apiUrl: string, rows: number): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/register`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: 'Bench',
      email: `bench-${rows}@example.test`,
      password: 'password123',
      password_confirmation: 'password123',
    }),
  });
  const body = (await response.json()) as { data: { token: string } };
  return body.data.token;
}

/** In a child process: fills the outbox with `rows`, then drains it, sampling resident memory. */
async function drainChild(rows: number, apiUrl: string) {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const db = await freshDb(`bench-drain-${rows}`);
  // Filled in bulk: the queue is the subject here, not how it was filled (timed separately).
  for (let from = 0; from < rows; from += 1_000) {
    const now = Date.now();
    const chunk = Array.from({ length: Math.min(1_000, rows - from) }, (_, i) =>
      newRow(draft(from + i), `job-${from + i}`, now),
    );
    await db.outbox.bulkAdd(chunk);
  }
  const token = await register(apiUrl, rows);
  await setSession(db, { token, apiUrl, email: null }, Date.now());
  const engine = createSyncEngine({
    db,
    clock: Date,
    random: Math.random,
    settings: { get: async () => ({ api_url: apiUrl }) },
    api: (session) => createApi(session),
    onError: (error) => {
      throw error;
    },
  });
  collectGarbage();
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  const started = performance.now();
  await engine.nudge();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  // What the drain keeps: the JS heap still in use after a full collection.
  collectGarbage();
  const liveMb = process.memoryUsage().heapUsed / 2 ** 20;
  const synced = await db.outbox
    .where('[state+updated_at]')
    .between(['synced', 0], ['synced', Infinity])
    .count();
  if (synced !== rows) throw new Error(`drained ${synced} rows of ${rows}`);
  console.log(
    JSON.stringify({ rows, ms, peakMb: peak / 2 ** 20, startMb: startRss / 2 ** 20, liveMb }),
  );
}

interface DrainRun {
  rows: number;
  ms: number;
  peakMb: number;
  startMb: number;
  liveMb: number;
}

/** Drains in a child process (async, so this process's server keeps answering it). */
async function drainInChild(rows: number, api: RunningApi): Promise<DrainRun> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [
    ...process.execArgv,
    script,
    '--drain',
    String(rows),
    api.url,
  ]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`the ${rows}-row drain failed:\n${stderr}`);
  // Exactly one record per row, counted where they landed.
  const { n } = api.db
    .prepare(
      'SELECT count(*) AS n FROM job_applications WHERE company_name LIKE ? AND user_id = (SELECT id FROM users WHERE email = ?)',
    )
    .get('Company %', `bench-${rows}@example.test`) as { n: number };
  if (n !== rows) throw new Error(`the ${rows}-row drain made ${n} records`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
}

async function main() {
  const enqueueMs = await timeEnqueue(ENQUEUE_ROWS);
  const api = await startApi({ db: ':memory:' });
  const oneK = await drainInChild(1_000, api);
  const tenK = await drainInChild(10_000, api);
  await api.close();
  const rate = (run: DrainRun) => round(run.rows / (run.ms / 1000), 1);
  const result = {
    enqueue_ms_per_row: round(enqueueMs / ENQUEUE_ROWS, 3),
    drain_rows_per_s: rate(oneK),
    peak_rss_mb_1k: round(oneK.peakMb, 1),
    peak_rss_mb_10k: round(tenK.peakMb, 1),
  };
  const ratio = round(tenK.peakMb / oneK.peakMb, 2);
  const table = [
    ['measure', 'value', 'goal'],
    ['enqueue 10,000 saves', `${result.enqueue_ms_per_row} ms/row`, '<= 2 ms/row'],
    ['drain 1,000 rows', `${rate(oneK)} rows/s (${round(oneK.ms / 1000, 2)} s)`, '>= 100 rows/s'],
    ['drain 10,000 rows', `${rate(tenK)} rows/s (${round(tenK.ms / 1000, 2)} s)`, ''],
    ['peak RSS, draining 1,000', `${result.peak_rss_mb_1k} MB`, ''],
    ['peak RSS, draining 10,000', `${result.peak_rss_mb_10k} MB (${ratio}x)`, '<= 1.5x'],
    [
      'RSS at drain start, 1k / 10k',
      `${round(oneK.startMb, 1)} / ${round(tenK.startMb, 1)} MB`,
      '',
    ],
    [
      'live heap after drain, 1k / 10k',
      `${round(oneK.liveMb, 1)} / ${round(tenK.liveMb, 1)} MB`,
      '',
    ],
  ];
  console.log(
    'Node variant: the engine in Node; the browser numbers are bench/outbox-browser.ts (npm run bench:outbox).',
  );
  console.log(
    'IndexedDB: fake-indexeddb (in memory: Node has none). API: the stand-in over HTTP, in another process.',
  );
  console.log(
    'Each drain in its own process; RSS sampled every 10 ms from a full GC at its start.',
  );
  for (const [name, value, goal] of table) {
    console.log(`${name?.padEnd(34)}${value?.padEnd(34)}${goal}`);
  }
  console.log(JSON.stringify(result));
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

if (process.argv[2] === '--drain')
  await drainChild(Number(process.argv[3]), String(process.argv[4]));
else await main();
