/**
 * Outbox operations. Each one is a single IndexedDB transaction, so a worker stopped between any two
 * awaits leaves every row in a state the next wake understands. Queries go through indexes and take
 * bounded pages: the outbox may hold thousands of rows.
 */
import { Dexie } from 'dexie';
import type { ClipperDb } from '@/lib/background/database';
import { isUpdate, type OutboxRow, type OutboxState } from '@/lib/outbox-row';
import type { ApplicationCreate } from '@/lib/schema';

/** Long enough for a request with its 20 s timeout; short enough that a stopped worker is noticed. */
export const LEASE_MS = 60_000;

export type SaveResult =
  | { kind: 'queued'; row: OutboxRow }
  | { kind: 'duplicate'; previous: OutboxRow };

/** The rows that make a new save of the same job an "already saved" (attention ones may be redone). */
const ALREADY_SAVED: ReadonlySet<OutboxState> = new Set(['pending', 'sending', 'synced']);

/** Thrown inside a save's transaction to undo its write: the job was saved before. */
class AlreadySaved extends Error {
  constructor(readonly previous: OutboxRow) {
    super('This job was saved before.');
  }
}

export async function saveToOutbox(
  db: ClipperDb,
  save: { draft: ApplicationCreate; jobKey: string; force?: boolean },
  now: number,
): Promise<SaveResult> {
  const fresh = newRow(save.draft, save.jobKey, now);
  try {
    return await db.transaction('rw', db.outbox, async () => {
      // The check and the write go to IndexedDB together, one round trip instead of two, and a
      // job saved before undoes the write by aborting. Most saves are of a job never saved
      // before, which its key alone says, without reading any row.
      const [earlier, id] = await Promise.all([
        save.force ? [] : db.outbox.where('job_key').equals(save.jobKey).primaryKeys(),
        db.outbox.add(fresh),
      ]);
      if (earlier.length) {
        const previous = await findAlreadySaved(db, save.jobKey, id);
        if (previous) throw new AlreadySaved(previous);
      }
      return { kind: 'queued', row: { ...fresh, id } } as const;
    });
  } catch (error) {
    if (error instanceof AlreadySaved) return { kind: 'duplicate', previous: error.previous };
    throw error;
  }
}

/** A save as it enters the outbox: due at once, never tried. */
export function newRow(
  draft: ApplicationCreate,
  jobKey: string,
  now: number,
): Omit<OutboxRow, 'id'> {
  return {
    kind: 'create',
    job_key: jobKey,
    draft,
    state: 'pending',
    attempts: 0,
    last_error: null,
    field_errors: null,
    next_attempt_at: now,
    lease_until: null,
    in_doubt: false,
    first_attempt_at: null,
    server_id: null,
    created_at: now,
    updated_at: now,
    synced_at: null,
  };
}

export interface ClaimOptions {
  leaseMs?: number;
  dueFrom?: number;
  expiredLeases?: boolean;
}

/**
 * Compare-and-set: takes the oldest row whose lease expired, else the oldest due pending row, and
 * leases it in the same transaction. IndexedDB runs overlapping read-write transactions one after
 * another, so two concurrent wakes can never lease the same row.
 *
 * `dueFrom`: where to start looking, for a caller that claims many rows in a row. Every claimed row
 * leaves a deleted entry at the front of the due range (a tombstone until the store compacts), and
 * scanning past thousands of them made each claim slower than the last. Rows written later are due
 * no earlier than their writing, so nothing due is skipped.
 *
 * `expiredLeases: false`: skip the look for expired leases, for a caller that already found none.
 * Finished leases leave the same kind of deleted entries where that look starts.
 */
export async function claimNext(
  db: ClipperDb,
  now: number,
  { leaseMs = LEASE_MS, dueFrom = Dexie.minKey, expiredLeases = true }: ClaimOptions = {},
): Promise<OutboxRow | null> {
  return db.transaction('rw', db.outbox, async () => {
    const expired = expiredLeases
      ? await db.outbox
          .where('[state+lease_until]')
          .between(['sending', Dexie.minKey], ['sending', now], true, true)
          .first()
      : undefined;
    const row =
      expired ??
      (await db.outbox
        .where('[state+next_attempt_at]')
        .between(['pending', dueFrom], ['pending', now], true, true)
        .first());
    if (!row) return null;
    const leased: OutboxRow = {
      ...row,
      state: 'sending',
      lease_until: now + leaseMs,
      // An expired lease means a request went out and nobody heard the answer.
      in_doubt: row.in_doubt || row.state === 'sending',
      first_attempt_at: row.first_attempt_at ?? now,
      updated_at: now,
    };
    await db.outbox.put(leased);
    return leased;
  });
}

