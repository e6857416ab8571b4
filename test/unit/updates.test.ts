import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ClipperDb, DB_NAME, openDb } from '@/lib/background/database';
import {
  claimNext,
  countUnsent,
  deleteRow,
  finishAttempt,
  listGroup,
  saveToOutbox,
} from '@/lib/background/outbox';
import { queueUpdate, savedRecordFor } from '@/lib/background/updates';
import type { OutboxRow } from '@/lib/outbox-row';
import { type ApplicationCreate, validateChanges } from '@/lib/schema';

const T0 = Date.parse('2026-05-01T09:00:00Z');
const draft: ApplicationCreate = {
  company_name: 'Acme',
  position_title: 'Engineer',
  status: 'applied',
  applied_at: '2026-05-01',
  salary_min: 50_000,
};

let db: ClipperDb;
let now = T0;
const deps = () => ({ db, now: () => now });

beforeEach(() => {
  now = T0;
  db = openDb(`updates-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function saved(jobKey = 'job-1'): Promise<number> {
  const result = await saveToOutbox(db, { draft, jobKey }, now);
  if (result.kind !== 'queued') throw new Error('not queued');
  return result.row.id;
}

/** Claims the next due row and records `patch` as its outcome. */
async function attempt(patch: Partial<OutboxRow>): Promise<OutboxRow> {
  const row = await claimNext(db, now);
  if (!row) throw new Error('nothing due');
  await finishAttempt(db, row, patch, now);
  return row;
}

const syncedAs = (serverId: number): Partial<OutboxRow> => ({
  state: 'synced',
  server_id: serverId,
  synced_at: now,
});

async function queued(rowId: number, changes: Record<string, string>) {
  const result = await queueUpdate(deps(), rowId, changes);
  if (result.kind !== 'queued') throw new Error(`not queued: ${JSON.stringify(result)}`);
  return result;
}

describe('validateChanges: the create rules, per field, on the record as changed', () => {
  it('keeps only the changed fields, clears emptied optional ones with null', () => {
    expect(
      validateChanges({ status: 'interview', next_step_at: '2026-05-12', location: '' }, draft),
    ).toEqual({
      ok: true,
      value: { status: 'interview', next_step_at: '2026-05-12', location: null },
    });
  });

  it('refuses what a create refuses, and rules across fields against the current record', () => {
    const result = validateChanges(
      { status: 'hired', company_name: ' ', next_step_at: '2026-04-01', salary_max: '10' },
      draft,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        status: ['Choose applied, interview, offer or rejected.'],
        company_name: ['Company is required.'],
        next_step_at: ['Must be on or after the applied date.'],
        salary_max: ['Must be at least the minimum salary.'],
      },
    });
  });

  it('a field left as it was is not the change’s to fix (a status only CareerTrack knows)', () => {
    expect(validateChanges({ notes: 'Call Ana' }, { ...draft, status: 'technical_test' })).toEqual({
      ok: true,
      value: { notes: 'Call Ana' },
    });
  });
});

describe('an update waits for its record’s create', () => {
  it('is held while the create is unsent, and goes out with the record id once it is synced', async () => {
    const rowId = await saved();
    const { updateRowId } = await queued(rowId, { status: 'interview' });
    expect(await db.outbox.get(updateRowId)).toMatchObject({
      kind: 'update',
      state: 'held',
      record_row: rowId,
      server_id: null,
      changes: { status: 'interview' },
    });
    // The claim takes the create only: the held update is not due.
    const first = await attempt(syncedAs(77));
    expect(first.id).toBe(rowId);
    expect(await db.outbox.get(updateRowId)).toMatchObject({ state: 'pending', server_id: 77 });
    expect((await claimNext(db, now))?.id).toBe(updateRowId);
  });

  it('is pending at once when the create is synced', async () => {
    const rowId = await saved();
    await attempt(syncedAs(5));
    const { updateRowId } = await queued(rowId, { status: 'offer' });
    expect(await db.outbox.get(updateRowId)).toMatchObject({ state: 'pending', server_id: 5 });
  });

  it('goes with its create when the unsent create is deleted', async () => {
    const rowId = await saved();
    await queued(rowId, { status: 'offer' });
    await deleteRow(db, rowId);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('several updates of one record', () => {
  it('are folded into the one waiting while none is in flight: one row, the later value wins', async () => {
    const rowId = await saved();
    await attempt(syncedAs(5));
    const first = await queued(rowId, { status: 'interview', next_step_at: '2026-05-12' });
    const second = await queued(rowId, { status: 'offer', notes: 'Good news' });
    expect(second.updateRowId).toBe(first.updateRowId);
    expect(await db.outbox.get(first.updateRowId)).toMatchObject({
      state: 'pending',
      changes: { status: 'offer', next_step_at: '2026-05-12', notes: 'Good news' },
    });
    expect(await db.outbox.count()).toBe(2);
  });

  it('wait behind one in flight, and go out when it is synced', async () => {
    const rowId = await saved();
    await attempt(syncedAs(5));
    const first = await queued(rowId, { status: 'interview' });
    const inFlight = await claimNext(db, now);
    expect(inFlight?.id).toBe(first.updateRowId);
    const second = await queued(rowId, { status: 'offer' });
    expect(second.updateRowId).not.toBe(first.updateRowId);
    expect(await db.outbox.get(second.updateRowId)).toMatchObject({ state: 'held' });
    expect(await claimNext(db, now)).toBeNull();
    await finishAttempt(db, inFlight as OutboxRow, { state: 'synced', synced_at: now }, now);
    expect(await db.outbox.get(second.updateRowId)).toMatchObject({
      state: 'pending',
      server_id: 5,
    });
  });

  it('when the one in flight fails, the one held behind it is folded into it, in order', async () => {
    const rowId = await saved();
    await attempt(syncedAs(5));
    const first = await queued(rowId, { status: 'interview', notes: 'first' });
    const inFlight = (await claimNext(db, now)) as OutboxRow;
    const second = await queued(rowId, { status: 'offer' });
    await finishAttempt(db, inFlight, { state: 'pending', next_attempt_at: now + 1000 }, now);
    expect(await db.outbox.get(second.updateRowId)).toBeUndefined();
    expect(await db.outbox.get(first.updateRowId)).toMatchObject({
      state: 'pending',
      changes: { status: 'offer', notes: 'first' },
    });
  });

  it('a held update behind a deleted one goes out on its own', async () => {
    const rowId = await saved();
    await attempt(syncedAs(5));
    const first = await queued(rowId, { status: 'interview' });
    await claimNext(db, now);
    const second = await queued(rowId, { status: 'offer' });
    await deleteRow(db, first.updateRowId);
    expect(await db.outbox.get(second.updateRowId)).toMatchObject({
      state: 'pending',
      server_id: 5,
    });
  });
});

describe('the local view of a record', () => {
  it('is the create’s fields with every change over them, whatever was sent', async () => {
    const rowId = await saved();
    await queued(rowId, { status: 'interview', next_step_at: '2026-05-12' });
    await attempt(syncedAs(9));
    await queued(rowId, { notes: 'Bring the portfolio', salary_min: '' });
    const record = await savedRecordFor(db, 'job-1');
    expect(record).toMatchObject({
      rowId,
      serverId: 9,
      status: 'interview',
      next_step_at: '2026-05-12',
      state: 'waiting',
      fields: {
        company_name: 'Acme',
        status: 'interview',
        notes: 'Bring the portfolio',
      },
    });
    expect(record?.fields).not.toHaveProperty('salary_min');
    expect(await savedRecordFor(db, 'job-2')).toBeNull();
  });

  it('says deleted after a 404, and refuses further updates in words', async () => {
    const rowId = await saved();
    await attempt(syncedAs(9));
    await queued(rowId, { status: 'offer' });
    await attempt({ state: 'attention', deleted: true, last_error: 'gone' });
    expect(await savedRecordFor(db, 'job-1')).toMatchObject({ state: 'deleted' });
    expect(await queueUpdate(deps(), rowId, { status: 'rejected' })).toEqual({
      kind: 'deleted',
      message: 'This application was deleted in CareerTrack.',
    });
  });

  it('an update is not taken for an "already saved" create, and counts as waiting', async () => {
    const rowId = await saved();
    await queued(rowId, { status: 'offer' });
    const again = await saveToOutbox(db, { draft, jobKey: 'job-1' }, now);
    expect(again).toMatchObject({ kind: 'duplicate', previous: { id: rowId } });
    expect(await countUnsent(db)).toEqual({ waiting: 2, attention: 0 });
    expect((await listGroup(db, 'waiting', { offset: 0, limit: 10 })).total).toBe(2);
  });

  it('refuses invalid changes and writes nothing', async () => {
    const rowId = await saved();
    expect(await queueUpdate(deps(), rowId, { status: 'hired' })).toMatchObject({
      kind: 'invalid',
    });
    expect(await queueUpdate(deps(), rowId, {})).toMatchObject({ kind: 'unchanged' });
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('the database upgrade', () => {
  it('keeps the rows of version 3, as creates', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      outbox: '++id, job_key, [state+next_attempt_at], [state+lease_until], [state+updated_at]',
      secrets: 'key',
    });
    old.version(2).stores({ copies: 'key' });
    old.version(3).stores({ settings: 'key' });
    await old.table('outbox').add({ job_key: 'old', draft, state: 'synced', server_id: 3 });
    old.close();
    const upgraded = openDb(name);
    try {
      expect(await upgraded.outbox.toArray()).toMatchObject([
        { kind: 'create', job_key: 'old', state: 'synced', server_id: 3 },
      ]);
      expect(DB_NAME).toBe('careertrack-clipper');
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });

  it('marks the creates that version 5 gave updates, so that an update held there still goes out', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(5).stores({
      outbox:
        '++id, job_key, record_row, [state+next_attempt_at], [state+lease_until], [state+updated_at], draft.next_step_at',
      secrets: 'key',
      copies: 'key',
      settings: 'key',
      reminders: 'key',
    });
    const { row } = (await saveToOutbox(db, { draft, jobKey: 'job-5' }, now)) as { row: OutboxRow };
    const create = { ...row, id: 1 };
    await old
      .table('outbox')
      .bulkAdd([
        create,
        { ...create, id: 2, job_key: 'never-updated' },
        { ...create, id: 3, kind: 'update', record_row: 1, state: 'held', changes: { notes: 'x' } },
      ]);
    old.close();
    db.close();
    await db.delete();
    db = openDb(name);
    expect((await db.outbox.get(1))?.has_updates).toBe(true);
    expect((await db.outbox.get(2))?.has_updates).toBeUndefined();
    await attempt(syncedAs(8));
    expect(await db.outbox.get(3)).toMatchObject({ state: 'pending', server_id: 8 });
  });
});
