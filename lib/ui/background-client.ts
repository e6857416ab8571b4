/**
 * The extension pages' one way to ask the background: typed by `PageResponses`, so a component
 * cannot send a misspelt message or misread an answer.
 */
import { browser } from 'wxt/browser';
import type { PageRequest, PageResponses } from '@/lib/messages';

type RequestType = PageRequest['type'];
type RequestOf<T extends RequestType> = Extract<PageRequest, { type: T }>;

/** The background answers within seconds; past this the page says so instead of waiting forever. */
export const ANSWER_TIMEOUT_MS = 20_000;

export class NoAnswerError extends Error {
  constructor(message = 'The extension did not answer. Close the popup and try again.') {
    super(message);
    this.name = 'NoAnswerError';
  }
}

export async function send<T extends RequestType>(
  message: RequestOf<T>,
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<PageResponses[T]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswerError()), timeoutMs);
  });
  try {
    const answer = await Promise.race([browser.runtime.sendMessage(message), timeout]);
    // `history:lookup` may answer null; undefined means no listener answered at all.
    if (answer === undefined) throw new NoAnswerError();
    return answer as PageResponses[T];
  } finally {
    clearTimeout(timer);
  }
}

/** An error's words for the page, whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong.';
}
