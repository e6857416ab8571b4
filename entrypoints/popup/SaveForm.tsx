import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Field } from '@/components/Field';
import { type FieldName, STATUSES } from '@/lib/application';
import {
  appliedDateFor,
  changedFields,
  type FormValues,
  firstInvalid,
  splitFieldErrors,
  toggleDescription,
  truncationNotice,
} from '@/lib/draft-form';
import type { JobDraft } from '@/lib/extract/types';
import type { DraftForm, FieldErrors, SaveOutcome, UpdateOutcome } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { errorText, send } from '@/lib/ui/background-client';
import { useNotificationsOnFirstDate } from '@/lib/ui/notifications-permission';
import { FIELD_LABELS } from './fields';
import { OutcomeMessage } from './OutcomeMessage';
import { loadValidator } from './validator';

/**
 * What Save does. `rowId` set: resend that outbox row (one opened from the outbox, or this draft
 * once the server refused it and parked it), so fixing a field never leaves a second row behind.
 * update: the page's job is saved already; `rowId` is that application's, and Update sends the
 * fields that differ from `baseline` (what the form showed of it). `deleted`: CareerTrack no
 * longer has it, so only "Save as a new application" is left.
 */
export interface Target {
  kind: 'new' | 'resend' | 'update';
  jobKey: string;
  rowId?: number;
  baseline?: FormValues;
  deleted?: boolean;
}

export const NOTHING_CHANGED = 'Nothing changed: there is nothing to update.';
export const SAVE_AS_NEW = 'Save as a new application';

/** The fields the user changed from what the form showed of the saved application. */
type Errors = Partial<Record<FieldName, string>>;
/** A 422's message holds while the field keeps the value the server refused. */
type ServerErrors = Partial<Record<FieldName, { message: string; value: string }>>;

interface Props {
  values: FormValues;
  onValues(update: (values: FormValues) => FormValues): void;
  target: Target;
  onTarget(target: Target): void;
  job: JobDraft | null;
  settings: Settings;
  onSettled(outcome: SaveOutcome | UpdateOutcome): void;
  onCancelEdit(): void;
}

/** The fields CareerTrack requires: the ones the user must type when the page lacks them. */
const REQUIRED: readonly FieldName[] = ['company_name', 'position_title'];
export const FROM_PAGE = 'Read from the page';
export const TO_TYPE = 'Not on the page: type it';

const STATUS_OPTIONS = STATUSES.map((status) => ({
  value: status,
  label: status[0]?.toUpperCase() + status.slice(1),
}));

