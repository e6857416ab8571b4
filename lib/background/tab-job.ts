/**
 * The job on screen in a tab, read for the popup at the moment it opens, so that single-page
 * navigation always yields the job now shown. Supported sites answer through their content
 * script (injected again if the tab lost it); any other page gets an extractor injected on demand
 * (activeTab): the one with its career site's rules, else the generic one. Answers are untrusted
 * page data, parsed here: the popup then paints its form without loading a validator.
 */

import { EXTRACT_JOB } from '@/lib/content/protocol';
import { CAREER_HOSTS, careerSiteOf } from '@/lib/extract/career-hosts';
import type { JobDraft } from '@/lib/extract/types';
import { jobDraftSchema } from '@/lib/messages';

/**
 * The extractor injected into the page at `url`: the one with its career site's rules
 * (entrypoints/extractor-<group>.ts), else the generic one (entrypoints/extractor.ts). Injected only
 * when the user opens the popup.
 */
export function injectedExtractorFor(url: string | undefined): string {
  const site = url && URL.canParse(url) ? careerSiteOf(new URL(url)) : undefined;
  return site ? `/extractor-${CAREER_HOSTS[site].script}.js` : '/extractor.js';
}

export interface TabReader {
  /** The tab's content script, if it has one (rejects or answers nothing otherwise). */
  ask(tabId: number, message: object): Promise<unknown>;
  /** Runs `files` in the tab's top frame: the result of the last. */
  inject(tabId: number, files: string[]): Promise<unknown>;
  /** The tab's address, where the extension may see it (its hosts, or activeTab's grant). */
  address(tabId: number): Promise<string | undefined>;
  /** The files of the content script the manifest declares for the page at `url`, if one does. */
  declaredScript(url: string): string[] | undefined;
}

export async function readJobFromTab(tabId: number, reader: TabReader): Promise<JobDraft | null> {
  const ask = () => attempt(() => reader.ask(tabId, { type: EXTRACT_JOB }));
  const answered = jobDraftSchema.safeParse(await ask());
  if (answered.success) return answered.data;
  // A job site's tab without its content script (reloaded in development, or a page still
  // loading when the extension started) gets it back: its site's rules, which the generic
  // extractor leaves out to stay small, and its button. An answer that did not parse leads here
  // too; the script injected again is harmless there, as a running copy steps aside for it.
  const url = await attempt(() => reader.address(tabId));
  const declared = url ? reader.declaredScript(url) : undefined;
  let injected: unknown;
  if (declared) {
    await attempt(() => reader.inject(tabId, declared));
    injected = await ask();
  } else {
    // Pages no extension may read (the browser's own pages, the web store) refuse: an empty form.
    injected = await attempt(() => reader.inject(tabId, [injectedExtractorFor(url)]));
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
