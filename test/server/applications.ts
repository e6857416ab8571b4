// JobApplicationController and ApplicationStatsController, with JobApplicationResource.
//
// A create answers with the model as Eloquent holds it after save(), which is not re-read from
// the database: a status left out comes back null (the database default "applied" appears from
// the next read on), and salaries sent as strings ("5000") come back as strings. A client that
// insists on the stored shape in a 201 fails against the real server too.
import { currentUser, type Handler, type RequestContext } from './context';
import { isoDate, isoDateTime, parsePhpDate, sqlDateTime, storedDateTime } from './dates';
import {
  type ApplicationRow,
  applicationStats,
  countApplications,
  deleteApplication,
  FILLABLE,
  findApplication,
  insertApplication,
  type ListFilters,
  listApplications,
  SORTABLE,
  type SqlValue,
  updateApplication,
} from './db';
import type { Input } from './input';
import { currentPage, paginated } from './pagination';
import { indexRules, storeRules, updateRules } from './requests';
import { HttpError, json, noContent } from './responses';
import { isPhpNumeric, validate } from './validation';

type Attributes = Partial<Record<keyof ApplicationRow, unknown>>;

/** JobApplicationResource (newer code: no user_id). */
function resource(a: Attributes) {
  const value = (key: keyof ApplicationRow) => a[key] ?? null;
  return {
    id: value('id'),
    company_name: value('company_name'),
    position_title: value('position_title'),
    status: value('status'),
    source: value('source'),
    source_url: value('source_url'),
    salary_min: value('salary_min'),
    salary_max: value('salary_max'),
    location: value('location'),
    notes: value('notes'),
    applied_at: isoDate(value('applied_at') as string | null),
    next_step_at: isoDateTime(value('next_step_at') as string | null),
    created_at: isoDateTime(value('created_at') as string | null),
    updated_at: isoDateTime(value('updated_at') as string | null),
  };
}

/**
 * Model::asDateTime(): a numeric value is a Unix timestamp (so "20240501", which the `date` rule
 * accepts as 1 May 2024, is stored as 23 August 1970), anything else is parsed.
 */
function eloquentDate(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (isPhpNumeric(value)) return sqlDateTime(new Date(Number(value) * 1000));
  const date = parsePhpDate(value);
  return date ? storedDateTime(date) : value;
}

/** The attributes fill() gives the model: values as sent, dates in storage format. */
function modelAttributes(validated: Input): Attributes {
  const attributes: Attributes = {};
  for (const key of FILLABLE) {
    if (!Object.hasOwn(validated, key)) continue;
    const value = validated[key];
    attributes[key] = key === 'applied_at' || key === 'next_step_at' ? eloquentDate(value) : value;
  }
  return attributes;
}

function column(value: unknown): SqlValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value === null) return value;
  return JSON.stringify(value);
}

/** Route-model binding, then the policy: 404 before 403. */
function boundApplication(ctx: RequestContext): ApplicationRow {
  const id = ctx.params.id ?? '';
  const record = findApplication(ctx.db, id);
  if (!record) {
    throw new HttpError(404, `No query results for model [App\\Models\\JobApplication] ${id}`);
  }
  if (record.user_id !== currentUser(ctx).user.id) {
    throw new HttpError(403, 'This action is unauthorized.');
  }
  return record;
}

/** PHP truthiness, as scopeFilter's when() reads each filter: "" and "0" are off. */
function truthy(value: unknown): boolean {
  return (
    value !== null &&
    value !== undefined &&
    value !== false &&
    value !== '' &&
    value !== '0' &&
    value !== 0
  );
}

export const index: Handler = (ctx) => {
  const userId = currentUser(ctx).user.id;
  const data = validate(ctx.input, indexRules);
  const filters: ListFilters = {};
  for (const key of ['status', 'company', 'from', 'to'] as const) {
    if (truthy(data[key])) filters[key] = String(data[key]);
  }
  const sort = {
    by: (data.sort_by ?? 'created_at') as (typeof SORTABLE)[number],
    direction: (data.sort_direction ?? 'desc') as 'asc' | 'desc',
  };
  const perPage = Math.trunc(Number(data.per_page ?? 15));
  const page = currentPage(ctx.input.page);
  const total = countApplications(ctx.db, userId, filters);
  const rows =
    total > 0
      ? listApplications(ctx.db, userId, filters, sort, {
          limit: perPage,
          offset: (page - 1) * perPage,
        })
      : [];
  return json(
    200,
    paginated({
      items: rows.map(resource),
      total,
      perPage,
      page,
      path: ctx.url,
      query: ctx.query,
    }),
  );
};

export const store: Handler = (ctx) => {
  const userId = currentUser(ctx).user.id;
  const attributes = modelAttributes(validate(ctx.input, storeRules(ctx.input)));
  const now = ctx.now();
  const columns: Record<string, SqlValue> = { user_id: userId };
  for (const [key, value] of Object.entries(attributes)) columns[key] = column(value);
  const id = insertApplication(ctx.db, { ...columns, updated_at: now, created_at: now });
  return json(201, { data: resource({ ...attributes, updated_at: now, created_at: now, id }) });
};

export const show: Handler = (ctx) => json(200, { data: resource(boundApplication(ctx)) });

export const update: Handler = (ctx) => {
  const record = boundApplication(ctx);
  const attributes = modelAttributes(validate(ctx.input, updateRules(ctx.input, record)));
  // Only changed columns are written, and updated_at moves only when something changed.
  const dirty: Record<string, SqlValue> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const next = column(value);
    const current = record[key as keyof ApplicationRow];
    if (next === null ? current !== null : current === null || String(next) !== String(current)) {
      dirty[key] = next;
    }
  }
  let updatedAt = record.updated_at;
  if (Object.keys(dirty).length > 0) {
    updatedAt = ctx.now();
    updateApplication(ctx.db, record.id, { ...dirty, updated_at: updatedAt });
  }
  return json(200, { data: resource({ ...record, ...attributes, updated_at: updatedAt }) });
};

export const destroy: Handler = (ctx) => {
  deleteApplication(ctx.db, boundApplication(ctx).id);
  return noContent();
};

export const stats: Handler = (ctx) =>
  json(200, { data: applicationStats(ctx.db, currentUser(ctx).user.id, ctx.now()) });
