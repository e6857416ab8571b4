// Answers that lie, and answers that never come: the sync engine against the CareerTrack stand-in
// over real HTTP. None of them may be taken as "saved"; each save still ends as exactly one record.
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { requeue } from '@/lib/background/outbox';
import type { ApplicationCreate } from '@/lib/schema';
import { type SyncHarness, type SyncHarnessOptions, syncHarness } from '../helpers/sync-harness';
import type { FaultPlan } from '../server/faults';
import { reconcile, tally } from './tally';

const CREATE = { method: 'POST', path: '/api/applications' } as const;

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function harness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const h = await syncHarness(options);
  open.push(h.close);
  return h;
}

const job = (n = 1): ApplicationCreate => ({
  company_name: `Lying Answers ${n}`,
  position_title: `Engineer ${n}`,
  status: 'interview',
  source: 'LinkedIn',
  source_url: `https://www.linkedin.com/jobs/view/${7_000_000 + n}/`,
  location: 'Remote',
  salary_min: 50_000,
  salary_max: 70_000,
  notes: 'Kept as sent.',
});

/** A record that is not this save's: what a lie would make the engine believe. */
const FAKE_RECORD = {
  id: 999_999,
  company_name: 'Somebody Else',
  position_title: 'Not This Job',
  status: 'applied',
  created_at: '2026-01-01T00:00:00.000000Z',
  updated_at: '2026-01-01T00:00:00.000000Z',
};

/** The server holds exactly one record for the save, with its fields, and the row points at it. */
async function expectDeliveredOnce(
  h: SyncHarness,
  id: number,
  draft: ApplicationCreate,
  context: Pick<TestContext, 'task'>,
) {
  const records = h.records();
  const counted = reconcile(
    [String(draft.source_url)],
    records.map((r) => String(r.source_url)),
  );
  tally(context, {
    saves: counted.saves,
    onServer: counted.onServer,
    lost: counted.lost.length,
    duplicates: counted.duplicates,
  });
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    company_name: draft.company_name,
    position_title: draft.position_title,
    status: draft.status,
    source_url: draft.source_url,
    location: draft.location,
    salary_min: draft.salary_min,
    salary_max: draft.salary_max,
    notes: draft.notes,
  });
  expect(await h.db.outbox.get(id)).toMatchObject({
    state: 'synced',
    server_id: records[0]?.id,
    in_doubt: false,
    lease_until: null,
  });
}

const LIES: Array<[string, FaultPlan]> = [
  [
    'a 200 captive-portal page',
    {
      kind: 'status',
      status: 200,
      body: 'html',
      text: '<!doctype html><title>Hotel Wi-Fi</title><form>Accept the terms to go online</form>',
    },
  ],
  ['a 201 without a body', { kind: 'status', status: 201, body: 'empty' }],
  [
    'a 201 of 5 MB (a real-looking record padded past the 1 MB limit)',
    {
      kind: 'status',
      status: 201,
      body: 'text',
      contentType: 'application/json',
      text: `{"data":${JSON.stringify(FAKE_RECORD)}${' '.repeat(5_000_000)}}`,
    },
  ],
  ['a 201 that is not JSON', { kind: 'status', status: 201, body: 'text', text: 'Created' }],
  [
    "a 201 whose JSON is not CareerTrack's",
    { kind: 'status', status: 201, body: 'json', json: { ok: true, id: 12 } },
  ],
  [
    'a 200 with a list instead of the record',
    { kind: 'status', status: 200, body: 'json', json: { data: [FAKE_RECORD] } },
  ],
];

describe('answers that lie are never taken as saved', () => {
  for (const phase of ['before', 'after'] as const) {
    const when =
      phase === 'before' ? 'in place of the app' : 'after the record was stored (the trap)';
    it.for(LIES)(`%s, ${when}: not saved, then delivered once`, async ([, lie], { task }) => {
      const h = await harness();
      h.fault({ ...CREATE, ...lie, phase });
      const draft = job();
      const id = await h.save(draft);
      await h.engine.nudge();
      const row = await h.db.outbox.get(id);
      // Not "saved": still unsent, and in doubt, since a success status may hide a stored record.
      expect(row).toMatchObject({ state: 'pending', server_id: null, in_doubt: true });
      expect(row?.synced_at).toBeNull();
      expect(h.records()).toHaveLength(phase === 'after' ? 1 : 0);
      await h.settle();
      await expectDeliveredOnce(h, id, draft, { task });
    });
  }

  it('lookups that lie (HTML, megabytes, not a list) are not taken as "not there"', async ({
    task,
  }) => {
    const h = await harness();
    // The create is stored, its answer lost; then every kind of lie answers the lookups.
    h.fault([
      { ...CREATE, kind: 'drop', phase: 'after' },
      { method: 'GET', path: '/api/applications', kind: 'status', status: 200, body: 'html' },
      {
        method: 'GET',
        path: '/api/applications',
        kind: 'status',
        status: 200,
        body: 'text',
        text: 'x'.repeat(3_000_000),
      },
      { method: 'GET', path: '/api/applications', kind: 'status', status: 200, json: { data: 1 } },
    ]);
    const draft = job(2);
    const id = await h.save(draft);
    await h.settle();
    await expectDeliveredOnce(h, id, draft, { task });
    // Every lie was met by another lookup, never by a second create.
    expect(h.api.faults.log.filter((e) => e.method === 'POST')).toHaveLength(1);
  });
});

