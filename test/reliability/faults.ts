/**
 * The soaks' fault plans and bookkeeping: a FaultController that keeps every request it failed
 * (the stand-in's own log keeps the last 1000), a seeded generator, and a fetch that counts what
 * the client sent and what never reached the server (connection refused).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultController, type FaultLogEntry, type FaultPlan, generator } from '../server/faults';

/** The soaks' seed: RELIABILITY_SEED to replay another run. */
export const SEED = Number(process.env.RELIABILITY_SEED ?? 20260601);

/** mulberry32, the stand-in's own generator: the same seed gives the same sequence. */
export const seeded = generator;

/** A fault mode of the soak: its name in the table, and its plan. */
export interface Mode {
  name: string;
  plan: FaultPlan;
}

export class LoggedFaults extends FaultController {
  /** Requests seen by the server, and the ones a fault acted on (kept, and mutated as they end). */
  seen = 0;
  readonly failed: Array<FaultLogEntry & { mode: string }> = [];
  /** Every request, for the diagnosis of a failed soak (the last 50,000). */
  readonly all: FaultLogEntry[] = [];
  readonly #modes = new Map<number, string>();

  /** Arms the modes, each under its name. */
  arm(modes: readonly Mode[]): void {
    const added = this.add(modes.map((mode) => mode.plan));
    added.forEach((fault, i) => {
      this.#modes.set(fault.id, modes[i]?.name ?? `fault ${fault.id}`);
    });
  }

  override take(method: string, path: string) {
    const taken = super.take(method, path);
    this.seen++;
    this.all.push(taken.entry);
    if (this.all.length > 50_000) this.all.shift();
    if (taken.fault) {
      const mode = this.#modes.get(taken.fault.id) ?? `fault ${taken.fault.id}`;
      // The entry itself: the server fills in its outcome and status as the request ends.
      this.failed.push(Object.assign(taken.entry, { mode }));
    }
    return taken;
  }

  /** How many requests each mode failed. */
  byMode(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.failed) counts[entry.mode] = (counts[entry.mode] ?? 0) + 1;
    return counts;
  }
}

/** Counts the client's requests, and the ones refused because nothing listened. */
export function countingFetch(base: typeof fetch = fetch) {
  const counts = { requests: 0, refused: 0 };
  const wrapped: typeof fetch = async (input, init) => {
    counts.requests++;
    try {
      return await base(input, init);
    } catch (error) {
      if ((error as { cause?: { code?: string } })?.cause?.code === 'ECONNREFUSED')
        counts.refused++;
      throw error;
    }
  };
  return { fetch: wrapped, counts };
}

/** Writes the log of failed requests where RELIABILITY_LOG_DIR (or the temp folder) says. */
export function writeFaultLog(name: string, lines: readonly unknown[]): string {
  const dir = process.env.RELIABILITY_LOG_DIR ?? join(tmpdir(), 'careertrack-reliability');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n'));
  return path;
}

/** "500 html 61, 503 Retry-After 58, ...": the mix as it happened. */
export function describeMix(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([mode, count]) => `${mode} ${count}`)
    .join(', ');
}
