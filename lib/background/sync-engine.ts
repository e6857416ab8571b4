/**
 * The sync engine: delivers each outbox row to CareerTrack exactly once. It keeps nothing that matters
 * in memory; every wake (alarm, start-up, save, popup) runs the same pass over what IndexedDB says.
 */
import {
  type Api,
  type CreateResult,
  canCarrySecrets,
  type Failure,
  insecureMessage,
  type UpdateResult,
} from '@/lib/background/api-client';
import { parseRetryAfter, retryDelay } from '@/lib/background/backoff';
import type { ClipperDb } from '@/lib/background/database';
import {
  claimNext,
  finishAndClaimNext,
  finishAttempt,
  LEASE_MS,
  nextDueAt,
} from '@/lib/background/outbox';
import { asStored } from '@/lib/background/stored-text';
import { currentAuth, rejectSession } from '@/lib/background/token-store';
import { DELETED_MESSAGE } from '@/lib/background/updates';
import { isUpdate, type OutboxRow } from '@/lib/outbox-row';
import type { Application } from '@/lib/schema';

export const CONCURRENCY = 4;
/**
 * How much earlier than the row's first attempt a found record may have been created: the server's
 * clock and the browser's disagree a little. Older records are an earlier save of the same job.
 */
export const LOOKUP_CLOCK_MARGIN_MS = 10 * 60_000;

export type SenderApi = Pick<Api, 'createApplication' | 'findApplications' | 'updateApplication'>;

export interface SyncDeps {
  db: ClipperDb;
  /** Builds the client for the signed-in session (read from IndexedDB before each row). */
  api: (session: { baseUrl: string; token: string }) => SenderApi;
  clock: { now(): number };
  random: () => number;
  settings: { get(): Promise<{ api_url: string }> };
  /** Called after each change to a row (and with null after the queue paused for sign-in). */
  onChange?: (row: OutboxRow | null) => void;
  /** Asked to wake the engine at a time, when a live worker can; the minute alarm is the fallback. */
  wakeAt?: (time: number) => void;
  onError?: (error: unknown) => void;
  concurrency?: number;
  leaseMs?: number;
}

export interface SyncEngine {
  /** Starts a pass, or makes the running one look again; resolves when nothing due is left. */
  nudge(): Promise<void>;
}

