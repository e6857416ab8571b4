/**
 * The `notifications` permission behind next steps' reminders (lib/background/reminders.ts): optional,
 * so asked for when the user first sets a next step date in the popup, or turns reminders on in the
 * options; never at install. Browsers show their prompt only while the user's input is being
 * handled, so `requestNotifications` must be called in the handler itself, before any await.
 */
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/settings';
import { send } from '@/lib/ui/background-client';

export const REMINDERS_OFF =
  'Reminders are off: the browser did not allow notifications. The save goes ahead; you can turn reminders on in the options.';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** The prompt, or its answer at once when already granted; false when refused or impossible. */
export function requestNotifications(): Promise<boolean> {
  try {
    return browser.permissions.request(NOTIFICATIONS).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export function hasNotifications(): Promise<boolean> {
  try {
    return browser.permissions.contains(NOTIFICATIONS).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** The answer, kept by the background: it shows reminders only when granted and not turned off. */
function remember(granted: boolean): Promise<unknown> {
  return send({
    type: 'settings:update',
    defaults: { next_step_reminders: granted ? 'on' : 'off' },
  }).catch(() => {});
}

/**
 * For the popup's next step date: asks once, the first time a date is set while the user was never
 * asked, and says once when the answer is no. The save never waits for any of it.
 */
export function useNotificationsOnFirstDate(choice: Settings['next_step_reminders']) {
  const asked = useRef(choice !== 'unasked');
  const [notice, setNotice] = useState<string | null>(null);
  const onDate = (value: string) => {
    if (!value || asked.current) return;
    asked.current = true;
    void requestNotifications().then((granted) => {
      if (!granted) setNotice(REMINDERS_OFF);
      return remember(granted);
    });
  };
  return { onDate, notice };
}
