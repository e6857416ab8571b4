/**
 * The extension's own IndexedDB: the outbox, the token, the settings, the applications' copy and
 * the next steps' reminders already shown.
 * It is opened only by the background, so it belongs to the extension's origin; a database opened
 * by a content script would belong to the page. Every schema version lives here, in order.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { ApplicationView } from '@/lib/messages';
import type { OutboxRow } from '@/lib/outbox-row';
import type { Settings } from '@/lib/settings';

export const DB_NAME = 'careertrack-clipper';

/** The one secret: the CareerTrack token, bound to the API address it was issued by. */
export interface SessionRow {
  key: 'session';
  token: string;
  api_url: string;
  email: string | null;
  /** Why CareerTrack refused the token (401); the queue waits until a new sign-in replaces it. */
  rejected: string | null;
  saved_at: number;
}

/** The settings, out of content scripts' reach: see lib/settings.ts. */
export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/**
 * The user's latest applications as CareerTrack last listed them, for the popup when CareerTrack
 * cannot be reached. Bound to the address and account it came from: forgotten at every sign-in and
 * sign-out.
 */
export interface ApplicationsCopyRow {
  key: 'applications';
  api_url: string;
  saved_at: number;
  /** As the list shows them: no notes, which may be long and are not shown. */
  applications: ApplicationView[];
}

/**
 * A next step's notification, written before it is shown: one per application and day, also when
 * the background restarts or two checks race. The key is the day, then the application
 * (`2026-12-06 server:42`), so that old days go by one range; the address is what a click opens.
 */
export interface ReminderRow {
  key: string;
  source_url: string | null;
  shown_at: number;
}

export type ClipperDb = Dexie & {
  outbox: EntityTable<OutboxRow, 'id'>;
  secrets: EntityTable<SessionRow, 'key'>;
  copies: EntityTable<ApplicationsCopyRow, 'key'>;
  settings: EntityTable<SettingsRow, 'key'>;
  reminders: EntityTable<ReminderRow, 'key'>;
};

/** `options`: Dexie's, e.g. the IndexedDB to use (a test's broken one). */
export function openDb(name: string = DB_NAME, options?: DexieOptions): ClipperDb {
  const db = new Dexie(name, options) as ClipperDb;
  db.version(1).stores({
    // [state+next_attempt_at]: the engine's due rows; [state+lease_until]: expired leases;
    // [state+updated_at]: the popup's groups and the badge's counts; job_key: "already saved".
    outbox: '++id, job_key, [state+next_attempt_at], [state+lease_until], [state+updated_at]',
    secrets: 'key',
  });
  db.version(2).stores({ copies: 'key' });
  db.version(3).stores({ settings: 'key' });
  // Updates: record_row finds the rows of one record's line (its create's id) in order. Rows
  // written before are all creates, and say so from now on.
  db.version(4)
    .stores({
      outbox:
        '++id, job_key, record_row, [state+next_attempt_at], [state+lease_until], [state+updated_at]',
    })
    .upgrade((tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((row: OutboxRow) => {
          row.kind ??= 'create';
        }),
    );
  // draft.next_step_at: the day's next steps without reading every saved draft (notes included).
  db.version(5).stores({
    outbox:
      '++id, job_key, record_row, [state+next_attempt_at], [state+lease_until], [state+updated_at], draft.next_step_at',
    reminders: 'key',
  });
  // has_updates: the creates that rows of version 4 and 5 gave updates, for moveLine.
  db.version(6)
    .stores({})
    .upgrade(async (tx) => {
      const outbox = tx.table('outbox');
      const updated = new Set<number>();
      await outbox
        .where('record_row')
        .above(0)
        .each((row: OutboxRow) => {
          if (row.record_row !== undefined) updated.add(row.record_row);
        });
      await outbox
        .where('id')
        .anyOf([...updated])
        .modify((row: OutboxRow) => {
          row.has_updates = true;
        });
    });
  // Both serve liveQuery(), which nothing here uses: they kept copies of what each transaction
  // touched and broadcast every commit to the extension's other contexts, work each save paid for.
  for (const name of ['Cache', 'Observability']) db.unuse({ stack: 'dbcore', name });
  return db;
}
