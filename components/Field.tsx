import type { JSX } from 'preact';

interface Common {
  name: string;
  label: string;
  value: string;
  /** Shown beside the control and tied to it with aria-describedby. */
  error?: string;
  onValue(value: string): void;
  onBlur?(name: string): void;
  required?: boolean;
  /** A short line under the label for what the field expects. */
  hint?: string;
  class?: string;
}

type InputProps = Common & {
  as?: 'input';
  type?: 'text' | 'url' | 'date' | 'email' | 'password' | 'number';
  inputMode?: JSX.HTMLAttributes['inputMode'];
  autoComplete?: string;
  placeholder?: string;
};
type SelectProps = Common & { as: 'select'; options: readonly { value: string; label: string }[] };
type TextareaProps = Common & { as: 'textarea'; rows?: number };

export type FieldProps = InputProps | SelectProps | TextareaProps;

/** One labelled control with its error beside it; ids derive from the API's field name. */
export function Field(props: FieldProps) {
  const id = `field-${props.name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.hint && hintId, props.error && errorId].filter(Boolean).join(' ');
  const shared = {
    id,
    name: props.name,
    value: props.value,
    required: props.required,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
    onBlur: () => props.onBlur?.(props.name),
  };
  const onInput = (event: JSX.TargetedEvent<HTMLElement & { value: string }>) =>
    props.onValue(event.currentTarget.value);

  let control: JSX.Element;
  if (props.as === 'select') {
    control = (
      <select {...shared} onChange={onInput}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (props.as === 'textarea') {
    control = <textarea {...shared} rows={props.rows ?? 4} onInput={onInput} />;
  } else {
    control = (
      <input
        {...shared}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        placeholder={props.placeholder}
        onInput={onInput}
      />
    );
  }

  return (
    <div class={['field', props.error && 'field--invalid', props.class].filter(Boolean).join(' ')}>
      <div class="field__head">
        <label for={id}>{props.label}</label>
        {props.hint && (
          <span id={hintId} class="field__hint">
            {props.hint}
          </span>
        )}
      </div>
      {control}
      {props.error && (
        <span id={errorId} class="field__error">
          {props.error}
        </span>
      )}
    </div>
  );
}
