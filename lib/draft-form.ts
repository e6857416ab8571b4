/**
 * Pure functions between an extracted job and the popup's form: no browser, no Preact, so every rule
 * about what the form starts with is tested on its own.
 */

import {
  APPLICATION_FIELDS,
  type ApplicationDraft,
  type FieldName,
  STATUSES,
  type Status,
} from '@/lib/application';
import type { JobDraft } from '@/lib/extract/types';
import type { FieldErrors } from '@/lib/messages';
import type { Settings } from '@/lib/settings';

/** What the inputs hold: always strings, as `<input>` gives them; the schema parses them. */
export type FormValues = Record<FieldName, string>;

/** The remembered choices the form starts from (a subset of the settings). */
export type FormDefaults = Pick<
  Settings,
  'default_status' | 'fill_applied_date' | 'description_to_notes'
>;

const SALARY_PREFIX = 'Salary as posted: ';

/** Today in the user's time zone: toISOString() would give tomorrow's date late in the evening west of UTC. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyForm(): FormValues {
  return Object.fromEntries(APPLICATION_FIELDS.map((name) => [name, ''])) as FormValues;
}

function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** A description made fit for a plain-text field: no runs of blank lines, no trailing spaces. */
export function plainDescription(description: string): string {
  return description
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Notes the form starts with: the salary as posted (when it was converted), then the description. */
export function composeNotes(
  job: Pick<JobDraft, 'salary_posted' | 'description'> | null,
  addDescription: boolean,
): string {
  const parts: string[] = [];
  if (job?.salary_posted) parts.push(`${SALARY_PREFIX}${job.salary_posted}`);
  if (addDescription && job?.description) parts.push(plainDescription(job.description));
  return parts.join('\n\n');
}

/**
 * The checkbox toggled after the user may have typed in the notes: add or remove only the
 * description's block, keeping whatever else is there.
 */
export function toggleDescription(notes: string, description: string, add: boolean): string {
  const block = plainDescription(description);
  if (!block) return notes;
  const has = notes.includes(block);
  if (add) return has ? notes : [notes.trimEnd(), block].filter(Boolean).join('\n\n');
  if (!has) return notes;
  return notes
    .replace(block, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The status a new save starts with: the remembered default when it is still a known status. */
export function initialStatus(defaults: Pick<FormDefaults, 'default_status'>): Status {
  return isStatus(defaults.default_status) ? defaults.default_status : 'applied';
}

/** The applied date to show: today only for "applied" with the option on, and never over a typed one. */
export function appliedDateFor(
  status: string,
  current: string,
  fillAppliedDate: boolean,
  now: Date = new Date(),
): string {
  if (current || status !== 'applied' || !fillAppliedDate) return current;
  return todayLocal(now);
}

export function initialForm(
  job: JobDraft | null,
  defaults: FormDefaults,
  now: Date = new Date(),
): FormValues {
  const status = initialStatus(defaults);
  const number = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    ...emptyForm(),
    company_name: job?.company_name ?? '',
    position_title: job?.position_title ?? '',
    status,
    location: job?.location ?? '',
    salary_min: number(job?.salary_min),
    salary_max: number(job?.salary_max),
    source: job?.source ?? '',
    source_url: job?.source_url ?? '',
    applied_at: appliedDateFor(status, '', defaults.fill_applied_date, now),
    notes: composeNotes(job, defaults.description_to_notes),
  };
}

/** An outbox row's draft (loose values from the background) back into the inputs. */
export function formFromDraft(
  draft: Record<string, string | number | null | undefined>,
): FormValues {
  const form = emptyForm();
  for (const name of APPLICATION_FIELDS) {
    const value = draft[name];
    if (value !== null && value !== undefined) form[name] = String(value);
  }
  // The select has no empty choice; the API's own default is applied.
  form.status ||= 'applied';
  return form;
}

/** Field errors for the form's fields, in form order; errors about other keys are returned apart. */
export function splitFieldErrors(errors: FieldErrors): {
  fields: Partial<Record<FieldName, string>>;
  other: string[];
} {
  const fields: Partial<Record<FieldName, string>> = {};
  const other: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const first = messages?.[0];
    if (!first) continue;
    if ((APPLICATION_FIELDS as readonly string[]).includes(key)) fields[key as FieldName] = first;
    else other.push(first);
  }
  return { fields, other };
}

/** The first field, in form order, that has an error: where focus goes after a failed submit. */
export function firstInvalid(errors: Partial<Record<FieldName, string>>): FieldName | undefined {
  return APPLICATION_FIELDS.find((name) => errors[name]);
}

const TRUNCATED_LABELS: Record<string, string> = {
  company_name: 'company',
  position_title: 'title',
  location: 'location',
  source: 'source',
  source_url: 'source URL',
  salary: 'salary',
  description: 'description',
};

/** "Shortened to fit CareerTrack: title, company." or null when nothing was cut. */
export function truncationNotice(truncated: readonly string[] | undefined): string | null {
  if (!truncated?.length) return null;
  const names = truncated.map((field) => TRUNCATED_LABELS[field] ?? field);
  return `Shortened to fit CareerTrack: ${names.join(', ')}.`;
}

/**
 * The fields whose value differs from `before`, blanks and surrounding spaces aside (the schema
 * trims them): what an update sends, from the popup's form and from an update edited in the outbox.
 */
export function changedFields<T extends ApplicationDraft>(before: T, edited: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const name of APPLICATION_FIELDS) {
    const now = edited[name];
    if (String(before[name] ?? '').trim() !== String(now ?? '').trim()) changes[name] = now ?? '';
  }
  return changes;
}
