// The tables of CareerTrack's migrations (users, Sanctum's personal_access_tokens,
// job_applications) on SQLite, the database CareerTrack itself uses in development, with the
// queries Eloquent would run. Keeping SQLite's own typing matters: a route id "1.0" finds record 1,
// "5000" stored in an integer column reads back as 5000, LIKE ignores ASCII case, as there.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;
export type SqlValue = string | number | bigint | null;

export interface UserRow {
  id: number;
  name: string;
  email: string;
  password: string;
  created_at: string;
  updated_at: string;
}

export interface TokenRow {
  id: number;
  tokenable_id: number;
  name: string;
  token: string;
}

export interface ApplicationRow {
  id: number;
  user_id: number;
  company_name: string;
  position_title: string;
  status: string;
  source: string | null;
  source_url: string | null;
  salary_min: number | null;
  salary_max: number | null;
  location: string | null;
  notes: string | null;
  applied_at: string | null;
  next_step_at: string | null;
  created_at: string;
  updated_at: string;
}

/** JobApplication::$fillable without user_id: the columns a request may set. */
export const FILLABLE = [
  'company_name',
  'position_title',
  'status',
  'source',
  'source_url',
  'salary_min',
  'salary_max',
  'location',
  'notes',
  'applied_at',
  'next_step_at',
] as const;
export type Fillable = (typeof FILLABLE)[number];

export const STATUSES = ['applied', 'interview', 'technical_test', 'offer', 'rejected'] as const;
export const SORTABLE = [
  'applied_at',
  'created_at',
  'updated_at',
  'company_name',
  'status',
] as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  name VARCHAR NOT NULL,
  email VARCHAR NOT NULL UNIQUE,
  password VARCHAR NOT NULL,
  created_at DATETIME,
  updated_at DATETIME
);
CREATE TABLE IF NOT EXISTS personal_access_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  tokenable_type VARCHAR NOT NULL,
  tokenable_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  token VARCHAR NOT NULL UNIQUE,
  abilities TEXT,
  last_used_at DATETIME,
  expires_at DATETIME,
  created_at DATETIME,
  updated_at DATETIME
);
CREATE TABLE IF NOT EXISTS job_applications (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  company_name VARCHAR NOT NULL,
  position_title VARCHAR NOT NULL,
  status VARCHAR NOT NULL DEFAULT 'applied',
  source VARCHAR,
  source_url VARCHAR,
  salary_min INTEGER,
  salary_max INTEGER,
  location VARCHAR,
  notes TEXT,
  applied_at DATE,
  next_step_at DATETIME,
  created_at DATETIME,
  updated_at DATETIME
);
`;

/** Opens (creating the folder and tables when needed) a database file, or ':memory:'. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

// --- users -------------------------------------------------------------------------------------

export function insertUser(
  db: Db,
  user: { name: string; email: string; password: string },
  now: string,
): UserRow {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO users (name, email, password, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(user.name, user.email, user.password, now, now);
  return findUser(db, Number(lastInsertRowid)) as UserRow;
}

export function findUser(db: Db, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

/** SQLite compares emails exactly (MySQL would ignore case). */
export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE email = ? LIMIT 1').get(email) as
    | UserRow
    | undefined;
}

// --- personal access tokens --------------------------------------------------------------------

export function insertToken(db: Db, userId: number, name: string, hash: string, now: string) {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO personal_access_tokens
         (tokenable_type, tokenable_id, name, token, abilities, created_at, updated_at)
       VALUES ('App\\Models\\User', ?, ?, ?, '["*"]', ?, ?)`,
    )
    .run(userId, name, hash, now, now);
  return Number(lastInsertRowid);
}

export function findToken(db: Db, id: string): TokenRow | undefined {
  return db.prepare('SELECT * FROM personal_access_tokens WHERE id = ?').get(id) as
    | TokenRow
    | undefined;
}

export function findTokenByHash(db: Db, hash: string): TokenRow | undefined {
  return db.prepare('SELECT * FROM personal_access_tokens WHERE token = ?').get(hash) as
    | TokenRow
    | undefined;
}

