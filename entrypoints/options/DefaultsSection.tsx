import { useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { STATUSES } from '@/lib/application';
import type { Settings } from '@/lib/settings';
import { send } from '@/lib/ui/background-client';

type Defaults = Pick<
  Settings,
  'default_status' | 'fill_applied_date' | 'description_to_notes' | 'save_when_applied'
>;

const STATUS_OPTIONS = STATUSES.map((status) => ({
  value: status,
  label: status[0]?.toUpperCase() + status.slice(1),
}));

/** Choices for new saves, stored by the background as soon as they change: there is no Save button. */
export function DefaultsSection({ initial }: { initial: Defaults }) {
  const [defaults, setDefaults] = useState<Defaults>(initial);

  const change = (patch: Partial<Defaults>) => {
    setDefaults((current) => ({ ...current, ...patch }));
    void send({ type: 'settings:update', defaults: patch }).catch(() => {});
  };

  return (
    <section aria-labelledby="defaults-title">
      <h2 id="defaults-title">New saves</h2>
      <Field
        name="default_status"
        label="Status of new saves"
        as="select"
        options={STATUS_OPTIONS}
        value={defaults.default_status}
        onValue={(value) => change({ default_status: value as Defaults['default_status'] })}
      />
      <label class="check">
        <input
          type="checkbox"
          name="fill_applied_date"
          checked={defaults.fill_applied_date}
          onChange={(event) => change({ fill_applied_date: event.currentTarget.checked })}
        />
        Fill the applied date with today when the status is applied
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="description_to_notes"
          checked={defaults.description_to_notes}
          onChange={(event) => change({ description_to_notes: event.currentTarget.checked })}
        />
        Add the job description to the notes
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="save_when_applied"
          checked={defaults.save_when_applied}
          onChange={(event) => change({ save_when_applied: event.currentTarget.checked })}
        />
        Save as applied when I send an application
      </label>
    </section>
  );
}