/** Records an attempt's outcome, only if the row still holds this lease (else someone else owns it). */
export async function finishAttempt(
  db: ClipperDb,
  leased: OutboxRow,
  patch: Partial<Omit<OutboxRow, 'id' | 'lease_until'>>,
  now: number,
): Promise<OutboxRow | null> {
  return db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.get(leased.id);
    if (current?.state !== 'sending' || current.lease_until !== leased.lease_until) return null;
    const next: OutboxRow = { ...current, ...patch, lease_until: null, updated_at: now };
    await db.outbox.put(next);
    return (await moveLine(db, next, now)) ?? next;
  });
}

/**
 * A record's line after one of its rows finished an attempt. Synced: the update held behind it
 * goes out now, to the record it now knows. Not synced: the held update is folded into this row
 * (its changes win, being later), so that the line keeps one row not in flight and the changes
 * still reach CareerTrack in the order the user made them.
 */
async function moveLine(db: ClipperDb, row: OutboxRow, now: number): Promise<OutboxRow | null> {
  // Most finished rows are creates never updated: their line is known to be empty without a read.
  const line = isUpdate(row) ? row.record_row : row.has_updates ? row.id : undefined;
  if (line === undefined) return null;
  const held = await db.outbox
    .where('record_row')
    .equals(line)
    .filter((other) => other.state === 'held' && other.id > row.id)
    .first();
  if (!held) return null;
  if (row.state === 'synced') {
    await db.outbox.put({
      ...held,
      state: 'pending',
      server_id: row.server_id,
      next_attempt_at: now,
      updated_at: now,
    });
    return null;
  }
  if (!isUpdate(row)) return null;
  const folded: OutboxRow = {
    ...row,
    changes: { ...row.changes, ...held.changes },
    draft: held.draft,
    updated_at: now,
  };
  await db.outbox.delete(held.id);
  await db.outbox.put(folded);
  return folded;
}

/** `finishAttempt`, then `claimNext`, in one transaction: a draining queue commits once per row. */
export async function finishAndClaimNext(
  db: ClipperDb,
  leased: OutboxRow,
  patch: Partial<Omit<OutboxRow, 'id' | 'lease_until'>>,
  now: number,
  claim: ClaimOptions,
): Promise<{ finished: OutboxRow | null; next: OutboxRow | null }> {
  return db.transaction('rw', db.outbox, async () => {
    const finished = await finishAttempt(db, leased, patch, now);
    return { finished, next: await claimNext(db, now, claim) };
  });
}

