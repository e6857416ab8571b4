// Updates through the outbox and the engine, over real HTTP against the CareerTrack stand-in: in
// line after their record's create, folded while none is in flight, sent again when unanswered,
// and every final answer (404, 401, 403, 422) where the user sees it.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationDraft } from '@/lib/application';
import { createApi } from '@/lib/background/api-client';
import { claimNext } from '@/lib/background/outbox';
import { createSyncEngine } from '@/lib/background/sync-engine';
import { getSession } from '@/lib/background/token-store';
import { queueUpdate, savedRecordFor } from '@/lib/background/updates';
import type { ApplicationCreate } from '@/lib/schema';
import { type SyncHarness, type SyncHarnessOptions, syncHarness } from '../helpers/sync-harness';
import { newUser } from './api-helpers';

const ITEM = '/api/applications/*';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function harness(options: SyncHarnessOptions = {}): Promise<SyncHarness> {
  const h = await syncHarness(options);
  open.push(h.close);
  return h;
}

const job: ApplicationCreate = {
  company_name: 'Acme',
  position_title: 'Engineer',
  status: 'applied',
  source_url: 'https://www.linkedin.com/jobs/view/4242/',
  applied_at: '2026-05-01',
};

function requestLog(h: SyncHarness) {
  return h.api.faults.log.map(
    (e) =>
      `${e.method} ${e.path.replace(/\/\d+$/, '/{id}')} ${e.outcome === 'dropped' ? 'dropped' : e.status}`,
  );
}

async function update(h: SyncHarness, rowId: number, changes: ApplicationDraft) {
  const result = await queueUpdate({ db: h.db, now: () => h.clock.now() }, rowId, changes);
  if (result.kind !== 'queued') throw new Error(JSON.stringify(result));
  return result.updateRowId;
}

function only(h: SyncHarness) {
  const records = h.records();
  expect(records).toHaveLength(1);
  return records[0] as Record<string, unknown>;
}

describe('an update reaches CareerTrack after its record’s create', () => {
  it('queued before the create was sent: POST, then PATCH with only the changed fields', async () => {
    const h = await harness();
    const rowId = await h.save(job, 'job-a');
    const updateId = await update(h, rowId, { status: 'interview', next_step_at: '2026-05-12' });
    await h.settle();
    const record = only(h);
    expect(record).toMatchObject({ status: 'interview', company_name: 'Acme' });
    expect(String(record.next_step_at)).toMatch(/^2026-05-12/);
    expect(requestLog(h)).toEqual([
      'POST /api/applications 201',
      'PATCH /api/applications/{id} 200',
    ]);
    const patch = h.api.faults.log.find((e) => e.method === 'PATCH');
    expect(patch?.path).toBe(`/api/applications/${record.id}`);
    expect(await h.db.outbox.get(updateId)).toMatchObject({
      state: 'synced',
      server_id: record.id,
    });
    expect(await savedRecordFor(h.db, 'job-a')).toMatchObject({
      state: 'synced',
      status: 'interview',
    });
  });

  it('two changes while none is in flight go as one PATCH; the last change wins', async () => {
    const h = await harness();
    const rowId = await h.save(job);
    await h.settle();
    await update(h, rowId, { status: 'interview', notes: 'Call on Monday' });
    await update(h, rowId, { status: 'offer' });
    await h.settle();
    expect(only(h)).toMatchObject({ status: 'offer', notes: 'Call on Monday' });
    expect(requestLog(h)).toEqual([
      'POST /api/applications 201',
      'PATCH /api/applications/{id} 200',
    ]);
  });

  it('a change made while one is in flight follows it, in order', async () => {
    const h = await harness();
    const rowId = await h.save(job);
    await h.settle();
    await update(h, rowId, { status: 'interview' });
    // The first PATCH is slow: the second change is made while it is on its way.
    h.fault({ method: 'PATCH', path: ITEM, kind: 'delay', delayMs: 150 });
    const pass = h.engine.nudge();
    await new Promise((r) => setTimeout(r, 50));
    await update(h, rowId, { status: 'offer' });
    await pass;
    await h.settle();
    expect(only(h)).toMatchObject({ status: 'offer' });
    expect(requestLog(h)).toEqual([
      'POST /api/applications 201',
      'PATCH /api/applications/{id} 200',
      'PATCH /api/applications/{id} 200',
    ]);
  });
});