export function createSyncEngine(deps: SyncDeps): SyncEngine {
  const { db, clock, random } = deps;
  const concurrency = deps.concurrency ?? CONCURRENCY;
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const emit = (row: OutboxRow | null) => deps.onChange?.(row);

  /** The client for the current session, or null when the queue must wait for sign-in. */
  let client: { key: string; api: SenderApi } | null = null;
  async function senderApi(apiUrl: string): Promise<SenderApi | null> {
    const auth = await currentAuth(db, apiUrl);
    if (auth.state !== 'ready') return null;
    if (!canCarrySecrets(auth.apiUrl)) {
      await rejectSession(db, insecureMessage(auth.apiUrl));
      return null;
    }
    const key = `${auth.apiUrl} ${auth.token}`;
    if (client?.key !== key)
      client = { key, api: deps.api({ baseUrl: auth.apiUrl, token: auth.token }) };
    return client.api;
  }

  async function pass(): Promise<void> {
    let paused = false;
    // Claims take the earliest due row, and every row written later is due no earlier than its
    // writing: what remains due is never earlier than the last claimed (see claimNext).
    let dueFrom = Number.NEGATIVE_INFINITY;
    // Leases expire only when their worker died, so they are taken at the start of a pass; one
    // that ends later (a worker stopped under a minute ago) is the next pass's, which nextDueAt
    // schedules for when it ends.
    let expiredLeases = true;
    // Once a pass: the token goes only where it was issued whatever this says (see currentAuth).
    const { api_url } = await deps.settings.get();
    const claimOptions = () => ({ leaseMs, dueFrom, expiredLeases });
    const worker = async () => {
      // The session is read for every row: a sign-out or a new sign-in applies at once.
      let api = await senderApi(api_url);
      let row = api && (await claimNext(db, clock.now(), claimOptions()));
      while (api && row) {
        // Claims prefer expired leases, which come back in doubt: a row that is not came from
        // the due ones, so no lease had expired.
        if (!row.in_doubt) expiredLeases = false;
        dueFrom = Math.max(dueFrom, row.next_attempt_at);
        emit(row);
        const outcome = await deliver(api, row);
        api = outcome.unauthorized || paused ? null : await senderApi(api_url);
        if (!api) {
          await finish(row, outcome.patch);
          break;
        }
        // One transaction records this row's outcome and leases the next: a draining queue
        // commits once per row instead of twice.
        const { finished, next } = await finishAndClaimNext(
          db,
          row,
          outcome.patch,
          clock.now(),
          claimOptions(),
        );
        if (finished) emit(finished);
        row = next;
      }
      if (!api) paused = true;
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (paused) {
      emit(null);
      return;
    }
    const due = await nextDueAt(db);
    if (due !== null) deps.wakeAt?.(due);
  }

  /** What the row's attempt came to: the change to record, and whether the queue must pause. */
  interface Outcome {
    patch: Partial<OutboxRow>;
    unauthorized?: true;
  }

  async function deliver(api: SenderApi, row: OutboxRow): Promise<Outcome> {
    if (isUpdate(row)) return deliverUpdate(api, row);
    if (row.in_doubt) {
      const found = await api.findApplications(row.draft.company_name);
      if (found.kind !== 'found') return settle(row, found, 'lookup');
      const match = await findSameRecord(found.applications, row);
      if (match) return { patch: synced(match) };
    }
    return settleCreate(row, await api.createApplication(row.draft));
  }

  /**
   * A PATCH sets fields to values: sent twice it leaves the record as sent once, so an unanswered
   * one is simply sent again, never looked up.
   */
  async function deliverUpdate(api: SenderApi, row: OutboxRow): Promise<Outcome> {
    // Released only with its record's id (see moveLine); without one it waits in line again.
    if (row.server_id === null) return { patch: { state: 'held', in_doubt: false } };
    return settleUpdate(row, await api.updateApplication(row.server_id, row.changes ?? {}));
  }

  async function settleUpdate(row: OutboxRow, result: UpdateResult): Promise<Outcome> {
    if (result.kind === 'updated') return { patch: synced(result.application) };
    const refused = { state: 'attention', attempts: row.attempts + 1, in_doubt: false } as const;
    if (result.kind === 'missing') {
      return { patch: { ...refused, deleted: true, last_error: DELETED_MESSAGE } };
    }
    if (result.kind === 'invalid') {
      return {
        patch: {
          ...refused,
          field_errors: result.fieldErrors,
          last_error: `CareerTrack did not accept some changes: ${result.message}`,
        },
      };
    }
    return settle(row, result, 'update');
  }

  async function settleCreate(row: OutboxRow, result: CreateResult): Promise<Outcome> {
    if (result.kind === 'created') return { patch: synced(result.application) };
    if (result.kind === 'invalid') {
      return {
        patch: {
          state: 'attention',
          attempts: row.attempts + 1,
          field_errors: result.fieldErrors,
          last_error: `CareerTrack did not accept some fields: ${result.message}`,
          in_doubt: false,
        },
      };
    }
    return settle(row, result, 'create');
  }

  async function settle(
    row: OutboxRow,
    failure: Failure,
    step: 'lookup' | 'create' | 'update',
  ): Promise<Outcome> {
    const now = clock.now();
    if (failure.kind === 'unauthorized') {
      await rejectSession(db, failure.message);
      // Not an attempt that counts: the row goes back in line for when the user signs in again.
      return {
        patch: { state: 'pending', next_attempt_at: now, last_error: failure.message },
        unauthorized: true,
      };
    }
    // After a failed lookup the doubt remains; after a create it depends on how it failed.
    const inDoubt =
      step === 'lookup'
        ? row.in_doubt
        : step === 'create' && failure.kind === 'transient' && failure.maybeDone;
    if (failure.kind === 'refused') {
      return {
        patch: {
          state: 'attention',
          attempts: row.attempts + 1,
          last_error: failure.message,
          in_doubt: inDoubt,
        },
      };
    }
    const attempts = row.attempts + 1;
    const delay = retryDelay(attempts, random, parseRetryAfter(failure.retryAfter, now));
    // Without an answer the server may still be creating the record: looking it up before the
    // lease ends could miss it and send a duplicate.
    const notBefore = step === 'create' && failure.unanswered ? (row.lease_until ?? now) : now;
    return {
      patch: {
        state: 'pending',
        attempts,
        next_attempt_at: Math.max(now + delay, notBefore),
        last_error: `${failure.message} It will be sent again automatically.`,
        in_doubt: inDoubt,
        // A timed-out request may still be running on the server: remembered apart from the
        // backoff, which "Retry now" skips (see requeue). A refused or dropped connection is over.
        ...(failure.timedOut && notBefore > now ? { lookup_after: notBefore } : {}),
      },
    };
  }

  function synced(application: Application): Partial<OutboxRow> {
    return {
      state: 'synced',
      server_id: application.id,
      synced_at: clock.now(),
      last_error: null,
      field_errors: null,
      in_doubt: false,
    };
  }

  async function finish(row: OutboxRow, patch: Partial<OutboxRow>): Promise<void> {
    const next = await finishAttempt(db, row, patch, clock.now());
    if (next) emit(next);
  }

  /** The record an unanswered create may have made: same job, made after this row was first sent. */
  async function findSameRecord(
    applications: Application[],
    row: OutboxRow,
  ): Promise<Application | undefined> {
    // Records that other saves of this job already claimed are theirs (the user chose "Save anyway").
    const siblings = await db.outbox.where('job_key').equals(row.job_key).toArray();
    const claimed = new Set(siblings.map((sibling) => sibling.server_id));
    const since = (row.first_attempt_at ?? row.created_at) - LOOKUP_CLOCK_MARGIN_MS;
    return applications.find((application) => {
      const createdAt = Date.parse(application.created_at ?? '');
      return (
        !claimed.has(application.id) &&
        asStored(application.company_name) === asStored(row.draft.company_name) &&
        asStored(application.position_title) === asStored(row.draft.position_title) &&
        asStored(application.source_url) === asStored(row.draft.source_url) &&
        (Number.isNaN(createdAt) || createdAt >= since)
      );
    });
  }

  return { nudge: coalesce(pass, deps.onError ?? console.error) };
}

/**
 * Runs `work` once at a time: a call while it runs makes it run once more afterwards (so nothing
 * asked for is missed), and every caller waits for the run that covers its call. Never rejects.
 */
export function coalesce(work: () => Promise<void>, onError: (error: unknown) => void) {
  let running: Promise<void> | null = null;
  let again = false;
  return (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await work();
        } while (again);
      } catch (error) {
        // The next wake starts afresh; for the engine, a row this left 'sending' is taken again,
        // in doubt, once its lease ends.
        onError(error);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
