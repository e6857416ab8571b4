/**
 * The outbox's speed and memory in the real runtime: the built extension's service worker in
 * headless Chromium, with Chromium's own IndexedDB, draining to the CareerTrack stand-in (port 0,
 * SQLite :memory:) that runs in this process, over real HTTP.
 *
 * For 1,000 and then 10,000 rows, each in a fresh browser profile and against a fresh stand-in:
 * 1. Signed out, N `outbox:save` messages, one after another, as a user saves, handed to the
 *    background's own listener inside the worker with an extension page's sender (Chromium's event
 *    `dispatch`): the time per row runs from the message reaching the listener to its answer, so
 *    it covers the validation, the IndexedDB transaction (the row is durable when it answers) and
 *    the answer, everything the extension does, and not the browser's message passing.
 * 2. The page sends `auth:token` with a fresh token of the stand-in's demo user, which resumes the
 *    queue. The drain lasts from that message until the stand-in holds N records for the user
 *    (its database polled every 100 ms). Meanwhile, every 50 ms: the RSS of the renderer that hosts
 *    the extension's service worker (the metric), of the storage service and of the browser's main
 *    process (context: IndexedDB's backend is not in the renderer), and the worker's JS heap (CDP
 *    Runtime.getHeapUsage on the worker target).
 * 3. Exactly N records, with N distinct URLs, on the server and N synced rows in the extension's
 *    outbox, else the bench fails.
 * Then, in a profile of its own, the whole trip a popup's save makes: 1,000 saves sent from an
 * extension page with runtime.sendMessage, and 1,000 messages the background refuses at once,
 * which is what the browser's message passing alone costs.
 * Last line: one JSON object (enqueue_ms_per_row from the 10,000-row run, drain_rows_per_s from the
 * 1,000-row drain, peak_rss_mb_1k, peak_rss_mb_10k, enqueue_round_trip_ms_per_row, message_hop_ms,
 * runtime). Goals: <= 2 ms/row, >= 100 rows/s, 10k peak <= 1.5 x 1k peak. Needs the built
 * extension (`npm run bench:outbox` builds first).
 * bench/outbox.ts (`npm run bench:outbox:node`) is the same in Node on fake-indexeddb.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExtensionBrowser, launchWithExtension } from '../test/e2e/harness/chromium';
import { type RunningApi, startApi } from '../test/server/app';
import { DEMO_EMAIL, ensureDemoAccount } from '../test/server/demo';

// Playwright watches a service worker's network through DevTools unless told not to: every request
// then also makes events that the browser serializes and this process parses, about a tenth of the
// drain's time on two cores. A user's browser has no DevTools attached, so the bench has none either.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

const SIZES = [1_000, 10_000] as const;
const SAMPLE_MS = 50;
const POLL_MS = 100;
/** A drain fails when the server's count stands still this long. */
const STALL_MS = 60_000;
const MB = 1024;

// Strings, not functions: tsx would wrap inner names in a helper the page lacks. The drafts are
// bench/outbox.ts's `draft(n)`.
const DRAFT = `(n) => ({
  company_name: 'Company ' + (n % 97),
  position_title: 'Engineer ' + n,
  status: 'applied',
  source: 'LinkedIn',
  source_url: 'https://www.linkedin.com/jobs/view/' + (4000000 + n) + '/',
  location: 'Remote',
  salary_min: 50000,
  salary_max: 70000,
  applied_at: '2026-05-01',
  notes: 'Found through the bench. '.repeat(8),
})`;

/**
 * In the worker: `message(i)` handed to the background's listener as a message from the options
 * page. The listener returns its answer's promise (the polyfill's wrapper), which is awaited.
 */
const IN_WORKER = `(() => {
  const sender = {
    id: chrome.runtime.id,
    url: chrome.runtime.getURL('options.html'),
    origin: self.location.origin,
  };
  return (message) => {
    const { results } = chrome.runtime.onMessage.dispatch(message, sender, () => {});
    const answer = results.find((result) => result && typeof result.then === 'function');
    if (!answer) throw new Error('no listener answered ' + message.type);
    return answer;
  };
})()`;

