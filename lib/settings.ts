/**
 * The settings: where saves and the sign-in go (the API address), and the defaults of new saves.
 * They decide where data goes, so they live beside the token in the extension's IndexedDB, which
 * only the background opens (lib/background/settings-store.ts); not in `storage.local`, which
 * content scripts can write in Chrome and Firefox (a compromised page renderer could point the
 * next sign-in elsewhere). The pages read them and change the defaults through the background's
 * messages; the address and the e-mail change only with a sign-in.
 */
import { DEFAULT_API_URL } from '@/lib/manifest';
import { DEFAULT_STATUS, STATUSES } from '@/lib/schema';
import { z } from '@/lib/zod';

export const settingsSchema = z.object({
  api_url: z.string().max(2048).catch(DEFAULT_API_URL),
  /** Shown as "Signed in as"; the session itself is in IndexedDB. */
  email: z.string().max(255).nullable().catch(null),
  default_status: z.enum(STATUSES).catch(DEFAULT_STATUS),
  fill_applied_date: z.boolean().catch(true),
  description_to_notes: z.boolean().catch(false),
  /** When LinkedIn says an application was sent: save the job as applied, not only offer it. */
  save_when_applied: z.boolean().catch(false),
});
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  api_url: DEFAULT_API_URL,
  email: null,
  default_status: DEFAULT_STATUS,
  fill_applied_date: true,
  description_to_notes: false,
  save_when_applied: false,
};

/** What the pages may change directly: the defaults of new saves, never where data goes. */
export const defaultsPatchSchema = z.strictObject({
  default_status: z.enum(STATUSES).optional(),
  fill_applied_date: z.boolean().optional(),
  description_to_notes: z.boolean().optional(),
  save_when_applied: z.boolean().optional(),
});
export type DefaultsPatch = z.infer<typeof defaultsPatchSchema>;

/** Any stored value, parsed: missing keys (an older version, a hand edit) take their defaults. */
export function parseSettings(stored: unknown): Settings {
  const object = typeof stored === 'object' && stored !== null ? stored : {};
  return settingsSchema.parse({ ...DEFAULT_SETTINGS, ...object });
}
