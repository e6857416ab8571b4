// The soak's Node part: 1,000 saves through the extension's own outbox and sync engine (the
// background's save path: validateDraft, then one IndexedDB transaction; fake-indexeddb here), over
// real HTTP to the CareerTrack stand-in, while the stand-in fails a third of the requests at random
// (seeded) and is stopped now and then (connection refused). The engine's clock is a manual one
// shared with the server: backoff, Retry-After and the 60 s lease are waited out by moving the
// clock once the server is idle, never by sleeping. Requests slower than the timeout run on real
// time against a 250 ms timeout. Updates of the saved records join in: some made before their
// create is sent, some while an earlier update is in flight, PATCHes failing like the rest; each
// record must end as the user last changed it.
import { afterAll, describe, expect, it } from 'vitest';
import { nextDueAt, saveToOutbox } from '@/lib/background/outbox';
import { queueUpdate } from '@/lib/background/updates';
import { type ApplicationCreate, validateDraft } from '@/lib/schema';
import { type SyncHarness, syncHarness } from '../helpers/sync-harness';
import {
  countingFetch,
  describeMix,
  LoggedFaults,
  type Mode,
  SEED,
  seeded,
  writeFaultLog,
} from './faults';
import { reconcile, tally } from './tally';

const SAVES = 1_000;
const WAVES = 20;
/** Every this many waves, the stand-in stops for two passes of the engine. */
const DOWN_EVERY = 4;
const TIMEOUT_MS = 250;
/** Changes made to saved records in each wave, to records of this wave and of earlier ones. */
const UPDATES_PER_WAVE = 15;

const COMPANIES = [
  'Northwind Traders',
  'Zürich Analytics AG',
  '株式会社オーサカ・ロボティクス',
  "O'Reilly & Sons",
  '100% Remote Ltd',
  'under_score GmbH',
  'Wide World Importers\u200b',
  '\u200eشركة المثال',
  'Société Générale',
  'Big Co, Inc.',
  '"Quoted" Labs',
  'Back\\slash Systems',
  'Fabrikam',
  'Contoso',
  'Tailspin Toys',
  'Coho Winery',
  'Adventure Works',
  'Litware',
  'Proseware',
  'Woodgrove Bank',
  'Lucerne Publishing',
  'Humongous Insurance',
  'Trey Research',
  'Blue Yonder Airlines',
  'Alpine Ski House',
  'Margie’s Travel',
  'Fourth Coffee',
  'Graphic Design Institute',
  'Wingtip Toys',
  'Southridge Video',
  'City Power & Light',
  'Consolidated Messenger',
  'Datum Corporation',
  'First Up Consultants',
  'Nod Publishers',
  'School of Fine Art',
  'VanArsdel, Ltd.',
  'Relecloud',
  'Bellows College',
  'Munson’s Pickles',
];
const TITLES = [
  'Backend Engineer',
  'Ingénieur·e logiciel',
  '🚀 Growth Engineer',
  '<b>Lead</b> Developer',
  'Site Reliability Engineer (SRE)',
  '  Data Engineer  ',
  'Engineer / Manager — Platform',
  'مهندس برمجيات',
  'QA & Test',
];
const STATUSES = ['applied', 'interview', 'offer', 'rejected'] as const;

/** The n-th save as the popup's form would send it (strings, as inputs give them). */
function form(n: number): Record<string, string> {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return {
    company_name: COMPANIES[n % COMPANIES.length] ?? 'Acme',
    position_title: `${TITLES[n % TITLES.length]} #${n}`,
    status: STATUSES[n % STATUSES.length] ?? 'applied',
    location: n % 3 === 0 ? '' : n % 3 === 1 ? 'Remote' : 'Lisbon, Portugal',
    salary_min: n % 5 === 0 ? '' : String(40_000 + n),
    salary_max: n % 5 === 0 ? '' : String(90_000 + n),
    source: n % 2 ? 'LinkedIn' : 'Company Website',
    source_url: `https://jobs.example.com/soak/${SEED}/${n}?ref=${n % 7}`,
    applied_at: `2026-04-${day}`,
    next_step_at: n % 4 === 0 ? `2026-05-${day}` : '',
    notes: n % 6 === 0 ? `Line one of ${n}\nLine "two" \\ with 'quotes'.` : '',
  };
}

