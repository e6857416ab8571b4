/**
 * The job on screen in a tab, read for the popup at the moment it opens, so that single-page
 * navigation always yields the job now shown. Supported sites answer through their content
 * script; any other page gets the generic extractor injected on demand (activeTab). Answers are
 * untrusted page data, parsed here: the popup then paints its form without loading a validator.
 */

import { EXTRACT_JOB } from '@/lib/content/protocol';
import type { JobDraft } from '@/lib/extract/types';
import { jobDraftSchema } from '@/lib/messages';

/** Built from entrypoints/extractor.ts; injected only when the user opens the popup. */
export const GENERIC_EXTRACTOR = '/extractor.js' as const;

export interface TabReader {
  /** The tab's content script, if it has one (rejects or answers nothing otherwise). */
  ask(tabId: number, message: object): Promise<unknown>;
  /** The result of running the generic extractor in the tab's top frame. */
  inject(tabId: number): Promise<unknown>;
}

export async function readJobFromTab(tabId: number, reader: TabReader): Promise<JobDraft | null> {
  const answered = jobDraftSchema.safeParse(
    await attempt(() => reader.ask(tabId, { type: EXTRACT_JOB })),
  );
  if (answered.success) return answered.data;
  // Pages no extension may read (the browser's own pages, the web store) refuse: an empty form.
  const injected = jobDraftSchema.safeParse(await attempt(() => reader.inject(tabId)));
  return injected.success ? injected.data : null;
}

/** No answer, whether the call throws at once (no such tab) or rejects (no content script). */
async function attempt(read: () => Promise<unknown>): Promise<unknown> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}
