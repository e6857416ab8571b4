// The form requests of CareerTrack (app/Http/Requests), rule for rule and in the same order, since
// the order decides which message comes first in a 422's summary.
import { type ApplicationRow, type Db, findUserByEmail, SORTABLE, STATUSES } from './db';
import type { Input } from './input';
import { isPhpNumeric, type Rule, type Rules } from './validation';

/** $request->filled($key): sent and not null or blank (booleans and lists count as filled). */
function filled(input: Input, key: string): boolean {
  const value = input[key];
  if (typeof value === 'boolean' || (value !== null && typeof value === 'object')) return true;
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/** RegisterRequest (not in the published code; the documented rules in Laravel's usual form). */
export function registerRules(db: Db): Rules {
  return {
    name: ['required', 'string', { max: 255 }],
    email: [
      'required',
      'string',
      'email',
      { max: 255 },
      { unique: (v) => typeof v === 'string' && findUserByEmail(db, v) !== undefined },
    ],
    password: ['required', 'string', { min: 8 }, 'confirmed'],
  };
}

export const loginRules: Rules = {
  email: ['required', 'string', 'email'],
  password: ['required', 'string'],
};

export const indexRules: Rules = {
  status: ['sometimes', 'string', { in: STATUSES }],
  company: ['sometimes', 'string', { max: 255 }],
  from: ['sometimes', 'date'],
  to: ['sometimes', 'date', { afterOrEqual: 'from' }],
  sort_by: ['sometimes', 'string', { in: SORTABLE }],
  sort_direction: ['sometimes', 'string', { in: ['asc', 'desc'] }],
  per_page: ['sometimes', 'integer', { min: 1 }, { max: 100 }],
};

/** StoreJobApplicationRequest */
export function storeRules(input: Input): Rules {
  return {
    company_name: ['required', 'string', { max: 255 }],
    position_title: ['required', 'string', { max: 255 }],
    status: ['nullable', 'string', { in: STATUSES }],
    source: ['nullable', 'string', { max: 255 }],
    source_url: ['nullable', 'url', { max: 255 }],
    salary_min: ['nullable', 'integer', { min: 0 }],
    salary_max: [
      'nullable',
      'integer',
      { min: 0 },
      ...(filled(input, 'salary_min') ? [{ gte: 'salary_min' }] : []),
    ],
    location: ['nullable', 'string', { max: 255 }],
    notes: ['nullable', 'string'],
    applied_at: ['nullable', 'date'],
    next_step_at: ['nullable', 'date', { afterOrEqual: 'applied_at' }],
  };
}

/**
 * UpdateJobApplicationRequest: every field `sometimes`; a salary_max or next_step_at sent alone is
 * checked against the record's current salary_min or applied_at. The salary check is a closure
 * whose message names the raw attribute ("The salary_max field ..."), as the real one does.
 */
export function updateRules(input: Input, record: ApplicationRow): Rules {
  const has = (key: string) => Object.hasOwn(input, key);
  const existingMin = record.salary_min;
  const existingAppliedAt = record.applied_at?.slice(0, 10) ?? null;
  const salaryMax: Rule[] = ['sometimes', 'nullable', 'integer', { min: 0 }];
  if (filled(input, 'salary_min')) salaryMax.push({ gte: 'salary_min' });
  if (!has('salary_min') && existingMin !== null) {
    salaryMax.push({
      check: (value) =>
        isBelow(value, existingMin)
          ? `The salary_max field must be greater than or equal to ${existingMin}.`
          : null,
    });
  }
  const nextStep: Rule[] = ['sometimes', 'nullable', 'date'];
  if (has('applied_at')) nextStep.push({ afterOrEqual: 'applied_at' });
  else if (existingAppliedAt) nextStep.push({ afterOrEqual: existingAppliedAt });
  return {
    company_name: ['sometimes', 'string', { max: 255 }],
    position_title: ['sometimes', 'string', { max: 255 }],
    status: ['sometimes', 'string', { in: STATUSES }],
    source: ['sometimes', 'nullable', 'string', { max: 255 }],
    source_url: ['sometimes', 'nullable', 'url', { max: 255 }],
    salary_min: ['sometimes', 'nullable', 'integer', { min: 0 }],
    salary_max: salaryMax,
    location: ['sometimes', 'nullable', 'string', { max: 255 }],
    notes: ['sometimes', 'nullable', 'string'],
    applied_at: ['sometimes', 'nullable', 'date'],
    next_step_at: nextStep,
  };
}

/** PHP 8's `$value < $int`: numbers compare as numbers, other strings as strings. */
function isBelow(value: unknown, limit: number): boolean {
  if (isPhpNumeric(value)) return Number(value) < limit;
  if (typeof value === 'string') return value < String(limit);
  return false;
}
