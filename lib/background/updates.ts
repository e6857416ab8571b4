/**
 * Changes to a saved application. An update goes through the outbox like a create: written to
 * IndexedDB first, in the line of its record (the create's row id), sent only once everything before
 * it in that line is synced, so CareerTrack ends with the last change the user made. While no
 * update of the record is in flight a new one is folded into the one waiting, so a line holds at
 * most one row in flight and one waiting. The record's local view (the create's fields with every
 * update's changes over them) is the one place the popup, the in-page button and reminders read.
 */

import type { ApplicationDraft } from '@/lib/application';
import type { ClipperDb } from '@/lib/background/database';
import { findAlreadySaved, newRow } from '@/lib/background/outbox';
import type { FieldErrors, RecordState, SavedRecord } from '@/lib/messages';
import { isUpdate, type OutboxRow } from '@/lib/outbox-row';
import { type ApplicationChanges, type ApplicationCreate, validateChanges } from '@/lib/schema';

export const DELETED_MESSAGE = 'This application was deleted in CareerTrack.';
export type { RecordState, SavedRecord };

export const NOTHING_CHANGED = 'Nothing changed: there is nothing to update.';

export interface UpdateDeps {
  db: ClipperDb;
  now(): number;
  /** Wakes the sync engine once the update is written; not awaited. */
  nudge?(): unknown;
}

/**
 * queued: written to the outbox (`updateRowId`), to be sent in its record's turn; `record` is the
 * local view with the change. invalid: nothing written. deleted: CareerTrack said the record is
 * gone; the user may save it anew. missing: no saved application has this row id.
 */
export type QueueUpdateResult =
  | { kind: 'queued'; updateRowId: number; record: SavedRecord }
  | { kind: 'invalid'; fieldErrors: FieldErrors }
  | { kind: 'deleted' | 'missing' | 'unchanged'; message: string };

/**
 * Writes `changes` (raw form values; only the changed fields) as an update of the application
 * whose create is row `rowId`. Validated as a create's fields are, against the record as the user
 * last saw it.
 */
export async function queueUpdate(
  deps: UpdateDeps,
  rowId: number,
  changes: ApplicationDraft,
): Promise<QueueUpdateResult> {
  const { db } = deps;
  const result = await db.transaction('rw', db.outbox, async (): Promise<QueueUpdateResult> => {
    const create = await db.outbox.get(rowId);
    if (!create || isUpdate(create)) {
      return { kind: 'missing', message: 'This application is no longer in the extension.' };
    }
    const line = await lineOf(db, rowId);
    if (line.some((row) => row.deleted)) return { kind: 'deleted', message: DELETED_MESSAGE };
    const before = viewOf(create, line);
    const valid = validateChanges(changes, before);
    if (!valid.ok) return { kind: 'invalid', fieldErrors: valid.fieldErrors };
    if (Object.keys(valid.value).length === 0) {
      return { kind: 'unchanged', message: NOTHING_CHANGED };
    }
    const draft = applyChanges(before, valid.value);
    const now = deps.now();
    // Not in flight: the one waiting in the line takes this change too (the later value wins).
    const waiting = line.find((row) => row.state !== 'synced' && row.state !== 'sending');
    let updateRowId: number;
    if (waiting) {
      updateRowId = waiting.id;
      await db.outbox.put({
        ...waiting,
        changes: { ...waiting.changes, ...valid.value },
        draft,
        // A refused change is sent again with this one: the user answered it.
        state: waiting.state === 'held' ? 'held' : 'pending',
        field_errors: null,
        last_error: waiting.state === 'attention' ? null : waiting.last_error,
        attempts: waiting.state === 'attention' ? 0 : waiting.attempts,
        next_attempt_at: now,
        updated_at: now,
      });
    } else {
      // Marks the create for moveLine. A create being sent keeps its lease: finishAttempt merges
      // its outcome into the row as stored, mark included.
      if (!create.has_updates) await db.outbox.put({ ...create, has_updates: true });
      const ready = create.state === 'synced' && !line.some((row) => row.state === 'sending');
      updateRowId = await db.outbox.add({
        ...newRow(draft, create.job_key, now),
        kind: 'update',
        record_row: create.id,
        changes: valid.value,
        state: ready ? 'pending' : 'held',
        server_id: create.server_id,
      } as OutboxRow);
    }
    const record = describe(create, await lineOf(db, rowId));
    return { kind: 'queued', updateRowId, record };
  });
  if (result.kind === 'queued') deps.nudge?.();
  return result;
}

/** The application saved for this job (the latest one), as the user last left it; null if none. */
export async function savedRecordFor(db: ClipperDb, jobKey: string): Promise<SavedRecord | null> {
  return db.transaction('r', db.outbox, async () => {
    const create = await findAlreadySaved(db, jobKey);
    return create ? describe(create, await lineOf(db, create.id)) : null;
  });
}

/** The application whose create is row `rowId`, or null. */
export async function savedRecordOf(db: ClipperDb, rowId: number): Promise<SavedRecord | null> {
  return db.transaction('r', db.outbox, async () => {
    const create = await db.outbox.get(rowId);
    return create && !isUpdate(create) ? describe(create, await lineOf(db, rowId)) : null;
  });
}

/** A record's updates, in the order the user made them. */
async function lineOf(db: ClipperDb, rowId: number): Promise<OutboxRow[]> {
  return db.outbox.where('record_row').equals(rowId).sortBy('id');
}

export function applyChanges(
  fields: ApplicationCreate,
  changes: ApplicationChanges | undefined,
): ApplicationCreate {
  const next: Record<string, unknown> = { ...fields };
  for (const [name, value] of Object.entries(changes ?? {})) {
    if (value === null || value === undefined) delete next[name];
    else next[name] = value;
  }
  return next as ApplicationCreate;
}

function viewOf(create: OutboxRow, line: readonly OutboxRow[]): ApplicationCreate {
  return line.reduce((fields, row) => applyChanges(fields, row.changes), create.draft);
}

function describe(create: OutboxRow, line: readonly OutboxRow[]): SavedRecord {
  const fields = viewOf(create, line);
  const rows = [create, ...line];
  const refused = rows.find((row) => row.state === 'attention');
  const waiting = rows.some((row) => row.state !== 'synced' && row.state !== 'attention');
  const state: RecordState = refused?.deleted
    ? 'deleted'
    : refused
      ? 'attention'
      : waiting
        ? 'waiting'
        : 'synced';
  return {
    rowId: create.id,
    serverId: create.server_id ?? line.find((row) => row.server_id !== null)?.server_id ?? null,
    jobKey: create.job_key,
    fields,
    status: fields.status ?? 'applied',
    next_step_at: fields.next_step_at ?? null,
    state,
    problem: refused
      ? { rowId: refused.id, message: refused.last_error, fieldErrors: refused.field_errors }
      : null,
    savedAt: create.synced_at ?? create.created_at,
  };
}
