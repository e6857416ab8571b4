import { browser } from 'wxt/browser';
import { EXTRACT_JOB } from '@/lib/content/protocol';
import type { JobDraft } from '@/lib/extract/types';
import { jobDraftSchema } from '@/lib/messages';

/** Built from entrypoints/extractor.content.ts; injected only when the user opens the popup. */
const GENERIC_EXTRACTOR = '/extractor.js';

/**
 * The job on screen in a tab, extracted at this moment so that single-page navigation always yields
 * the job now shown. Supported sites answer through their content script; any other page gets the
 * generic extractor injected on demand (activeTab). Answers are untrusted page data: parsed here.
 */
export async function requestJobFromTab(tabId: number): Promise<JobDraft | null> {
  const fromContentScript = await browser.tabs
    .sendMessage(tabId, { type: EXTRACT_JOB })
    .catch(() => undefined); // no content script in this tab
  const parsed = jobDraftSchema.safeParse(fromContentScript);
  if (parsed.success) return parsed.data;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      files: [GENERIC_EXTRACTOR],
    });
    const injected = jobDraftSchema.safeParse(injection?.result);
    return injected.success ? injected.data : null;
  } catch {
    // Pages no extension may read (the browser's own pages, the web store): an empty form.
    return null;
  }
}
