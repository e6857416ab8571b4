// Kept free of zod: content scripts import this, and they must stay tiny.

/** Popup → the content script of a tab: "which job is on this page?". */
export const EXTRACT_JOB = 'job:extract';
/** Background → content script: do what the Save button does (the shortcut, the context menu). */
export const RUN_SAVE = 'clip:run';

/** Content script → background: save this page's job with the user's defaults. */
export const CLIP_SAVE = 'clip:save';
/** Content script → background: was the job on screen saved before? (local history only) */
export const CLIP_LOOKUP = 'clip:lookup';

/** What the in-page button shows, worded by the background: content scripts only display it. */
export interface ButtonState {
  /** Short, on the button: "Saved ✓", "Already saved", "Needs details", ... */
  text: string;
  /** The detail, as tooltip and accessible description: "Saved on 3 Mar · applied". */
  title: string;
}

/** A request with no payload, checked by hand (no zod in content scripts). */
export function isBare(message: unknown, type: string): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === type &&
    Object.keys(message).length === 1
  );
}
