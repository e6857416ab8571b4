/**
 * The settings: where saves and the sign-in go (the API address), and the defaults of new saves.
 * They decide where data goes, so they live beside the token in the extension's IndexedDB, which
 * only the background opens (lib/background/settings-store.ts); not in `storage.local`, which
 * content scripts can write in Chrome and Firefox (a compromised page renderer could point the
 * next sign-in elsewhere). The pages read them and change the defaults through the background's
 * messages; the address and the e-mail change only with a sign-in. Free of zod: the popup's first
 * paint needs the defaults, not the validator (the background parses, lib/background/settings-store.ts).
 */
import { DEFAULT_STATUS, type Status } from '@/lib/application';
import { DEFAULT_API_URL } from '@/lib/manifest';

/**
 * A notification on the day of a next step. `unasked`: the popup asks for the permission when a
 * next step date is first set (on once granted); `off`: refused there, or turned off in the options.
 */
export const REMINDER_CHOICES = ['unasked', 'on', 'off'] as const;
export type ReminderChoice = (typeof REMINDER_CHOICES)[number];

export interface Settings {
  api_url: string;
  /** Shown as "Signed in as"; the session itself is in IndexedDB. */
  email: string | null;
  default_status: Status;
  fill_applied_date: boolean;
  description_to_notes: boolean;
  next_step_reminders: ReminderChoice;
  /** When LinkedIn says an application was sent: save the job as applied, not only offer it. */
  save_when_applied: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  api_url: DEFAULT_API_URL,
  email: null,
  default_status: DEFAULT_STATUS,
  fill_applied_date: true,
  description_to_notes: false,
  next_step_reminders: 'unasked',
  save_when_applied: false,
};

/** What the pages may change directly: the defaults of new saves and reminders, never where data goes. */
export type DefaultsPatch = Partial<
  Pick<
    Settings,
    | 'default_status'
    | 'fill_applied_date'
    | 'description_to_notes'
    | 'next_step_reminders'
    | 'save_when_applied'
  >
>;