/** About a third of the stand-in's answers fail, in every way a server or network fails. */
function modes(seed: number): Mode[] {
  const any = { path: '/api/applications' };
  const create = { ...any, method: 'POST' };
  const item = { method: 'PATCH', path: '/api/applications/*' };
  return [
    {
      name: '500 HTML page',
      plan: { ...any, kind: 'status', status: 500, body: 'html', rate: 0.08, seed },
    },
    {
      name: '503 Retry-After',
      plan: {
        ...any,
        kind: 'status',
        status: 503,
        retryAfter: 30,
        body: 'html',
        rate: 0.08,
        seed: seed + 1,
      },
    },
    { name: 'closed before handling', plan: { ...any, kind: 'drop', rate: 0.07, seed: seed + 2 } },
    {
      name: 'PATCH 500 HTML page',
      plan: { ...item, kind: 'status', status: 500, body: 'html', rate: 0.1, seed: seed + 7 },
    },
    {
      name: 'PATCH closed after commit',
      plan: { ...item, kind: 'drop', phase: 'after', rate: 0.1, seed: seed + 8 },
    },
    {
      name: 'PATCH slower than the timeout, after commit',
      plan: {
        ...item,
        kind: 'delay',
        delayMs: TIMEOUT_MS + 150,
        phase: 'after',
        rate: 0.05,
        seed: seed + 9,
      },
    },
    {
      name: 'closed after commit',
      plan: { ...any, kind: 'drop', phase: 'after', rate: 0.1, seed: seed + 3 },
    },
    {
      name: '201 HTML after commit',
      plan: {
        ...create,
        kind: 'status',
        status: 201,
        body: 'html',
        phase: 'after',
        rate: 0.03,
        seed: seed + 4,
      },
    },
    {
      name: 'slower than the timeout, after commit',
      plan: {
        ...create,
        kind: 'delay',
        delayMs: TIMEOUT_MS + 150,
        phase: 'after',
        rate: 0.02,
        seed: seed + 5,
      },
    },
    {
      name: 'slower than the timeout',
      plan: { ...any, kind: 'delay', delayMs: TIMEOUT_MS + 150, rate: 0.02, seed: seed + 6 },
    },
  ];
}

