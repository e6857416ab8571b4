/** When to try a transient failure again: exponential backoff with full jitter, Retry-After as a floor. */

export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 30 * 60_000;
/** A server asking for more than a day is more likely wrong than right; the alarm still checks. */
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60_000;

/**
 * Full jitter (a uniform draw below the exponential ceiling) spreads retries of many rows, and of
 * many users behind one server, instead of sending them in waves. `attempt` counts from 1.
 */
export function jitteredDelay(
  attempt: number,
  random: () => number,
  base = BACKOFF_BASE_MS,
  cap = BACKOFF_CAP_MS,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(cap, base * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; undefined when absent or bad. */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number,
): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  // Date.parse is lenient ("-5" is a year): an HTTP date always names its day and month.
  const ms = /^\d+$/.test(value)
    ? Number(value) * 1000
    : /[a-z]/i.test(value)
      ? Date.parse(value) - now
      : Number.NaN;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), RETRY_AFTER_MAX_MS);
}

/**
 * A draw of (nearly) zero would retry within the same pass, against a server that just failed:
 * a one-second floor keeps the engine from spinning on it.
 */
export const MIN_RETRY_MS = 1_000;

export function retryDelay(attempt: number, random: () => number, retryAfterMs?: number): number {
  return Math.max(MIN_RETRY_MS, jitteredDelay(attempt, random), retryAfterMs ?? 0);
}
