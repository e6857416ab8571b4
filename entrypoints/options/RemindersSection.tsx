import { useEffect, useState } from 'preact/hooks';
import { StatusMessage } from '@/components/StatusMessage';
import type { Settings } from '@/lib/settings';
import { send } from '@/lib/ui/background-client';
import { hasNotifications, requestNotifications } from '@/lib/ui/notifications-permission';

export const NOT_ALLOWED =
  'The browser did not allow notifications, so reminders stay off. Try again and choose Allow.';

/**
 * Next steps' notifications: on only while the browser grants the permission and the user has not
 * turned them off. Turning them on asks for the permission in the click itself.
 */
export function RemindersSection({ initial }: { initial: Settings['next_step_reminders'] }) {
  const [choice, setChoice] = useState(initial);
  const [granted, setGranted] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    void hasNotifications().then(setGranted);
  }, []);

  const change = (next: 'on' | 'off') => {
    setChoice(next);
    void send({ type: 'settings:update', defaults: { next_step_reminders: next } }).catch(() => {});
  };

  const onChange = (event: Event) => {
    if (!(event.currentTarget as HTMLInputElement).checked) {
      change('off');
      return;
    }
    // Before any await: the prompt needs the click still being handled.
    void requestNotifications().then((allowed) => {
      setGranted(allowed);
      setRefused(!allowed);
      if (allowed) change('on');
    });
  };

  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">Next steps</h2>
      <label class="check">
        <input
          type="checkbox"
          name="next_step_reminders"
          checked={granted === true && choice !== 'off'}
          disabled={granted === null}
          onChange={onChange}
        />
        Show a notification on the day of a next step
      </label>
      {refused && <StatusMessage tone="warning">{NOT_ALLOWED}</StatusMessage>}
    </section>
  );
}