describe('an update is never lost', () => {
  it('CareerTrack stopped: queued, then sent once it is back', async () => {
    const h = await harness();
    const rowId = await h.save(job);
    await h.settle();
    await h.stop();
    const updateId = await update(h, rowId, { status: 'offer' });
    await h.engine.nudge();
    expect(await h.db.outbox.get(updateId)).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await h.db.outbox.get(updateId))?.last_error).toMatch(/Could not reach/);
    await h.start();
    await h.settle();
    expect(only(h)).toMatchObject({ status: 'offer' });
  });

  it('an unanswered PATCH (timeout, after it was applied) is simply sent again', async () => {
    const h = await harness({ realTime: true, timeoutMs: 300 });
    const rowId = await h.save(job);
    await h.settle();
    h.fault({ method: 'PATCH', path: ITEM, kind: 'delay', delayMs: 600, phase: 'after' });
    const updateId = await update(h, rowId, { status: 'interview' });
    await h.engine.nudge();
    expect(await h.db.outbox.get(updateId)).toMatchObject({ state: 'pending', in_doubt: false });
    await h.settle();
    expect(only(h)).toMatchObject({ status: 'interview' });
    expect(requestLog(h).filter((line) => line.startsWith('GET'))).toEqual([]);
    expect(await h.db.outbox.get(updateId)).toMatchObject({ state: 'synced' });
    // Real time: a timeout, then a retry after its backoff; a loaded 2-core machine took over 5 s.
  }, 15_000);

  it('a worker stopped mid-PATCH: a new background sends it again after the lease', async () => {
    const h = await harness();
    const rowId = await h.save(job);
    await h.settle();
    const updateId = await update(h, rowId, { status: 'rejected' });
    // The old worker leased the row and died before any answer.
    expect((await claimNext(h.db, h.clock.now()))?.id).toBe(updateId);
    const session = await getSession(h.db);
    const again = createSyncEngine({
      db: h.db,
      clock: h.clock,
      random: Math.random,
      settings: { get: async () => ({ api_url: session?.api_url ?? '' }) },
      api: (s) => createApi({ ...s, timeoutMs: 5_000 }),
    });
    h.clock.set(h.clock.now() + 61_000);
    await again.nudge();
    expect(only(h)).toMatchObject({ status: 'rejected' });
    expect(await h.db.outbox.get(updateId)).toMatchObject({ state: 'synced', in_doubt: false });
  });
});

describe('final answers land where the user sees them', () => {
  it('404: deleted in CareerTrack, said in words', async () => {
    const h = await harness();
    const rowId = await h.save(job, 'job-d');
    await h.settle();
    h.serverDb.prepare('DELETE FROM job_applications WHERE user_id = ?').run(h.userId);
    const updateId = await update(h, rowId, { status: 'offer' });
    await h.settle();
    expect(await h.db.outbox.get(updateId)).toMatchObject({
      state: 'attention',
      deleted: true,
      last_error: 'This application was deleted in CareerTrack.',
    });
    expect(await savedRecordFor(h.db, 'job-d')).toMatchObject({ state: 'deleted' });
  });

  it('401: the queue waits for sign-in, the update is kept', async () => {
    const h = await harness();
    const rowId = await h.save(job);
    await h.settle();
    h.serverDb.prepare('DELETE FROM personal_access_tokens').run();
    const updateId = await update(h, rowId, { status: 'offer' });
    await h.engine.nudge();
    expect(await h.db.outbox.get(updateId)).toMatchObject({ state: 'pending' });
    expect((await getSession(h.db))?.rejected).toMatch(/Sign in again/);
  });

  it('422: CareerTrack’s field messages on the fields', async () => {
    const h = await harness();
    const rowId = await h.save(job);
    await h.settle();
    // Changed in CareerTrack itself: the next step must now be on or after 1 June.
    h.serverDb.prepare("UPDATE job_applications SET applied_at = '2026-06-01 00:00:00'").run();
    const updateId = await update(h, rowId, { next_step_at: '2026-05-20' });
    await h.settle();
    const row = await h.db.outbox.get(updateId);
    expect(row?.state).toBe('attention');
    expect(row?.field_errors?.next_step_at?.[0]).toMatch(/after or equal to/);
  });

  it('403: another account’s record is refused in words, nothing changed', async () => {
    const h = await harness();
    const rowId = await h.save(job);
    await h.settle();
    const other = await newUser(h.api.url);
    h.serverDb.prepare('UPDATE job_applications SET user_id = ?').run(other.id);
    const updateId = await update(h, rowId, { status: 'offer' });
    await h.settle();
    const row = await h.db.outbox.get(updateId);
    expect(row?.state).toBe('attention');
    expect(row?.deleted).toBeUndefined();
    expect(row?.last_error).toMatch(/HTTP 403/);
  });
});