/** In an extension page: what the popup does. */
const FROM_PAGE = '(message) => chrome.runtime.sendMessage(message)';

/** `rows` messages one after another; ms in all, per 1,000 (laps), and the answers' states. */
const sendScript = (rows: number, send: string, message: string) => `(async () => {
  const draft = ${DRAFT};
  const send = ${send};
  const message = ${message};
  const states = {};
  const laps = [];
  const started = performance.now();
  let lap = started;
  for (let i = 0; i < ${rows}; i++) {
    if (i > 0 && i % 1000 === 0) {
      laps.push(performance.now() - lap);
      lap = performance.now();
    }
    const answer = await send(message(i, draft));
    const state = answer && (answer.state || answer.error);
    states[state] = (states[state] || 0) + 1;
  }
  laps.push(performance.now() - lap);
  return { ms: performance.now() - started, states, laps };
})()`;

const SAVE = "(i, draft) => ({ type: 'outbox:save', draft: draft(i), jobKey: 'bench-' + i })";
/** A type the background does not know: refused before any work, so only the trip is timed. */
const UNKNOWN = "() => ({ type: 'bench:unknown' })";

interface Sent {
  ms: number;
  states: Record<string, number>;
  /** ms per 1,000 messages, in order. */
  laps: number[];
}

function expectAll(sent: Sent, rows: number, state: string, what: string) {
  if (sent.states[state] !== rows) {
    throw new Error(`${what} answered ${JSON.stringify(sent.states)}, not ${rows} × ${state}`);
  }
}

