/**
 * The background's settings store: one row in the extension's IndexedDB (see lib/settings.ts for
 * why not `storage.local`). Versions up to 0.x kept them in `storage.local`; the first read moves
 * them here once and deletes them there, so a later write to `storage.local` (by a content script,
 * say) is never read again.
 */

import { DEFAULT_STATUS, STATUSES } from '@/lib/application';
import type { ClipperDb } from '@/lib/background/database';
import { remembered } from '@/lib/background/remembered';
import { DEFAULT_API_URL } from '@/lib/manifest';
import {
  DEFAULT_SETTINGS,
  type DefaultsPatch,
  REMINDER_CHOICES,
  type Settings,
} from '@/lib/settings';
import { z } from '@/lib/zod';

const settingsSchema = z.object({
  api_url: z.string().max(2048).catch(DEFAULT_API_URL),
  email: z.string().max(255).nullable().catch(null),
  default_status: z.enum(STATUSES).catch(DEFAULT_STATUS),
  fill_applied_date: z.boolean().catch(true),
  description_to_notes: z.boolean().catch(false),
  next_step_reminders: z.enum(REMINDER_CHOICES).catch('unasked'),
  save_when_applied: z.boolean().catch(false),
}) satisfies z.ZodType<Settings>;

/** Any stored value, parsed: missing keys (an older version, a hand edit) take their defaults. */
export function parseSettings(stored: unknown): Settings {
  const object = typeof stored === 'object' && stored !== null ? stored : {};
  return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...object });
}

/** Where older versions kept them, through WXT's storage item `local:settings` (and its version). */
export const LEGACY_SETTINGS_KEYS = ['settings', 'settings$'] as const;

/** The part of `storage.local` the move reads and clears. */
export interface LegacySettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

export async function readSettings(db: ClipperDb, legacy: LegacySettingsArea): Promise<Settings> {
  const row = await db.settings.get('settings');
  if (row) return parseSettings(row.value);
  const moved = parseSettings((await legacy.get(LEGACY_SETTINGS_KEYS[0]))[LEGACY_SETTINGS_KEYS[0]]);
  // Written before the old copy goes: a failure in between moves it again, never loses it.
  await db.settings.add({ key: 'settings', value: moved }).catch(async (error: unknown) => {
    // Another read moved it first; its row stands.
    if (!(error instanceof Error && error.name === 'ConstraintError')) throw error;
  });
  await legacy.remove([...LEGACY_SETTINGS_KEYS]);
  return parseSettings((await db.settings.get('settings'))?.value);
}

async function writeSettings(
  db: ClipperDb,
  legacy: LegacySettingsArea,
  patch: Partial<Settings>,
): Promise<Settings> {
  const next = parseSettings({ ...(await readSettings(db, legacy)), ...patch });
  await db.settings.put({ key: 'settings', value: next });
  return next;
}

/**
 * The background's copy of the settings, for the reads every save and every badge redraw make. Only
 * the background writes them, through `update` here, so the copy is exact.
 */
export function rememberSettings(db: ClipperDb, legacy: LegacySettingsArea) {
  const settings = remembered(() => readSettings(db, legacy));
  return {
    get: settings.get,
    /** The address and e-mail: only a sign-in or sign-out changes them. */
    update: (patch: Partial<Settings>) => settings.change(() => writeSettings(db, legacy, patch)),
    /** What a page may change: these keys, whatever else the patch holds. */
    updateDefaults: (patch: DefaultsPatch) =>
      settings.change(() => writeSettings(db, legacy, defaultsOnly(patch))),
  };
}

function defaultsOnly(patch: DefaultsPatch): DefaultsPatch {
  const keys = [
    'default_status',
    'fill_applied_date',
    'description_to_notes',
    'next_step_reminders',
    'save_when_applied',
  ] as const;
  return Object.fromEntries(
    keys.filter((key) => patch[key] !== undefined).map((key) => [key, patch[key]]),
  );
}
