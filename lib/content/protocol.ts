// Kept free of zod: content scripts import this, and they must stay tiny.

/** Popup → the content script of a tab: "which job is on this page?". */
export const EXTRACT_JOB = 'job:extract';

/** The one request a content script answers, checked by hand (no zod in content scripts). */
export function isExtractRequest(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === EXTRACT_JOB &&
    Object.keys(message).length === 1
  );
}
