/**
 * One outbox row as the background stores it. The shape is shared: the background writes it, the
 * popup shows a view of it (messages.ts), and neither needs the database to know it.
 */
import type { FieldErrors } from '@/lib/messages';
import type { ApplicationChanges, ApplicationCreate } from '@/lib/schema';

/**
 * pending: waits for its next attempt (or for sign-in, which is a queue-wide condition, see secrets).
 * sending: leased by one sender until `lease_until`; past that it is in doubt.
 * synced: CareerTrack confirmed it (kept as history for "already saved").
 * attention: CareerTrack refused it (a 422 or another final answer); only the user moves it on.
 * held: an update waiting for the row before it in its record's line (the record's create, or an
 *   earlier update) to be synced; it becomes pending then, never sooner.
 */
export type OutboxState = 'pending' | 'sending' | 'synced' | 'attention' | 'held';

/** create: POST a new application. update: PATCH the record its create made, with `changes`. */
export type OutboxKind = 'create' | 'update';

export interface OutboxRow {
  id: number;
  /** Absent in rows written before updates existed: those are creates (see database.ts). */
  kind?: OutboxKind;
  job_key: string;
  /**
   * A create: what it sends. An update: the record's fields as the user left them with this
   * change, for the outbox's list and the popup (what is sent is `changes`).
   */
  draft: ApplicationCreate;
  /** An update's fields to change, and only those (null clears one). */
  changes?: ApplicationChanges;
  /** An update's record: the id of the create row that made it. */
  record_row?: number;
  /**
   * A create whose record was given an update at least once: only such a create can have an update
   * held behind it, so a draining queue looks for one only then (see moveLine). Never unset.
   */
  has_updates?: true;
  /** An update that CareerTrack answered 404: the record was deleted there. */
  deleted?: boolean;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  field_errors: FieldErrors | null;
  next_attempt_at: number;
  /** Set only while sending: rows without it stay out of the lease index. */
  lease_until: number | null;
  /** A create may have reached the server without an answer: look it up before sending again. */
  in_doubt: boolean;
  /**
   * A request of this row timed out and the server may still be working on it until then: no
   * lookup or resend before it, not even on "Retry now". Absent in rows that never had one.
   */
  lookup_after?: number | null;
  first_attempt_at: number | null;
  /** A create: the record it made, once synced. An update: the record it changes, once known. */
  server_id: number | null;
  created_at: number;
  updated_at: number;
  synced_at: number | null;
}

export function isUpdate(row: Pick<OutboxRow, 'kind'>): boolean {
  return row.kind === 'update';
}
