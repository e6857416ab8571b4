/**
 * The job on screen in a tab, read for the popup at the moment it opens, so that single-page
 * navigation always yields the job now shown. Supported sites answer through their content
 * script (injected again if the tab lost it); any other page gets the generic extractor injected
 * on demand (activeTab). Answers are untrusted page data, parsed here: the popup then paints its
 * form without loading a validator.
 */

import { EXTRACT_JOB } from '@/lib/content/protocol';
import type { JobDraft } from '@/lib/extract/types';
import { jobDraftSchema } from '@/lib/messages';

/** Built from entrypoints/extractor.ts; injected only when the user opens the popup. */
export const GENERIC_EXTRACTOR = '/extractor.js' as const;

export interface TabReader {
  /** The tab's content script, if it has one (rejects or answers nothing otherwise). */
  ask(tabId: number, message: object): Promise<unknown>;
  /** Runs `files` in the tab's top frame: the result of the last. */
  inject(tabId: number, files: string[]): Promise<unknown>;
  /** The files of the content script the manifest declares for the tab's page, if one does. */
  declaredScript(tabId: number): Promise<string[] | undefined>;
}

export async function readJobFromTab(tabId: number, reader: TabReader): Promise<JobDraft | null> {
  const ask = () => attempt(() => reader.ask(tabId, { type: EXTRACT_JOB }));
  const answered = jobDraftSchema.safeParse(await ask());
  if (answered.success) return answered.data;
  // A job site's tab without its content script (reloaded in development, or a page still
  // loading when the extension started) gets it back: its site's rules, which the generic
  // extractor leaves out to stay small, and its button.
  const declared = await attempt(() => reader.declaredScript(tabId));
  let injected: unknown;
  if (Array.isArray(declared)) {
    await attempt(() => reader.inject(tabId, declared));
    injected = await ask();
  } else {
    // Pages no extension may read (the browser's own pages, the web store) refuse: an empty form.
    injected = await attempt(() => reader.inject(tabId, [GENERIC_EXTRACTOR]));
  }
  const parsed = jobDraftSchema.safeParse(injected);
  return parsed.success ? parsed.data : null;
}

/** No answer, whether the call throws at once (no such tab) or rejects (no content script). */
async function attempt<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}
