/**
 * A notification on the day of each next step: the company, the title and "Next step today";
 * clicking it opens the job's page. Shown once per application and day, because what was shown is
 * written to IndexedDB first (an MV3 worker dies and starts many times a day). The `notifications`
 * permission is optional, asked for in the popup (lib/ui/notifications-permission.ts): without it,
 * or with the option off, nothing is shown. A daily alarm at the start of the user's day, and every
 * start of the background, look for the day's steps.
 */
import type { ClipperDb } from '@/lib/background/database';
import { aliasesOf, knownNextSteps, type NextStep } from '@/lib/background/next-steps';
import { todayLocal } from '@/lib/draft-form';
import type { Settings } from '@/lib/settings';

export const NEXT_STEPS_ALARM = 'next-steps';
export const NOTIFICATIONS_PERMISSION = 'notifications' as const;
export const NEXT_STEP_TODAY = 'Next step today';
/** Reminders shown this many days ago are forgotten; a click on one that old opens nothing. */
const KEEP_DAYS = 7;
const ICON = '/icon/128.png';

interface Listenable<F> {
  addListener(callback: F): void;
}

export interface Notifications {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string },
  ): Promise<string>;
  clear(id: string): Promise<boolean>;
  onClicked: Listenable<(id: string) => unknown>;
}

/** The parts of the WebExtension API reminders use; `notifications` exists only once granted. */
export interface ReminderBrowser {
  runtime: { getURL(path: string): string };
  notifications?: Notifications;
  permissions?: {
    contains(permissions: { permissions: (typeof NOTIFICATIONS_PERMISSION)[] }): Promise<boolean>;
    onAdded?: Listenable<(permissions: { permissions?: string[] }) => unknown>;
  };
  tabs: { create(properties: { url: string }): unknown };
  alarms: {
    create(name: string, info: { when: number }): unknown;
    get(name: string): Promise<unknown>;
  };
}

export interface ReminderDeps {
  browser: ReminderBrowser;
  db: ClipperDb;
  settings(): Promise<Settings>;
  now(): number;
}

/** The first moment of the user's next calendar day, in their time zone (DST included). */
export function nextDayStart(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

/**
 * One-shot, made again each time it fires (`scheduleNextDay`): a period of 24 hours would drift by
 * an hour at each DST change. At each start only if missing: Chrome keeps alarms across restarts.
 */
export async function ensureDailyAlarm(browser: ReminderBrowser, now: number): Promise<void> {
  if (!(await browser.alarms.get(NEXT_STEPS_ALARM))) await scheduleNextDay(browser, now);
}

export async function scheduleNextDay(browser: ReminderBrowser, now: number): Promise<void> {
  await browser.alarms.create(NEXT_STEPS_ALARM, { when: nextDayStart(now) });
}

/** Whether a notification may be shown: granted, the API there (Firefox, Chrome) and not turned off. */
export async function remindersAllowed(deps: ReminderDeps): Promise<Notifications | undefined> {
  const { notifications, permissions } = deps.browser;
  if (!notifications || !permissions) return undefined;
  const granted = await permissions
    .contains({ permissions: [NOTIFICATIONS_PERMISSION] })
    .catch(() => false);
  if (!granted || (await deps.settings()).next_step_reminders === 'off') return undefined;
  return notifications;
}

const reminderKey = (day: string, alias: string) => `${day} ${alias}`;

/**
 * Claims the day's reminder of `step` under every name it has, in one transaction; none when any
 * was claimed before (a save that was pending this morning and synced since keeps its reminder).
 */
async function claim(db: ClipperDb, day: string, step: NextStep, now: number): Promise<string[]> {
  const keys = aliasesOf(step).map((alias) => reminderKey(day, alias));
  return db.transaction('rw', db.reminders, async () => {
    const earlier = await db.reminders.bulkGet(keys);
    if (earlier.some(Boolean)) return [];
    await db.reminders.bulkAdd(
      keys.map((key) => ({ key, source_url: step.source_url, shown_at: now })),
    );
    return keys;
  });
}

/** Shows the notifications of the day's next steps not shown yet; how many were shown. */
export async function remindToday(deps: ReminderDeps): Promise<number> {
  const notifications = await remindersAllowed(deps);
  if (!notifications) return 0;
  const now = deps.now();
  const day = todayLocal(new Date(now));
  await forgetOldReminders(deps.db, now);
  let shown = 0;
  for (const step of await knownNextSteps(deps.db, day)) {
    const [id, ...others] = await claim(deps.db, day, step, now);
    if (!id) continue;
    try {
      await notifications.create(id, {
        type: 'basic',
        iconUrl: deps.browser.runtime.getURL(ICON),
        title: `${step.company_name}: ${NEXT_STEP_TODAY}`,
        message: step.position_title,
      });
      shown++;
    } catch (error) {
      // Not shown, so not remembered as shown: the next check tries again.
      await deps.db.reminders.bulkDelete([id, ...others]);
      console.error(error);
    }
  }
  return shown;
}

async function forgetOldReminders(db: ClipperDb, now: number): Promise<void> {
  const oldest = new Date(now);
  oldest.setDate(oldest.getDate() - KEEP_DAYS);
  // Keys begin with their day, and YYYY-MM-DD sorts as dates do.
  await db.reminders.where('key').below(todayLocal(oldest)).delete();
}

/** Only a web page: the address came from a page or from CareerTrack, and is opened as a tab. */
export function webAddress(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A click on a reminder: its job's page in a new tab, and the notification goes. */
export async function openReminder(deps: ReminderDeps, id: string): Promise<void> {
  const reminder = await deps.db.reminders.get(id);
  if (!reminder) return;
  const url = webAddress(reminder.source_url);
  if (url) await deps.browser.tabs.create({ url });
  await deps.browser.notifications?.clear(id).catch(() => false);
}

/**
 * Registers the click listener synchronously (a click wakes a stopped worker and must find it),
 * or once the permission arrives, when the API appears; a grant also looks for today's steps.
 */
export function registerReminders(deps: ReminderDeps): { check(): Promise<number> } {
  const check = () =>
    remindToday(deps).catch((error: unknown) => {
      console.error(error);
      return 0;
    });
  let listening = false;
  const listen = () => {
    if (listening || !deps.browser.notifications) return;
    listening = true;
    deps.browser.notifications.onClicked.addListener((id) => openReminder(deps, id));
  };
  listen();
  deps.browser.permissions?.onAdded?.addListener((added) => {
    if (!added.permissions?.includes(NOTIFICATIONS_PERMISSION)) return undefined;
    listen();
    return check();
  });
  return { check };
}