/**
 * A fetch after which the server keeps working when the client gives up, as PHP behind nginx does:
 * the request goes out without the caller's signal, and the caller sees its own abort.
 */
const serverKeepsWorking: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  const { signal } = request;
  const detached = fetch(new Request(request, { signal: null }));
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    detached.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
};

describe('answers that never come', () => {
  it('"Retry now" on a save whose create went unanswered waits for its lease: no duplicate', async ({
    task,
  }) => {
    const h = await harness({
      realTime: true,
      timeoutMs: 300,
      leaseMs: 1_500,
      fetch: serverKeepsWorking,
    });
    // The server is busy for 900 ms, then stores the record; the client gave up at 300 ms.
    h.fault({ ...CREATE, kind: 'delay', delayMs: 900 });
    const draft = job(3);
    const id = await h.save(draft);
    await h.engine.nudge();
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', in_doubt: true });
    // The user presses "Retry now" at once: the lookup must not run before the lease ends, when
    // it would find nothing yet and send the save a second time.
    expect(await requeue(h.db, id, h.clock.now())).toMatchObject({ kind: 'ok' });
    await h.engine.nudge();
    await h.quiet();
    expect(h.records()).toHaveLength(1);
    await h.settle();
    await expectDeliveredOnce(h, id, draft, { task });
  }, 10_000);

  it('slower than the timeout, after the record was stored: found by the lookup, not resent', async ({
    task,
  }) => {
    const h = await harness({ realTime: true, timeoutMs: 300, leaseMs: 1_000 });
    h.fault({ ...CREATE, kind: 'delay', delayMs: 600, phase: 'after' });
    const draft = job(4);
    const id = await h.save(draft);
    await h.settle();
    await expectDeliveredOnce(h, id, draft, { task });
    expect(h.api.faults.log.filter((e) => e.method === 'POST')).toHaveLength(1);
  }, 10_000);
});

describe('answers cut short, and connections refused', () => {
  it('the answer cut off after the record was stored: in doubt, found by the lookup, not resent', async ({
    task,
  }) => {
    const h = await harness();
    h.fault({ ...CREATE, kind: 'drop', phase: 'after', cut: true });
    const draft = job(6);
    const id = await h.save(draft);
    await h.engine.nudge();
    expect(await h.db.outbox.get(id)).toMatchObject({ state: 'pending', in_doubt: true });
    await h.settle();
    await expectDeliveredOnce(h, id, draft, { task });
    expect(h.api.faults.log.filter((e) => e.method === 'POST')).toHaveLength(1);
  });

  it('"Retry now" after a refused connection sends at once: nothing can be running on the server', async ({
    task,
  }) => {
    const h = await harness();
    const draft = job(7);
    await h.stop();
    const id = await h.save(draft);
    await h.engine.nudge();
    const row = await h.db.outbox.get(id);
    expect(row?.last_error).toMatch(/Could not reach/);
    expect(row?.lookup_after ?? null).toBeNull();
    await h.start();
    expect(await requeue(h.db, id, h.clock.now())).toMatchObject({
      kind: 'ok',
      row: { next_attempt_at: h.clock.now() },
    });
    await h.engine.nudge();
    await expectDeliveredOnce(h, id, draft, { task });
  });
});

describe('text the server trims differently', () => {
  it.for([
    ['a zero-width space', '\u200b'],
    ['a left-to-right mark', '\u200e'],
  ])(
    'a company and title ending in %s: the lookup still recognises the stored record',
    async ([, mark], { task }) => {
      const h = await harness();
      // Pasted from a web page: the popup keeps the mark, Laravel's TrimStrings removes it.
      const draft = {
        ...job(5),
        company_name: `Acme Widgets${mark}`,
        position_title: `${mark}Engineer 5${mark}`,
      };
      h.fault({ ...CREATE, kind: 'drop', phase: 'after' });
      const id = await h.save(draft);
      await h.settle();
      const records = h.records();
      tally(
        { task },
        {
          saves: 1,
          onServer: records.length,
          lost: records.length ? 0 : 1,
          duplicates: Math.max(records.length - 1, 0),
        },
      );
      expect(records).toHaveLength(1);
      expect(await h.db.outbox.get(id)).toMatchObject({
        state: 'synced',
        server_id: records[0]?.id,
      });
    },
  );
});
