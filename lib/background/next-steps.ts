/**
 * The next steps the extension knows of, wherever it learnt them: the saves in the outbox (their
 * draft), the last copy of the Applications tab's list, and the changes made later to a saved
 * application. One application may be known from several of them (a synced save is also in the
 * copy): it counts once, as its latest source says.
 */
import type { ClipperDb } from '@/lib/background/database';
import type { OutboxState } from '@/lib/outbox-row';

/** One application with a next step, as one source knows it. */
export interface NextStep {
  /** CareerTrack's id, once it answered the create. */
  serverId: number | null;
  /** The outbox's key of the job ("already saved"), when it was saved here. */
  jobKey: string | null;
  company_name: string;
  position_title: string;
  source_url: string | null;
  /** YYYY-MM-DD, or null when a later change cleared it. */
  next_step_at: string | null;
  /** When this source learnt it: the latest source wins. */
  asOf: number;
}

/**
 * A save the user made or still means to make; a refused one (`attention`) is not an application
 * until it is fixed, and its fix is a row of these states again.
 */
const KNOWN_STATES: ReadonlySet<OutboxState> = new Set(['pending', 'sending', 'synced']);

/** The application's names, by which sources are matched: its CareerTrack id and its job key. */
export function aliasesOf(step: Pick<NextStep, 'serverId' | 'jobKey'>): string[] {
  const aliases: string[] = [];
  if (step.serverId !== null) aliases.push(`server:${step.serverId}`);
  if (step.jobKey !== null) aliases.push(`job:${step.jobKey}`);
  return aliases;
}

/**
 * The outbox rows whose own draft sets the next step on `day`. A row whose step was moved
 * elsewhere later is overruled by the later source, which must therefore see every application
 * it knows, not only the day's.
 */
async function fromOutbox(db: ClipperDb, day: string): Promise<NextStep[]> {
  const rows = await db.outbox.where('draft.next_step_at').equals(day).toArray();
  return rows
    .filter((row) => KNOWN_STATES.has(row.state))
    .map((row) => ({
      serverId: row.server_id,
      jobKey: row.job_key,
      company_name: row.draft.company_name,
      position_title: row.draft.position_title,
      source_url: row.draft.source_url ?? null,
      next_step_at: row.draft.next_step_at ?? null,
      asOf: row.updated_at,
    }));
}

/** Every application of the last list CareerTrack gave, as it stood then. */
async function fromCopy(db: ClipperDb): Promise<NextStep[]> {
  const copy = await db.copies.get('applications');
  return (copy?.applications ?? []).map((application) => ({
    serverId: application.id,
    jobKey: null,
    company_name: application.company_name,
    position_title: application.position_title,
    source_url: application.source_url,
    next_step_at: application.next_step_at,
    asOf: copy?.saved_at ?? 0,
  }));
}

/**
 * THE PLACE WHERE LATER CHANGES PLUG IN: the `updates` branch queues a saved application's later
 * changes (status, next step) as rows of their own. Each application's latest change belongs here,
 * as a NextStep with the record's server id and job key, `asOf` the time of that change, and its
 * `next_step_at` (null when the change cleared it). Until those rows exist, there are none.
 */
async function fromLaterChanges(_db: ClipperDb): Promise<NextStep[]> {
  return [];
}

/**
 * One entry per application, each as its latest source says. Sources are matched by any name in
 * common, so a synced save (id and job key) joins its copy (id) and its pending self (job key).
 */
export function latestPerApplication(steps: NextStep[]): NextStep[] {
  const byAlias = new Map<string, { step: NextStep; aliases: Set<string> }>();
  for (const step of [...steps].sort((a, b) => a.asOf - b.asOf)) {
    const aliases = new Set(aliasesOf(step));
    const known = new Set([...aliases].flatMap((alias) => byAlias.get(alias) ?? []));
    let latest = step;
    for (const group of known) {
      for (const alias of group.aliases) aliases.add(alias);
      // Sorted oldest first, so the one at hand is at least as new; ties go to the later source.
      if (group.step.asOf > latest.asOf) latest = group.step;
    }
    const merged = {
      step: {
        ...latest,
        serverId: latest.serverId ?? firstOf(known, 'serverId') ?? null,
        jobKey: latest.jobKey ?? firstOf(known, 'jobKey') ?? null,
      },
      aliases,
    };
    for (const alias of aliases) byAlias.set(alias, merged);
  }
  return [...new Set(byAlias.values())].map((group) => group.step);
}

function firstOf<K extends 'serverId' | 'jobKey'>(
  groups: Set<{ step: NextStep }>,
  key: K,
): NextStep[K] | undefined {
  for (const group of groups) if (group.step[key] !== null) return group.step[key];
  return undefined;
}

/** The applications whose next step is on `day` (YYYY-MM-DD, the user's own calendar day). */
export async function knownNextSteps(db: ClipperDb, day: string): Promise<NextStep[]> {
  const sources = await Promise.all([fromOutbox(db, day), fromCopy(db), fromLaterChanges(db)]);
  return latestPerApplication(sources.flat()).filter((step) => step.next_step_at === day);
}
