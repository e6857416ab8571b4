import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { JobDraft } from '@/lib/extract/types';
import type { OpenAnswer } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { send } from '@/lib/ui/background-client';
import { requestJobFromTab } from '@/lib/ui/tab-job';

/** A page that never answers must not keep the popup waiting: the form opens empty instead. */
const EXTRACT_TIMEOUT_MS = 4000;

export type CurrentJob =
  | { state: 'loading' }
  | { state: 'ready'; job: JobDraft | null; settings: Settings; saved: SavedAnswer | null };

/** The application saved for this page's job, as the extension's copy has it (none: null). */
export type SavedAnswer = Exclude<OpenAnswer, { state: 'none' }>;

/** `popup.html?tabId=N` reads tab N (how a test opens the popup as a page); else the active tab. */
export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const given = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The extension's own copy only: one IndexedDB read in the background, so the form's first paint
 * does not wait for CareerTrack (the popup asks it afterwards).
 */
async function readSaved(job: JobDraft | null): Promise<SavedAnswer | null> {
  if (!job?.job_key || job.no_job) return null;
  const answer = await send({ type: 'application:open', jobKey: job.job_key }).catch(() => null);
  return answer && 'record' in answer ? answer : null;
}

async function readJob(): Promise<JobDraft | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => resolve(null), EXTRACT_TIMEOUT_MS),
  );
  return Promise.race([requestJobFromTab(tabId), timeout]);
}

type Ready = Extract<CurrentJob, { state: 'ready' }>;

async function readCurrentJob(): Promise<Ready> {
  const job = readJob().catch(() => null);
  const [read, settings, saved] = await Promise.all([
    job,
    send({ type: 'settings:get' }).catch(() => DEFAULT_SETTINGS),
    job.then(readSaved),
  ]);
  return { state: 'ready', job: read, settings, saved };
}

export function useCurrentJob(): CurrentJob {
  // Started while the first render runs, not in an effect after its paint: the page is read
  // while the popup draws "Reading the page…".
  const [reading] = useState(readCurrentJob);
  const [current, setCurrent] = useState<CurrentJob>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void reading.then((ready) => {
      if (live) setCurrent(ready);
    });
    return () => {
      live = false;
    };
  }, [reading]);
  return current;
}
