/**
 * Non-secret settings in `storage.local`. Content scripts can read and write that area in Chrome and
 * Firefox, so nothing here is secret (the token lives in IndexedDB, see secrets.ts) and every read is
 * parsed: a bad value falls back to its default instead of reaching the background's logic.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_API_URL } from '@/lib/manifest';
import { remembered } from '@/lib/remembered';
import { DEFAULT_STATUS, STATUSES } from '@/lib/schema';
import { z } from '@/lib/zod';

export const settingsSchema = z.object({
  api_url: z.string().max(2048).catch(DEFAULT_API_URL),
  /** Shown as "Signed in as"; the session itself is in IndexedDB. */
  email: z.string().max(255).nullable().catch(null),
  default_status: z.enum(STATUSES).catch(DEFAULT_STATUS),
  fill_applied_date: z.boolean().catch(true),
  description_to_notes: z.boolean().catch(false),
});
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  api_url: DEFAULT_API_URL,
  email: null,
  default_status: DEFAULT_STATUS,
  fill_applied_date: true,
  description_to_notes: false,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  // Missing keys (an older version, or a hand edit) take their defaults.
  return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...(isObject(stored) ? stored : {}) });
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/**
 * The background's copy of the settings, for the reads every save and every badge redraw make.
 * Any change to `storage.local`, from any context (a content script's included), forgets it, and
 * so does the background's own write, at once rather than when the change event arrives.
 */
export function rememberSettings(localChanges: {
  addListener(callback: (changes: Record<string, unknown>) => void): void;
}) {
  const settings = remembered(getSettings);
  localChanges.addListener(settings.forget);
  return {
    get: settings.get,
    update: (patch: Partial<Settings>) => settings.change(() => updateSettings(patch)),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
