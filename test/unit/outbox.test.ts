import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ClipperDb, openDb } from '@/lib/background/database';
import {
  claimNext,
  countUnsent,
  deleteRow,
  findAlreadySaved,
  finishAndClaimNext,
  finishAttempt,
  LEASE_MS,
  listGroup,
  nextDueAt,
  requeue,
  saveToOutbox,
} from '@/lib/background/outbox';
import type { OutboxRow } from '@/lib/outbox-row';
import type { ApplicationCreate } from '@/lib/schema';

const T0 = Date.parse('2026-05-01T09:00:00Z');
const draft = (n = 1): ApplicationCreate => ({
  company_name: `Acme ${n}`,
  position_title: 'Engineer',
  status: 'applied',
});

let db: ClipperDb;
beforeEach(() => {
  db = openDb(`outbox-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the database', () => {
  it('carries no liveQuery machinery: a write is not broadcast to other contexts', async () => {
    await db.open(); // creating the database is announced once, whatever the middlewares
    const broadcast = vi.fn();
    Dexie.on('storagemutated', broadcast);
    try {
      await saveToOutbox(db, { draft: draft(), jobKey: 'job-1' }, T0);
      await db.outbox.toArray();
    } finally {
      Dexie.on('storagemutated').unsubscribe(broadcast);
    }
    expect(broadcast).not.toHaveBeenCalled();
  });
});

describe('save', () => {
  it('writes a pending row due now, with the validated draft', async () => {
    const saved = await saveToOutbox(db, { draft: draft(), jobKey: 'job-1' }, T0);
    expect(saved.kind).toBe('queued');
    const row = await db.outbox.get(saved.kind === 'queued' ? saved.row.id : -1);
    expect(row).toMatchObject({
      job_key: 'job-1',
      draft: draft(),
      state: 'pending',
      attempts: 0,
      next_attempt_at: T0,
      lease_until: null,
      in_doubt: false,
      server_id: null,
      created_at: T0,
    });
  });

  it('checks and writes in one transaction: two saves of one job at once make one row', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => saveToOutbox(db, { draft: draft(), jobKey: 'same' }, T0)),
    );
    expect(results.filter((r) => r.kind === 'queued')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'duplicate')).toHaveLength(4);
    expect(await db.outbox.count()).toBe(1);
  });

  it('reports a job already waiting or synced as a duplicate, with that row', async () => {
    const first = await saveToOutbox(db, { draft: draft(), jobKey: 'job' }, T0);
    const again = await saveToOutbox(db, { draft: draft(), jobKey: 'job' }, T0 + 1);
    expect(again).toMatchObject({
      kind: 'duplicate',
      previous: { id: first.kind === 'queued' ? first.row.id : -1, state: 'pending' },
    });

    await db.outbox.update(1, { state: 'synced', server_id: 7 });
    expect(await saveToOutbox(db, { draft: draft(), jobKey: 'job' }, T0 + 2)).toMatchObject({
      kind: 'duplicate',
      previous: { state: 'synced', server_id: 7 },
    });
    // A duplicate's write is undone with its transaction: nothing of it stays.
    expect(await db.outbox.count()).toBe(1);
    expect(await saveToOutbox(db, { draft: draft(), jobKey: 'other' }, T0)).toMatchObject({
      kind: 'queued',
    });
  });

  it('does not count a save that needs attention: saving the job again is the fix', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'job' }, T0);
    await db.outbox.update(1, { state: 'attention' });
    expect((await saveToOutbox(db, { draft: draft(), jobKey: 'job' }, T0)).kind).toBe('queued');
    expect(await db.outbox.count()).toBe(2);
  });

  it('saves anyway when forced, and "already saved" then names the newest save', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'job' }, T0);
    const forced = await saveToOutbox(db, { draft: draft(), jobKey: 'job', force: true }, T0 + 5);
    expect(forced.kind).toBe('queued');
    expect(await db.outbox.count()).toBe(2);
    expect((await findAlreadySaved(db, 'job'))?.created_at).toBe(T0 + 5);
    expect(await findAlreadySaved(db, 'nothing')).toBeUndefined();
  });

  it('fails loudly, leaving nothing, when IndexedDB cannot take the write', async () => {
    db.close();
    await expect(saveToOutbox(db, { draft: draft(), jobKey: 'job' }, T0)).rejects.toThrow();
    await db.open();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('leases', () => {
  it('claims the oldest due row and leases it in the same write', async () => {
    await saveToOutbox(db, { draft: draft(1), jobKey: 'a' }, T0);
    await saveToOutbox(db, { draft: draft(2), jobKey: 'b' }, T0 + 10);
    const row = await claimNext(db, T0 + 20);
    expect(row).toMatchObject({
      job_key: 'a',
      state: 'sending',
      lease_until: T0 + 20 + LEASE_MS,
      first_attempt_at: T0 + 20,
      in_doubt: false,
    });
    expect(await db.outbox.get(row?.id ?? -1)).toEqual(row);
  });

  it('never hands one row to two concurrent claims (compare-and-set)', async () => {
    for (let i = 0; i < 10; i++) await saveToOutbox(db, { draft: draft(i), jobKey: `k${i}` }, T0);
    const claims = await Promise.all(Array.from({ length: 25 }, () => claimNext(db, T0)));
    const ids = claims.filter((row) => row !== null).map((row) => row.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it('skips rows not yet due and rows whose lease still runs', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0);
    await db.outbox.update(1, { next_attempt_at: T0 + 5_000 });
    expect(await claimNext(db, T0)).toBeNull();
    expect(await claimNext(db, T0 + 5_000)).not.toBeNull();
    expect(await claimNext(db, T0 + 5_000 + LEASE_MS - 1)).toBeNull();
  });

  it('takes an expired lease back as in doubt, keeping the first attempt time', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0);
    const first = await claimNext(db, T0);
    const retaken = await claimNext(db, T0 + LEASE_MS);
    expect(retaken).toMatchObject({
      id: first?.id,
      in_doubt: true,
      first_attempt_at: T0,
      lease_until: T0 + 2 * LEASE_MS,
    });
  });

  it('records an outcome only for the lease that is still current', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0);
    const stale = await claimNext(db, T0);
    const current = await claimNext(db, T0 + LEASE_MS);
    if (!stale || !current) throw new Error('no claim');
    expect(
      await finishAttempt(db, stale, { state: 'synced', server_id: 1 }, T0 + LEASE_MS),
    ).toBeNull();
    const done = await finishAttempt(db, current, { state: 'synced', server_id: 2 }, T0 + LEASE_MS);
    expect(done).toMatchObject({ state: 'synced', server_id: 2, lease_until: null });
  });

  it('finishes a lease and claims the next row in one transaction, the lease still guarding', async () => {
    await saveToOutbox(db, { draft: draft(1), jobKey: 'a' }, T0);
    await saveToOutbox(db, { draft: draft(2), jobKey: 'b' }, T0 + 10);
    const first = await claimNext(db, T0 + 20);
    if (!first) throw new Error('no claim');
    const { finished, next } = await finishAndClaimNext(
      db,
      first,
      { state: 'synced', server_id: 7 },
      T0 + 30,
      {},
    );
    expect(finished).toMatchObject({ id: first.id, state: 'synced', server_id: 7 });
    expect(next).toMatchObject({ job_key: 'b', state: 'sending', lease_until: T0 + 30 + LEASE_MS });
    // A lease taken over meanwhile is not finished, yet the next claim still happens.
    const stale = await claimNext(db, T0 + 30 + LEASE_MS);
    expect(stale?.id).toBe(next?.id);
    const again = await finishAndClaimNext(db, next as OutboxRow, { state: 'synced' }, T0, {});
    expect(again).toEqual({ finished: null, next: null });
  });

  it('leaves expired leases alone when asked to, for a pass that already found none', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0);
    await claimNext(db, T0);
    expect(await claimNext(db, T0 + LEASE_MS, { expiredLeases: false })).toBeNull();
    expect(await claimNext(db, T0 + LEASE_MS)).toMatchObject({ job_key: 'a', in_doubt: true });
  });

  it('knows when the next row falls due', async () => {
    expect(await nextDueAt(db)).toBeNull();
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0 + 500);
    await saveToOutbox(db, { draft: draft(), jobKey: 'b' }, T0 + 100);
    expect(await nextDueAt(db)).toBe(T0 + 100);
  });
});

describe('the popup view', () => {
  async function fill(count: number, state: 'pending' | 'synced' | 'attention', from = 0) {
    for (let i = 0; i < count; i++) {
      const saved = await saveToOutbox(
        db,
        { draft: draft(i), jobKey: `${state}-${i}` },
        T0 + from + i,
      );
      if (saved.kind === 'queued' && state !== 'pending') {
        await db.outbox.update(saved.row.id, { state });
      }
    }
  }

  it('counts what waits and what needs the user, never the history', async () => {
    await fill(3, 'pending');
    await fill(2, 'synced');
    await fill(1, 'attention');
    await claimNext(db, T0 + 100);
    expect(await countUnsent(db)).toEqual({ waiting: 3, attention: 1 });
  });

  it('stops counting at the cap, as the badge shows no more than "999+"', async () => {
    await fill(7, 'pending');
    await fill(4, 'attention');
    expect(await countUnsent(db, 5)).toEqual({ waiting: 5, attention: 4 });
  });

  it('pages a group newest first, with its total', async () => {
    await fill(25, 'synced');
    const first = await listGroup(db, 'synced', { offset: 0, limit: 10 });
    const third = await listGroup(db, 'synced', { offset: 20, limit: 10 });
    expect(first.total).toBe(25);
    expect(first.rows.map((row) => row.job_key)).toEqual(
      Array.from({ length: 10 }, (_, i) => `synced-${24 - i}`),
    );
    expect(third.rows.map((row) => row.job_key)).toEqual(
      Array.from({ length: 5 }, (_, i) => `synced-${4 - i}`),
    );
  });

  it('puts sending and pending rows together as "waiting"', async () => {
    await fill(4, 'pending');
    await fill(2, 'attention', 100);
    const sending = await claimNext(db, T0 + 1_000);
    const waiting = await listGroup(db, 'waiting', { offset: 0, limit: 3 });
    expect(waiting.total).toBe(4);
    expect(waiting.rows.map((row) => row.id)[0]).toBe(sending?.id);
    expect(waiting.rows).toHaveLength(3);
    expect(waiting.rows.every((row) => row.state !== 'attention')).toBe(true);
  });
});

describe('retry, resend, delete', () => {
  it('puts a row that needs attention back in line now, with a corrected draft', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0);
    await db.outbox.update(1, {
      state: 'attention',
      attempts: 1,
      field_errors: { company_name: ['Bad'] },
      next_attempt_at: T0,
    });
    const fixed = { ...draft(), company_name: 'Fixed' };
    const result = await requeue(db, 1, T0 + 60_000, fixed);
    expect(result).toMatchObject({
      kind: 'ok',
      row: {
        state: 'pending',
        draft: fixed,
        field_errors: null,
        attempts: 0,
        next_attempt_at: T0 + 60_000,
      },
    });
  });

  it('will not requeue a synced row, a row being sent, or a missing one', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0);
    await claimNext(db, T0);
    expect((await requeue(db, 1, T0)).kind).toBe('sending');
    await db.outbox.update(1, { state: 'synced' });
    expect((await requeue(db, 1, T0)).kind).toBe('synced');
    expect((await requeue(db, 99, T0)).kind).toBe('missing');
  });

  it('deletes a row and says whether there was one', async () => {
    await saveToOutbox(db, { draft: draft(), jobKey: 'a' }, T0);
    expect(await deleteRow(db, 1)).toBe(true);
    expect(await deleteRow(db, 1)).toBe(false);
    expect(await db.outbox.count()).toBe(0);
  });
});