describe('soak in Node: the outbox and the engine against a failing CareerTrack', () => {
  let h: SyncHarness | undefined;
  afterAll(async () => {
    await h?.close();
  });

  it(`${SAVES} saves, a third of requests failing, CareerTrack stopped ${Math.floor(WAVES / DOWN_EVERY)} times: each saved exactly once`, async ({
    task,
  }) => {
    const started = Date.now();
    const faults = new LoggedFaults();
    const client = countingFetch();
    h = await syncHarness({
      timeoutMs: TIMEOUT_MS,
      random: seeded(SEED),
      faults,
      fetch: client.fetch,
    });
    const harness = h;
    faults.arm(modes(SEED));

    /** One pass of the engine, then the clock moves to the next due time once the server is idle. */
    const step = async () => {
      await harness.engine.nudge();
      const due = await nextDueAt(harness.db);
      if (due === null) return;
      await harness.quiet();
      harness.clock.set(Math.max(harness.clock.now(), due));
    };

    const saved = new Map<string, ApplicationCreate>();
    const rowOf = new Map<number, { rowId: number; url: string }>();
    const pick = seeded(SEED + 100);
    let updates = 0;
    let stops = 0;
    for (let wave = 0; wave < WAVES; wave++) {
      const down = wave % DOWN_EVERY === DOWN_EVERY - 1;
      // Connection refused: stopped while the wave's saves are sent, started again on the same
      // port two passes later.
      if (down) {
        await harness.stop();
        stops++;
      }
      // Saves arrive while the engine is sending: the pass running is asked to look again.
      const pass = harness.engine.nudge();
      for (let i = 0; i < SAVES / WAVES; i++) {
        const n = wave * (SAVES / WAVES) + i;
        const valid = validateDraft(form(n));
        if (!valid.ok)
          throw new Error(`draft ${n} is invalid: ${JSON.stringify(valid.fieldErrors)}`);
        const result = await saveToOutbox(
          harness.db,
          { draft: valid.value, jobKey: `soak:${n}` },
          harness.clock.now(),
        );
        expect(result.kind).toBe('queued');
        saved.set(String(valid.value.source_url), valid.value);
        if (result.kind === 'queued')
          rowOf.set(n, { rowId: result.row.id, url: String(valid.value.source_url) });
      }
      // Changes to records saved so far, the newest often before their create is sent.
      for (let i = 0; i < UPDATES_PER_WAVE; i++) {
        const newest = (wave + 1) * (SAVES / WAVES);
        const n = Math.floor(pick() * newest * (i % 2 ? 1 : 0.2) + (i % 2 ? 0 : newest * 0.8));
        const target = rowOf.get(Math.min(n, newest - 1));
        if (!target) continue;
        const u = wave * UPDATES_PER_WAVE + i;
        const changed = await queueUpdate(
          { db: harness.db, now: () => harness.clock.now() },
          target.rowId,
          change(u),
        );
        if (changed.kind !== 'queued') throw new Error(`update ${u}: ${JSON.stringify(changed)}`);
        saved.set(target.url, changed.record.fields);
        updates++;
      }
      await pass;
      if (down) {
        await step();
        await step();
        await harness.start();
      }
      for (let i = 0; i < 3; i++) await step();
    }
    await harness.settle(3_000);

    const rows = await harness.rows();
    const records = harness.records();
    const counted = reconcile(
      [...saved.keys()],
      records.map((record) => String(record.source_url)),
    );
    const faulted = faults.failed.length + client.counts.refused;
    const mix: Record<string, number> = {
      ...faults.byMode(),
      'connection refused': client.counts.refused,
    };
    const log = writeFaultLog('node-soak', [
      { seed: SEED, saves: SAVES, requests: client.counts.requests, mix },
      ...faults.failed.map(({ seq, method, path, mode, outcome, status, handledStatus }) => ({
        seq,
        method,
        path,
        mode,
        outcome,
        status,
        handledStatus,
      })),
    ]);
    tally(
      { task },
      {
        saves: counted.saves,
        onServer: counted.onServer,
        lost: counted.lost.length,
        duplicates: counted.duplicates,
        updates,
        requests: client.counts.requests,
        faulted,
        note: `seed ${SEED}; ${describeMix(mix)}; stopped ${stops}x; ${Math.round((Date.now() - started) / 1000)} s; log ${log}`,
      },
    );

    expect(counted.lost).toEqual([]);
    expect(counted.duplicates).toBe(0);
    expect(faulted / client.counts.requests).toBeGreaterThanOrEqual(0.3);
    // Every mode happened, more than a few times.
    for (const mode of Object.keys(mix)) expect(mix[mode], mode).toBeGreaterThanOrEqual(5);

    // Each record holds its save's fields, as CareerTrack stores them.
    const byUrl = new Map(records.map((record) => [String(record.source_url), record]));
    const mismatches: string[] = [];
    for (const [url, draft] of saved) {
      const record = byUrl.get(url);
      const expected = {
        company_name: draft.company_name.replace(/^[\s\u200b\u200e]+|[\s\u200b\u200e]+$/gu, ''),
        position_title: draft.position_title,
        status: draft.status ?? 'applied',
        location: draft.location ?? null,
        salary_min: draft.salary_min ?? null,
        salary_max: draft.salary_max ?? null,
        source: draft.source ?? null,
        notes: draft.notes ?? null,
        applied_at: draft.applied_at ?? null,
        next_step_at: draft.next_step_at ?? null,
      };
      const actual = {
        company_name: record?.company_name,
        position_title: record?.position_title,
        status: record?.status,
        location: record?.location,
        salary_min: record?.salary_min,
        salary_max: record?.salary_max,
        source: record?.source,
        notes: record?.notes,
        applied_at: dateOf(record?.applied_at),
        next_step_at: dateOf(record?.next_step_at),
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${url}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
      }
    }
    tally({ task }, { updatesWrong: mismatches.length });
    expect(mismatches.slice(0, 5)).toEqual([]);

    // The outbox says "synced" only with the id of the record that holds the save.
    expect(rows.filter((row) => row.state !== 'synced')).toEqual([]);
    const idOf = new Map(records.map((record) => [record.id, String(record.source_url)]));
    const wrong = rows.filter((row) => idOf.get(row.server_id) !== row.draft.source_url);
    expect(wrong).toEqual([]);
  }, 300_000);
});

/** The u-th change a user makes: a new status, a next step, a note (or none). */
function change(u: number): Record<string, string> {
  const day = String(1 + (u % 28)).padStart(2, '0');
  return {
    status: STATUSES[(u * 7) % STATUSES.length] ?? 'interview',
    next_step_at: u % 5 === 0 ? '' : `2026-06-${day}`,
    ...(u % 3 === 0 ? { notes: `Update ${u}: "call back" \\ soon` } : {}),
  };
}

function dateOf(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, 10) : null;
}
