// Kept free of zod: content scripts import this, and they must stay tiny.

/** Popup or background → the content script of a tab: "which job is on this page?". */
export const EXTRACT_JOB = 'job:extract';

/**
 * Content script → background, the one thing it ever says: the site showed its "application sent"
 * confirmation in this tab. Bare: the job is the one the tab's address names, read by the background.
 */
export const APPLICATION_SENT = 'tab:application-sent';

/** The in-page button's frame, an extension page: what the page's content script inserts. */
export const FRAME_PATH = '/save-frame.html';
/** Its fixed size in CSS pixels, the same whatever it says. */
export const FRAME_WIDTH = 200;
export const FRAME_HEIGHT = 36;

/** Frame → background: what to show for the job its tab's address names. */
export const FRAME_STATE = 'frame:state';
/** Frame → background: the user clicked; `visible` is what the frame's own check saw (null: none). */
export const FRAME_SAVE = 'frame:save';
/**
 * Frame → background: the user chose a status for the saved job (applied, interview, offer or
 * rejected) in the frame's own select; `visible` as for a click.
 */
export const FRAME_STATUS = 'frame:status';
/** Background → every frame: the tab's job or its state changed, ask again. */
export const FRAME_REFRESH = 'frame:refresh';

/** What the in-page button shows, worded by the background, inside the frame only. */
export interface ButtonState {
  /** Short, on the button: "Saved ✓", "Already saved", "Needs details", ... */
  text: string;
  /** The detail, as tooltip and accessible description: "Saved on 3 Mar · applied". */
  title: string;
  /** The saved record's status, which the frame's select shows; absent when the job is not saved. */
  status?: string;
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
