import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { JobDraft } from '@/lib/extract/types';
import { EXTRACT_JOB, isBare } from './protocol';

type Extract = (document: Document, url: URL) => JobDraft;

/**
 * Answers "which job is on this page?" by extracting now, so that after single-page navigation
 * the answer is the job on screen, not the one the page loaded with: for the popup, and for the
 * background when the in-page button, the shortcut or the context menu saves. Only this
 * extension's own pages and background may ask, never the page.
 */
export function answerExtractRequests(ctx: ContentScriptContext, extract: Extract): void {
  const extensionOrigin = browser.runtime.getURL('/');
  // Answered through `sendResponse`, which both browsers honour without the polyfill
  // (lib/content/browser.ts); a returned promise is not an answer in Chrome.
  const listener = (
    message: unknown,
    sender: { id?: string; url?: string },
    respond: (answer: JobDraft) => void,
  ) => {
    const fromUs = sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionOrigin);
    if (fromUs && isBare(message, EXTRACT_JOB)) respond(extract(document, new URL(location.href)));
  };
  browser.runtime.onMessage.addListener(listener);
  // An update orphans this script: it goes quiet instead of answering with stale code.
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
