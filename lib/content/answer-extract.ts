import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { JobDraft } from '@/lib/extract/types';
import { isExtractRequest } from './protocol';

type Extract = (document: Document, url: URL) => JobDraft;

/**
 * Answers the popup's "which job is on this page?" by extracting now, so that after single-page
 * navigation the answer is the job on screen, not the one the page loaded with. Only this extension's
 * own pages may ask: the popup, also when it is opened as a page in a tab.
 */
export function answerExtractRequests(ctx: ContentScriptContext, extract: Extract): void {
  const extensionOrigin = browser.runtime.getURL('/');
  const listener = (message: unknown, sender: { id?: string; url?: string }) => {
    const fromOurPage =
      sender.id === browser.runtime.id && !!sender.url?.startsWith(extensionOrigin);
    if (!fromOurPage || !isExtractRequest(message)) return undefined;
    return Promise.resolve(extract(document, new URL(location.href)));
  };
  browser.runtime.onMessage.addListener(listener);
  // An update orphans this script: it goes quiet instead of answering with stale code.
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
