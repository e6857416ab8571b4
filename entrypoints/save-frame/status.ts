/**
 * The quick status change: a native `<select>` beside the button, whose list is the browser's own
 * UI, so the frame's fixed 36 px do not clip it, and whose keyboard use (Tab, arrows, Enter or
 * Space, Alt+Down) and screen-reader name come with it. It is in the frame and focusable whatever
 * the job's state, so a Tab walk takes the same steps on a saved and an unsaved job (the page sees
 * where focus goes next); it acts only for a saved job (docs/in-page-ui.md).
 */

/**
 * Arrow keys on a closed select change its value at each press (Chromium on Linux and Windows):
 * the change goes once the user rests on one status this long.
 */
export const SETTLE_MS = 600;

/** The keys that change a select or open its list; Tab still moves on. */
const KEYS_THAT_CHOOSE = new Set([
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ' ',
  'Enter',
]);

export interface StatusPickerEvents {
  /** The user is choosing `label`, not yet settled. */
  preview(label: string): void;
  /** The user settled on `status`, which differs from the saved one. */
  choose(status: string): void;
  /** The user came back to the saved status before settling: nothing to change. */
  back(): void;
}

export interface StatusPicker {
  /** The saved record's status, or undefined when the job is not saved: the select does nothing. */
  show(status: string | undefined): void;
}

export function statusPicker(select: HTMLSelectElement, events: StatusPickerEvents): StatusPicker {
  let saved: string | undefined;
  let settling: ReturnType<typeof setTimeout> | undefined;

  const reset = () => {
    const known = [...select.options].some((option) => option.value === saved && saved !== '');
    select.value = known ? (saved as string) : '';
  };

  const show = (status: string | undefined) => {
    saved = status;
    const off = status === undefined;
    select.setAttribute('aria-disabled', String(off));
    select.title = off ? 'Save this job first, then change its status here' : 'Change the status';
    // The user's choice in progress wins over an answer that crossed it.
    if (settling === undefined) reset();
  };

  // Not `disabled`: a disabled select leaves the Tab order, and the page would see the difference.
  const refuseUnsaved = (event: Event) => {
    if (saved !== undefined) return;
    if (event instanceof KeyboardEvent && !KEYS_THAT_CHOOSE.has(event.key)) return;
    event.preventDefault();
  };
  select.addEventListener('keydown', refuseUnsaved);
  select.addEventListener('mousedown', refuseUnsaved);

  select.addEventListener('change', (event) => {
    clearTimeout(settling);
    settling = undefined;
    if (!event.isTrusted || saved === undefined || select.value === '') return reset();
    const chosen = select.value;
    if (chosen === saved) return events.back();
    events.preview(select.options[select.selectedIndex]?.textContent ?? chosen);
    settling = setTimeout(() => {
      settling = undefined;
      events.choose(chosen);
    }, SETTLE_MS);
  });

  show(undefined);
  return { show };
}
