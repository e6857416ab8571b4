/**
 * One outbox row as the background stores it. The shape is shared: the background writes it, the
 * popup shows a view of it (messages.ts), and neither needs the database to know it.
 */
import type { FieldErrors } from '@/lib/messages';
import type { ApplicationCreate } from '@/lib/schema';

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