/** Counts the extension's outbox rows by state, reading its IndexedDB from the worker. */
const OUTBOX_COUNTS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('careertrack-clipper');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const index = db.transaction('outbox').objectStore('outbox').index('[state+updated_at]');
    const counts = {};
    const states = ['pending', 'sending', 'synced', 'attention'];
    let left = states.length;
    for (const state of states) {
      const request = index.count(IDBKeyRange.bound([state, -Infinity], [state, Infinity]));
      request.onsuccess = () => {
        counts[state] = request.result;
        if (--left === 0) {
          db.close();
          resolve(counts);
        }
      };
      request.onerror = () => reject(request.error);
    }
  };
})`;

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
}

/** This browser's processes: the main one is found by its own profile directory in its command line. */
function processesOf(userDataDir: string): { main: Proc; descendants: Proc[] } {
  const all: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Chromium's children rewrite their argv as one space-joined string; the main one keeps NULs.
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const ppid = Number(
        /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1],
      );
      all.push({ pid: Number(entry), ppid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  const flag = `--user-data-dir=${userDataDir} `;
  const main = all.find((p) => `${p.cmd} `.includes(flag) && !p.cmd.includes('--type='));
  if (!main) throw new Error(`no Chromium main process with ${flag}`);
  const descendants: Proc[] = [];
  const parents = new Set([main.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        descendants.push(p);
        grew = true;
      }
    }
  }
  return { main, descendants };
}

interface Hosts {
  main: number;
  /** The renderer with --extension-process: where Chromium runs the extension's service worker. */
  extension: number;
  storage: number | null;
}

async function findHosts(userDataDir: string): Promise<Hosts> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { main, descendants } = processesOf(userDataDir);
    const extension = descendants.filter(
      (p) => p.cmd.includes('--type=renderer') && p.cmd.includes('--extension-process'),
    );
    const storage = descendants.find((p) => p.cmd.includes('storage.mojom.StorageService'));
    if (extension.length === 1 && extension[0]) {
      return { main: main.pid, extension: extension[0].pid, storage: storage?.pid ?? null };
    }
    if (extension.length > 1) {
      throw new Error(`${extension.length} extension renderers: which one hosts the worker?`);
    }
    if (Date.now() > deadline) throw new Error('no renderer with --extension-process');
    await sleep(100);
  }
}

/** Resident memory in KiB, or null when the process is gone. */
function rssKb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1]);
  } catch {
    return null;
  }
}

/**
 * The worker's JS heap in bytes, through a CDP session of its own on the worker's target (Playwright
 * opens CDP sessions on pages and frames only, and `performance.memory` is null in a worker).
 */
async function workerHeapReader(browser: ExtensionBrowser): Promise<() => Promise<number | null>> {
  const owner = browser.context.browser();
  if (!owner) return async () => null;
  const cdp = await owner.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url === browser.worker.url(),
  );
  if (!target) return async () => null;
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  let lastId = 0;
  const waiting = new Map<number, (used: number | null) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
    const answer = message.id === undefined ? undefined : waiting.get(message.id);
    if (message.id === undefined || !answer) return;
    waiting.delete(message.id);
    answer(message.result?.usedSize ?? null);
  });
  return () =>
    new Promise((resolve) => {
      const id = ++lastId;
      waiting.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
        })
        .catch(() => {
          waiting.delete(id);
          resolve(null);
        });
    });
}

interface Run {
  rows: number;
  enqueueMs: number;
  enqueueLaps: number[];
  drainMs: number;
  hosts: Hosts;
  /** RSS in MiB: when the sign-in was sent, and the peak during the drain. */
  startMb: number;
  peakMb: number;
  storagePeakMb: number | null;
  mainPeakMb: number | null;
  heapStartMb: number | null;
  heapPeakMb: number | null;
  samples: number;
}

function recordsOf(api: RunningApi, userId: number): { n: number; urls: number } {
  return api.db
    .prepare(
      'SELECT count(*) AS n, count(DISTINCT source_url) AS urls FROM job_applications WHERE user_id = ?',
    )
    .get(userId) as { n: number; urls: number };
}

async function run(rows: number): Promise<Run> {
  const api = await startApi({ db: ':memory:' });
  const { token } = await ensureDemoAccount(api.db);
  const { id: userId } = api.db.prepare('SELECT id FROM users WHERE email = ?').get(DEMO_EMAIL) as {
    id: number;
  };
  const profile = mkdtempSync(join(tmpdir(), 'clipper-bench-outbox-'));
  const browser = await launchWithExtension({ userDataDir: profile });
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    const hosts = await findHosts(profile);

    // 1. Signed out: every save waits for sign-in, nothing goes to the network.
    const enqueue = (await browser.worker.evaluate(sendScript(rows, IN_WORKER, SAVE))) as Sent;
    expectAll(enqueue, rows, 'signin', 'saves');
    if (recordsOf(api, userId).n !== 0) throw new Error('records arrived while signed out');

    // 2. Sign in, which resumes the queue, and sample until the server holds every row.
    const heapOf = await workerHeapReader(browser);
    const startKb = rssKb(hosts.extension) ?? 0;
    const heapStart = await heapOf();
    let peakKb = startKb;
    let storagePeakKb = rssKb(hosts.storage);
    let mainPeakKb = rssKb(hosts.main);
    let heapPeak = heapStart;
    let samples = 0;
    let lost = false;
    const sampler = setInterval(() => {
      const kb = rssKb(hosts.extension);
      if (kb === null) lost = true;
      else peakKb = Math.max(peakKb, kb);
      storagePeakKb = Math.max(storagePeakKb ?? 0, rssKb(hosts.storage) ?? 0);
      mainPeakKb = Math.max(mainPeakKb ?? 0, rssKb(hosts.main) ?? 0);
      samples++;
    }, SAMPLE_MS);
    let sampling = true;
    const heapSampler = (async () => {
      while (sampling) {
        const used = await heapOf();
        if (used !== null) heapPeak = Math.max(heapPeak ?? 0, used);
        await sleep(SAMPLE_MS);
      }
    })();

    const started = performance.now();
    const signedIn = (await page.evaluate(
      `chrome.runtime.sendMessage(${JSON.stringify({ type: 'auth:token', apiUrl: api.url, token })})`,
    )) as { ok: boolean; error?: string };
    if (!signedIn.ok) throw new Error(`auth:token refused: ${signedIn.error}`);
    let count = 0;
    let progressAt = performance.now();
    while (count < rows) {
      await sleep(POLL_MS);
      const now = recordsOf(api, userId).n;
      if (now > count) progressAt = performance.now();
      count = now;
      if (performance.now() - progressAt > STALL_MS) {
        throw new Error(`the drain stalled at ${count} of ${rows} records`);
      }
    }
    const drainMs = performance.now() - started;
    clearInterval(sampler);
    sampling = false;
    await heapSampler;
    if (lost) throw new Error(`the extension's renderer (pid ${hosts.extension}) went away`);
    const after = await findHosts(profile);
    if (after.extension !== hosts.extension) {
      throw new Error(`the worker moved from pid ${hosts.extension} to ${after.extension}`);
    }

    // 3. Exactly one record per save, on both sides (a late duplicate has a second to show).
    await sleep(1_000);
    const records = recordsOf(api, userId);
    if (records.n !== rows || records.urls !== rows) {
      throw new Error(`${records.n} records (${records.urls} distinct URLs) for ${rows} saves`);
    }
    let outbox: Record<string, number> = {};
    for (let tries = 0; tries < 50 && outbox.synced !== rows; tries++) {
      if (tries) await sleep(200);
      outbox = (await browser.worker.evaluate(OUTBOX_COUNTS)) as Record<string, number>;
    }
    if (outbox.synced !== rows || (outbox.pending ?? 0) + (outbox.attention ?? 0) > 0) {
      throw new Error(`the outbox ended as ${JSON.stringify(outbox)}, not ${rows} synced`);
    }
    await page.close();
    const mb = (kb: number | null) => (kb === null ? null : kb / MB);
    const heapMb = (bytes: number | null) => (bytes === null ? null : bytes / 2 ** 20);
    return {
      rows,
      enqueueMs: enqueue.ms,
      enqueueLaps: enqueue.laps,
      drainMs,
      hosts,
      startMb: startKb / MB,
      peakMb: peakKb / MB,
      storagePeakMb: mb(storagePeakKb),
      mainPeakMb: mb(mainPeakKb),
      heapStartMb: heapMb(heapStart),
      heapPeakMb: heapMb(heapPeak),
      samples,
    };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    await api.close();
  }
}

