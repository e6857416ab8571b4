import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { JobDraft } from '@/lib/extract/types';
import { EXTRACT_JOB, isBare, RUN_SAVE } from './protocol';

type Extract = (document: Document, url: URL) => JobDraft;

/**
 * Answers the popup's "which job is on this page?" by extracting now, so that after single-page
 * navigation the answer is the job on screen, not the one the page loaded with; and the
 * background's "save it" (shortcut, context menu) with `run`, which says whether a job is here.
 * Only this extension's own pages and background may ask, never the page.
 */
export function answerExtractRequests(
  ctx: ContentScriptContext,
  extract: Extract,
  run?: () => boolean,
): void {
  const extensionOrigin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: { id?: string; url?: string }) => {
    const fromUs = sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionOrigin);
    if (!fromUs) return undefined;
    if (isBare(message, EXTRACT_JOB)) {
      return Promise.resolve(extract(document, new URL(location.href)));
    }
    if (run && isBare(message, RUN_SAVE)) return Promise.resolve(run());
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  // An update orphans this script: it goes quiet instead of answering with stale code.
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