/** When the next pending row falls due, so that a live worker can wake itself before the alarm. */
export async function nextDueAt(db: ClipperDb): Promise<number | null> {
  const [pending, leased] = await Promise.all([
    db.outbox
      .where('[state+next_attempt_at]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .first(),
    db.outbox
      .where('[state+lease_until]')
      .between(['sending', Dexie.minKey], ['sending', Dexie.maxKey])
      .first(),
  ]);
  const times = [pending?.next_attempt_at, leased?.lease_until].filter(
    (time): time is number => typeof time === 'number',
  );
  return times.length ? Math.min(...times) : null;
}

export type OutboxGroup = 'waiting' | 'attention' | 'synced';
export const GROUP_STATES: Record<OutboxGroup, OutboxState[]> = {
  waiting: ['pending', 'sending', 'held'],
  attention: ['attention'],
  synced: ['synced'],
};

function byState(db: ClipperDb, state: OutboxState) {
  return db.outbox
    .where('[state+updated_at]')
    .between([state, Dexie.minKey], [state, Dexie.maxKey]);
}

/**
 * The badge shows at most "999+", and an IndexedDB count walks every row it counts: counting each
 * state only up to this many keeps a save and a drained row as cheap with 10,000 rows waiting as
 * with ten.
 */
export const BADGE_COUNT_CAP = 1000;

/** Rows waiting to be sent and rows needing the user, each counted up to `cap`. */
export async function countUnsent(
  db: ClipperDb,
  cap = BADGE_COUNT_CAP,
): Promise<{ waiting: number; attention: number }> {
  const [pending = 0, sending = 0, held = 0, attention = 0] = await Promise.all(
    (['pending', 'sending', 'held', 'attention'] as const).map(
      async (state) => (await byState(db, state).limit(cap).primaryKeys()).length,
    ),
  );
  return { waiting: Math.min(cap, pending + sending + held), attention };
}

/** One page of a group, most recently changed first. */
export async function listGroup(
  db: ClipperDb,
  group: OutboxGroup,
  page: { offset: number; limit: number },
): Promise<{ rows: OutboxRow[]; total: number }> {
  const states = GROUP_STATES[group];
  const totals = await Promise.all(states.map((state) => byState(db, state).count()));
  const total = totals.reduce((sum, count) => sum + count, 0);
  const [only] = states;
  if (states.length === 1 && only) {
    const rows = await byState(db, only).reverse().offset(page.offset).limit(page.limit).toArray();
    return { rows, total };
  }
  // Several states: the first offset+limit of each, merged. Fine for the pages a popup shows.
  const heads = await Promise.all(
    states.map((state) =>
      byState(db, state)
        .reverse()
        .limit(page.offset + page.limit)
        .toArray(),
    ),
  );
  const rows = heads
    .flat()
    .sort((a, b) => b.updated_at - a.updated_at || b.id - a.id)
    .slice(page.offset, page.offset + page.limit);
  return { rows, total };
}

/** The latest save of a job that is in CareerTrack or on its way there: "already saved on ...". */
export async function findAlreadySaved(
  db: ClipperDb,
  jobKey: string,
  exceptId?: number,
): Promise<OutboxRow | undefined> {
  return db.outbox
    .where('job_key')
    .equals(jobKey)
    .filter((row) => row.id !== exceptId && !isUpdate(row) && ALREADY_SAVED.has(row.state))
    .last();
}

export type EditResult =
  | { kind: 'ok'; row: OutboxRow }
  | { kind: 'missing' | 'synced' | 'sending' };

/**
 * Puts a row back in line now (or when its timed-out request's lease ends); `draft` replaces what
 * it sends (after the user fixed fields).
 */
export async function requeue(
  db: ClipperDb,
  id: number,
  now: number,
  draft?: ApplicationCreate,
): Promise<EditResult> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row) return { kind: 'missing' };
    // A sending row's outcome is not known yet; a synced one is already in CareerTrack.
    if (row.state === 'synced' || row.state === 'sending') return { kind: row.state };
    // Waits for the row before it in its record's line; moved on when that one is synced.
    if (row.state === 'held') return { kind: 'ok', row };
    const next: OutboxRow = {
      ...row,
      ...(draft ? { draft, attempts: 0, last_error: null } : {}),
      state: 'pending',
      field_errors: null,
      // Now, unless a timed-out request may still be creating the record on the server: a
      // lookup before then could miss it and send a duplicate.
      next_attempt_at: Math.max(now, row.lookup_after ?? now),
      updated_at: now,
    };
    await db.outbox.put(next);
    return { kind: 'ok', row: next };
  });
}

/**
 * An unsent create takes the updates held behind it along: with no record to change, they would
 * wait forever. Once synced, a create is history, and its record's updates go on without it.
 */
export async function deleteRow(db: ClipperDb, id: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(id);
    if (!row) return false;
    await db.outbox.delete(id);
    if (!isUpdate(row) && row.state !== 'synced') {
      await db.outbox
        .where('record_row')
        .equals(id)
        .filter((update) => update.state !== 'synced')
        .delete();
    }
    // An update held behind a deleted one waits only for its record's create from now on.
    if (isUpdate(row) && row.record_row !== undefined && row.state !== 'synced') {
      const line = await db.outbox.where('record_row').equals(row.record_row).toArray();
      const held = line.find((other) => other.state === 'held');
      const create = await db.outbox.get(row.record_row);
      const ahead = line.some((other) => other.state === 'sending');
      const serverId = create?.state === 'synced' ? create.server_id : row.server_id;
      if (held && !ahead && serverId !== null) {
        await db.outbox.put({ ...held, state: 'pending', server_id: serverId });
      }
    }
    return true;
  });
}