export function touchToken(db: Db, id: number, now: string): void {
  db.prepare('UPDATE personal_access_tokens SET last_used_at = ?, updated_at = ? WHERE id = ?').run(
    now,
    now,
    id,
  );
}

export function deleteToken(db: Db, id: number): void {
  db.prepare('DELETE FROM personal_access_tokens WHERE id = ?').run(id);
}

// --- job applications --------------------------------------------------------------------------

/** Route-model binding: the id as it came in the path, left to SQLite to compare. */
export function findApplication(db: Db, id: string): ApplicationRow | undefined {
  return db.prepare('SELECT * FROM job_applications WHERE id = ? LIMIT 1').get(id) as
    | ApplicationRow
    | undefined;
}

/**
 * Inserts only the columns given, as Eloquent does: an omitted status takes the column default,
 * an explicit null status violates NOT NULL (a 500, as on the real server).
 */
export function insertApplication(db: Db, columns: Record<string, SqlValue>): number {
  const names = Object.keys(columns);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO job_applications (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    )
    .run(...Object.values(columns));
  return Number(lastInsertRowid);
}

export function updateApplication(db: Db, id: number, columns: Record<string, SqlValue>): void {
  const names = Object.keys(columns);
  if (names.length === 0) return;
  db.prepare(
    `UPDATE job_applications SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`,
  ).run(...Object.values(columns), id);
}

export function deleteApplication(db: Db, id: number): void {
  db.prepare('DELETE FROM job_applications WHERE id = ?').run(id);
}

export interface ListFilters {
  status?: string;
  company?: string;
  from?: string;
  to?: string;
}

/** JobApplication::scopeFilter(): status, company LIKE %x% (unescaped), whereDate on applied_at. */
function filterSql(userId: number, filters: ListFilters): { where: string; params: SqlValue[] } {
  const clauses = ['user_id = ?', 'user_id IS NOT NULL'];
  const params: SqlValue[] = [userId];
  if (filters.status) {
    clauses.push('status = ?');
    params.push(filters.status);
  }
  if (filters.company) {
    clauses.push('company_name LIKE ?');
    params.push(`%${filters.company}%`);
  }
  if (filters.from) {
    clauses.push("strftime('%Y-%m-%d', applied_at) >= cast(? as text)");
    params.push(filters.from);
  }
  if (filters.to) {
    clauses.push("strftime('%Y-%m-%d', applied_at) <= cast(? as text)");
    params.push(filters.to);
  }
  return { where: clauses.join(' AND '), params };
}

export function countApplications(db: Db, userId: number, filters: ListFilters): number {
  const { where, params } = filterSql(userId, filters);
  const row = db
    .prepare(`SELECT count(*) AS n FROM job_applications WHERE ${where}`)
    .get(...params);
  return (row as { n: number }).n;
}

/** Ordered by one column only, as the real controller does: ties come back in table order. */
export function listApplications(
  db: Db,
  userId: number,
  filters: ListFilters,
  sort: { by: (typeof SORTABLE)[number]; direction: 'asc' | 'desc' },
  page: { limit: number; offset: number },
): ApplicationRow[] {
  const { where, params } = filterSql(userId, filters);
  return db
    .prepare(
      `SELECT * FROM job_applications WHERE ${where}
       ORDER BY "${sort.by}" ${sort.direction} LIMIT ? OFFSET ?`,
    )
    .all(...params, page.limit, page.offset) as ApplicationRow[];
}

export function applicationStats(db: Db, userId: number, now: string) {
  const count = (extra: string, ...params: SqlValue[]) =>
    (
      db
        .prepare(`SELECT count(*) AS n FROM job_applications WHERE user_id = ? ${extra}`)
        .get(userId, ...params) as { n: number }
    ).n;
  const byStatus: Record<string, number> = {};
  for (const status of STATUSES) byStatus[status] = count('AND status = ?', status);
  return {
    total: count(''),
    by_status: byStatus,
    upcoming_next_steps: count('AND next_step_at IS NOT NULL AND next_step_at >= ?', now),
  };
}