export function SaveForm(props: Props) {
  const { values, target, job } = props;
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [serverErrors, setServerErrors] = useState<ServerErrors>({});
  const [outcome, setOutcome] = useState<SaveOutcome | UpdateOutcome | null>(null);
  const [saving, setSaving] = useState(false);
  // The state above renders the button; this guards a second press before that render lands.
  const inFlight = useRef(false);
  const [addDescription, setAddDescription] = useState(props.settings.description_to_notes);
  const reminders = useNotificationsOnFirstDate(props.settings.next_step_reminders);

  // Without an extracted job the address typed is the key for "already saved"; without that, a key
  // of this popup's own, so that unrelated hand-typed saves never look like duplicates of each other.
  const [ownKey] = useState(() => `manual:${crypto.randomUUID()}`);
  const jobKey = () => target.jobKey || values.source_url.trim() || ownKey;

  const errorOf = (name: FieldName) => {
    const server = serverErrors[name];
    return errors[name] ?? (server && server.value === values[name] ? server.message : undefined);
  };

  const focusField = (name: FieldName | undefined) => {
    const element = name && form.current?.elements.namedItem(name);
    if (element instanceof HTMLElement) element.focus();
  };

  // Said under each label: what the page gave, and what only the user can add.
  const markOf = (name: FieldName): { hint?: string; class?: string } => {
    if (target.kind !== 'new' || !job) return {};
    if (REQUIRED.includes(name) && !values[name].trim())
      return { hint: TO_TYPE, class: 'field--to-type' };
    const origins: Partial<Record<string, unknown>> = job.origins;
    if (origins[name] && values[name].trim()) return { hint: FROM_PAGE, class: 'field--from-page' };
    return {};
  };

  // Once the page's job is in the form, the cursor waits in the first field left to type.
  // Once per job read, not at every keystroke: hence `job` alone as the dependency.
  useEffect(() => {
    if (target.kind === 'new' && job) focusField(REQUIRED.find((name) => !values[name].trim()));
  }, [job]);

  const setValue = (name: FieldName) => (value: string) => {
    // In the input's own handler: the browser prompts only while it handles the user's input.
    if (name === 'next_step_at') reminders.onDate(value);
    props.onValues((current) => {
      const next = { ...current, [name]: value };
      // Choosing "applied" fills today's date when the option says so; a typed date is kept.
      if (name === 'status') {
        next.applied_at = appliedDateFor(
          value,
          current.applied_at,
          props.settings.fill_applied_date,
        );
      }
      return next;
    });
  };

  // On blur: the field just left gets its verdict; errors already shown are updated, so a fix
  // clears them, but untouched fields are not flagged before the user reaches them.
  const onBlur = async (name: string) => {
    const { validateDraft } = await loadValidator();
    const check = validateDraft(values);
    const found = check.ok ? {} : splitFieldErrors(check.fieldErrors).fields;
    setErrors((shown) => {
      const next: Errors = {};
      for (const key of Object.keys(found) as FieldName[]) {
        if (key === name || shown[key]) next[key] = found[key];
      }
      return next;
    });
  };

  const showServerErrors = (result: { fieldErrors: Record<string, string[] | undefined> }) => {
    const { fields } = splitFieldErrors(result.fieldErrors);
    const next: ServerErrors = {};
    for (const [name, message] of Object.entries(fields) as [FieldName, string][]) {
      next[name] = { message, value: values[name] };
    }
    setServerErrors(next);
    focusField(firstInvalid(fields));
  };

  /** The form's own verdict: every problem shown, the first focused, nothing sent. */
  const refuse = (fieldErrors: FieldErrors) => {
    inFlight.current = false;
    const { fields } = splitFieldErrors(fieldErrors);
    setErrors(fields);
    setOutcome({ state: 'invalid', fieldErrors });
    focusField(firstInvalid(fields));
  };

  /** Past the form's checks: earlier verdicts go, the button says it is working. */
  const startSending = () => {
    setErrors({});
    setServerErrors({});
    setOutcome(null);
    setSaving(true);
  };

  /** Sends only what changed from what the form showed; the background checks it again. */
  async function update(rowId: number, baseline: FormValues) {
    const changes = changedFields(baseline, values);
    if (Object.keys(changes).length === 0) {
      setOutcome({ state: 'error', message: NOTHING_CHANGED });
      return;
    }
    inFlight.current = true;
    const { validateChanges } = await loadValidator();
    const check = validateChanges(changes, baseline);
    if (!check.ok) {
      refuse(check.fieldErrors);
      return;
    }
    startSending();
    let result: UpdateOutcome;
    try {
      result = await send({ type: 'application:update', rowId, changes });
    } catch (caught) {
      result = { state: 'error', message: errorText(caught) };
    }
    inFlight.current = false;
    setSaving(false);
    setOutcome(result);
    if (result.state === 'invalid') showServerErrors(result);
    // Written to the outbox: the next Update sends only what changes after this one.
    if (result.state === 'updated' || result.state === 'queued' || result.state === 'signin') {
      props.onTarget({ ...target, baseline: values });
    }
    if (result.state === 'deleted') props.onTarget({ ...target, deleted: true });
    props.onSettled(result);
  }

  async function save(force = false) {
    if (inFlight.current) return;
    if (target.kind === 'update' && !force && !target.deleted) {
      if (target.rowId !== undefined && target.baseline)
        await update(target.rowId, target.baseline);
      return;
    }
    inFlight.current = true;
    const { validateDraft } = await loadValidator();
    const check = validateDraft(values);
    if (!check.ok) {
      refuse(check.fieldErrors);
      return;
    }
    startSending();
    let result: SaveOutcome;
    try {
      // The parsed body, exactly what the API takes; the background parses it again on arrival.
      const draft = check.value as DraftForm;
      result =
        target.rowId !== undefined && !force && target.kind === 'resend'
          ? await send({ type: 'outbox:resend', id: target.rowId, draft })
          : await send({
              type: 'outbox:save',
              draft,
              jobKey: jobKey(),
              force: force || target.kind === 'update' || undefined,
            });
    } catch (caught) {
      result = { state: 'error', message: errorText(caught) };
    }
    inFlight.current = false;
    setSaving(false);
    setOutcome(result);
    if (result.state === 'invalid') {
      showServerErrors(result);
      // The refused save is parked in the outbox: fixing it resends that row, not a second one.
      if (result.rowId !== undefined) {
        props.onTarget({ kind: 'resend', jobKey: target.jobKey, rowId: result.rowId });
      }
    }
    props.onSettled(result);
  }

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void save();
  };

  // Enter saves from any control but buttons (which click) and the notes, where Enter is a new
  // line and Ctrl/Cmd+Enter saves. Handled here, not by implicit submission, so a select or a
  // checkbox saves too and a save never runs twice.
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    const element = event.target;
    if (element instanceof HTMLButtonElement || element instanceof HTMLAnchorElement) return;
    if (element instanceof HTMLTextAreaElement && !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    void save();
  };

  const onDescriptionToggle = (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const checked = event.currentTarget.checked;
    setAddDescription(checked);
    const description = job?.description;
    if (description) {
      props.onValues((current) => ({
        ...current,
        notes: toggleDescription(current.notes, description, checked),
      }));
    }
    void send({ type: 'settings:update', defaults: { description_to_notes: checked } }).catch(
      () => {},
    );
  };

  const field = (name: FieldName) => ({
    name,
    label: FIELD_LABELS[name],
    value: values[name],
    error: errorOf(name),
    onValue: setValue(name),
    onBlur,
    ...markOf(name),
  });

  const truncated = target.kind === 'new' ? truncationNotice(job?.truncated) : null;

  return (
    <form ref={form} class="save-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown}>
      {target.kind === 'resend' && (
        <p class="notice">
          Editing a save from the outbox: Save resends it.{' '}
          <button type="button" class="link" onClick={props.onCancelEdit}>
            Back to this page's job
          </button>
        </p>
      )}
      {truncated && <p class="notice notice--warning">{truncated}</p>}
      <Field {...field('company_name')} required autoComplete="organization" />
      <Field {...field('position_title')} required />
      <div class="row">
        <Field {...field('status')} as="select" options={STATUS_OPTIONS} />
        <Field {...field('location')} />
      </div>
      <div class="row">
        <Field {...field('salary_min')} inputMode="numeric" />
        <Field {...field('salary_max')} inputMode="numeric" />
      </div>
      <div class="row row--wide-second">
        <Field {...field('source')} />
        <Field {...field('source_url')} type="url" />
      </div>
      <div class="row">
        <Field {...field('applied_at')} type="date" />
        <Field {...field('next_step_at')} type="date" />
      </div>
      {reminders.notice && <p class="notice">{reminders.notice}</p>}
      <Field {...field('notes')} as="textarea" rows={3} hint="Ctrl+Enter saves" />
      <label class="check">
        <input type="checkbox" checked={addDescription} onChange={onDescriptionToggle} />
        Add the job description to the notes
      </label>
      {outcome && (
        <OutcomeMessage outcome={outcome} onSaveAnyway={() => void save(true)} disabled={saving} />
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : primaryLabel(target)}
        </button>
        {target.kind === 'update' && !target.deleted && (
          <button type="button" onClick={() => void save(true)} disabled={saving}>
            {SAVE_AS_NEW}
          </button>
        )}
      </div>
    </form>
  );
}

function primaryLabel(target: Target): string {
  if (target.kind !== 'update') return 'Save';
  return target.deleted ? SAVE_AS_NEW : 'Update';
}
