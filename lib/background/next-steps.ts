/**
 * The next steps the extension knows of, wherever it learnt them: the saves in the outbox (their
 * draft), the last copy of the Applications tab's list, and the changes made later to a saved
 * application. One application may be known from several of them (a synced save is also in the
 * copy): it counts once, as its latest source says.
 */
import type { ClipperDb } from '@/lib/background/database';
import { savedRecordOf } from '@/lib/background/updates';
import { isUpdate } from '@/lib/outbox-row';

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

/** The application's names, by which sources are matched: its CareerTrack id and its job key. */
export function aliasesOf(step: Pick<NextStep, 'serverId' | 'jobKey'>): string[] {
  const aliases: string[] = [];
  if (step.serverId !== null) aliases.push(`server:${step.serverId}`);
  if (step.jobKey !== null) aliases.push(`job:${step.jobKey}`);
  return aliases;
}

/**
 * The applications saved here whose next step is, or was, on `day`, each as the user last left it
 * (its create with every later change over it: lib/background/updates.ts). Those with a change are
 * all read, so that a step moved away from `day` here overrules an older copy still showing it.
 */
async function fromOutbox(db: ClipperDb, day: string): Promise<NextStep[]> {
  const [onDay, changes] = await Promise.all([
    db.outbox.where('draft.next_step_at').equals(day).toArray(),
    db.outbox.where('record_row').above(0).toArray(),
  ]);
  // Each application by its create's row, known as of its latest row here.
  const asOf = new Map<number, number>();
  for (const row of [...onDay, ...changes]) {
    const create = isUpdate(row) ? row.record_row : row.id;
    if (create === undefined) continue;
    asOf.set(create, Math.max(asOf.get(create) ?? 0, row.updated_at));
  }
  const records = await Promise.all([...asOf.keys()].map((rowId) => savedRecordOf(db, rowId)));
  return records.flatMap((record) =>
    // A create CareerTrack refused is no application until fixed; a deleted one is gone.
    !record || record.state === 'deleted' || record.problem?.rowId === record.rowId
      ? []
      : [
          {
            serverId: record.serverId,
            jobKey: record.jobKey,
            company_name: record.fields.company_name,
            position_title: record.fields.position_title,
            source_url: record.fields.source_url ?? null,
            next_step_at: record.next_step_at,
            asOf: asOf.get(record.rowId) ?? 0,
          },
        ],
  );
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
  const sources = await Promise.all([fromOutbox(db, day), fromCopy(db)]);
  return latestPerApplication(sources.flat()).filter((step) => step.next_step_at === day);
}
