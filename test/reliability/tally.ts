/**
 * What a reliability test proved, in numbers, for the suite's summary line (see run.ts):
 * `reliability: N saves, M on server, L lost, D duplicates, K leaks, U updates`.
 * A test records its tally on its own task, so a test that fails before recording shows up as
 * a failed check, not as zeros.
 */
import type { TestContext } from 'vitest';

export interface Tally {
  /** Saves attempted (each one that the extension answered, whatever it answered). */
  saves?: number;
  /** Records on the server for those saves (one per save expected). */
  onServer?: number;
  /** Saves with no record. */
  lost?: number;
  /** Records beyond one per save. */
  duplicates?: number;
  /** Changes made to saved records, and records that did not end as last changed. */
  updates?: number;
  updatesWrong?: number;
  /** Probes run (each one a way a secret or a save could escape). */
  probes?: number;
  /** Probes that found a way. */
  leaks?: number;
  /** Requests the API stand-in saw, and how many of them it failed on purpose. */
  requests?: number;
  faulted?: number;
  /** One line about what was done (fault mix, seed, restarts). */
  note?: string;
}

declare module 'vitest' {
  interface TaskMeta {
    reliability?: Tally;
  }
}

/** Adds to the test's tally (a test may record in parts). */
export function tally(context: Pick<TestContext, 'task'>, part: Tally): void {
  const meta = context.task.meta;
  const sum = meta.reliability ?? {};
  for (const [key, value] of Object.entries(part) as [keyof Tally, number | string][]) {
    if (key === 'note') sum.note = [sum.note, value].filter(Boolean).join('; ');
    else (sum as Record<string, number>)[key] = ((sum[key] as number) ?? 0) + (value as number);
  }
  meta.reliability = sum;
}

/** Counts one save per expected key against the keys of the records found. */
export function reconcile(
  expected: readonly string[],
  found: readonly string[],
): { saves: number; onServer: number; lost: string[]; duplicates: number } {
  const counts = new Map<string, number>();
  for (const key of found) counts.set(key, (counts.get(key) ?? 0) + 1);
  const wanted = new Set(expected);
  const lost = expected.filter((key) => !counts.has(key));
  let duplicates = 0;
  let onServer = 0;
  for (const [key, count] of counts) {
    if (!wanted.has(key)) {
      // A record no save asked for is as wrong as a second one.
      duplicates += count;
      continue;
    }
    onServer += count;
    duplicates += count - 1;
  }
  return { saves: expected.length, onServer, lost, duplicates };
}