const ROUND_TRIPS = 1_000;

/** The popup's whole trip, in a profile of its own: saves and refused messages from a page. */
async function roundTrips(): Promise<{ save: Sent; unknown: Sent }> {
  const profile = mkdtempSync(join(tmpdir(), 'clipper-bench-trip-'));
  const browser = await launchWithExtension({ userDataDir: profile });
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    const unknown = (await page.evaluate(sendScript(ROUND_TRIPS, FROM_PAGE, UNKNOWN))) as Sent;
    expectAll(unknown, ROUND_TRIPS, 'This request was refused.', 'unknown messages');
    const save = (await page.evaluate(sendScript(ROUND_TRIPS, FROM_PAGE, SAVE))) as Sent;
    expectAll(save, ROUND_TRIPS, 'signin', 'saves from the page');
    return { save, unknown };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const runs: Run[] = [];
  for (const rows of SIZES) runs.push(await run(rows));
  const trips = await roundTrips();
  const [oneK, tenK] = runs;
  if (!oneK || !tenK) throw new Error('missing run');
  const rate = (r: Run) => round(r.rows / (r.drainMs / 1000), 1);
  const perRow = (r: Run) => round(r.enqueueMs / r.rows, 3);
  const both = (f: (r: Run) => number | null, unit: string) =>
    `${fmt(f(oneK))} / ${fmt(f(tenK))} ${unit}`;
  const result = {
    enqueue_ms_per_row: perRow(tenK),
    drain_rows_per_s: rate(oneK),
    peak_rss_mb_1k: round(oneK.peakMb, 1),
    peak_rss_mb_10k: round(tenK.peakMb, 1),
    enqueue_round_trip_ms_per_row: round(trips.save.ms / ROUND_TRIPS, 3),
    message_hop_ms: round(trips.unknown.ms / ROUND_TRIPS, 3),
    runtime: 'chromium',
  };
  const ratio = round(tenK.peakMb / oneK.peakMb, 2);
  const table = [
    ['measure', 'value', 'goal'],
    ['enqueue 10,000 saves, in the worker', `${result.enqueue_ms_per_row} ms/row`, '<= 2'],
    [
      'enqueue 10,000: first / last 1,000',
      `${fmt2(tenK.enqueueLaps[0])} / ${fmt2(tenK.enqueueLaps.at(-1))} ms/row`,
      '',
    ],
    ['enqueue 1,000 saves, in the worker', `${perRow(oneK)} ms/row`, ''],
    ['1,000 saves from a page (round trip)', `${result.enqueue_round_trip_ms_per_row} ms/row`, ''],
    ['1,000 refused messages from a page', `${result.message_hop_ms} ms each`, ''],
    ['drain 1,000 rows', `${rate(oneK)} rows/s (${round(oneK.drainMs / 1000, 2)} s)`, '>= 100'],
    ['drain 10,000 rows', `${rate(tenK)} rows/s (${round(tenK.drainMs / 1000, 2)} s)`, ''],
    ['peak RSS, worker renderer, 1k', `${result.peak_rss_mb_1k} MB`, ''],
    ['peak RSS, worker renderer, 10k', `${result.peak_rss_mb_10k} MB (${ratio}x)`, '<= 1.5x'],
    ['RSS at sign-in, 1k / 10k', both((r) => r.startMb, 'MB'), ''],
    ['worker JS heap at sign-in, 1k / 10k', both((r) => r.heapStartMb, 'MB'), ''],
    ['worker JS heap peak, 1k / 10k', both((r) => r.heapPeakMb, 'MB'), ''],
    ['peak RSS, storage service, 1k / 10k', both((r) => r.storagePeakMb, 'MB'), ''],
    ['peak RSS, browser main, 1k / 10k', both((r) => r.mainPeakMb, 'MB'), ''],
    ['memory samples, 1k / 10k', `${oneK.samples} / ${tenK.samples}`, ''],
  ];
  const about = [
    'Runtime: headless Chromium, the built extension, its service worker and real IndexedDB. API: the',
    'stand-in over HTTP in the bench process. Enqueue: outbox:save messages handed to the',
    "background's listener in the worker, one after another, timed from the listener to its answer",
    "(the row is durable by then). A popup's save also pays the browser's message passing: the",
    'round trip from a page, and that of a message refused at once, are measured apart. Drain: from',
    'auth:token until the server holds every row. RSS: the --type=renderer --extension-process',
    `child of this browser (pid ${oneK.hosts.extension} / ${tenK.hosts.extension}), which hosts the worker and the extension page,`,
    `every ${SAMPLE_MS} ms. The Node variant (npm run bench:outbox:node) runs the engine on`,
    "fake-indexeddb, whose rows sit in the process's own heap: its memory ratio is not a browser's.",
  ];
  for (const line of about) console.log(line);
  for (const [name, value, goal] of table) {
    console.log(`${name?.padEnd(42)}${value?.padEnd(36)}${goal}`);
  }
  console.log(JSON.stringify(result));
}

function fmt(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(1);
}

/** A lap of 1,000 saves in ms per save. */
function fmt2(lapMs: number | undefined): string {
  return lapMs === undefined ? 'n/a' : (lapMs / 1000).toFixed(2);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

await main();
