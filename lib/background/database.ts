/**
 * The extension's own IndexedDB: the outbox and the token. It is opened only by the background, so it
 * belongs to the extension's origin; a database opened by a content script would belong to the page.
 * Every schema version lives here, in order.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { FieldErrors } from '@/lib/messages';
import type { ApplicationCreate } from '@/lib/schema';

export const DB_NAME = 'careertrack-clipper';

/**
 * pending: waits for its next attempt (or for sign-in, which is a queue-wide condition, see secrets).
 * sending: leased by one sender until `lease_until`; past that it is in doubt.
 * synced: CareerTrack confirmed it (kept as history for "already saved").
 * attention: CareerTrack refused it (a 422 or another final answer); only the user moves it on.
 */
export type OutboxState = 'pending' | 'sending' | 'synced' | 'attention';

export interface OutboxRow {
  id: number;
  job_key: string;
  draft: ApplicationCreate;
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
  server_id: number | null;
  created_at: number;
  updated_at: number;
  synced_at: number | null;
}

/** The one secret: the CareerTrack token, bound to the API address it was issued by. */
export interface SessionRow {
  key: 'session';
  token: string;
  api_url: string;
  email: string | null;
  /** Why CareerTrack refused the token (401); the queue waits until a new sign-in replaces it. */
  rejected: string | null;
  saved_at: number;
}

export type ClipperDb = Dexie & {
  outbox: EntityTable<OutboxRow, 'id'>;
  secrets: EntityTable<SessionRow, 'key'>;
};

/** `options`: Dexie's, e.g. the IndexedDB to use (a test's broken one). */
export function openDb(name: string = DB_NAME, options?: DexieOptions): ClipperDb {
  const db = new Dexie(name, options) as ClipperDb;
  db.version(1).stores({
    // [state+next_attempt_at]: the engine's due rows; [state+lease_until]: expired leases;
    // [state+updated_at]: the popup's groups and the badge's counts; job_key: "already saved".
    outbox: '++id, job_key, [state+next_attempt_at], [state+lease_until], [state+updated_at]',
    secrets: 'key',
  });
  // Both serve liveQuery(), which nothing here uses: they kept copies of what each transaction
  // touched and broadcast every commit to the extension's other contexts, work each save paid for.
  for (const name of ['Cache', 'Observability']) db.unuse({ stack: 'dbcore', name });
  return db;
}
