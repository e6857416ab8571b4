import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { JobDraft } from '@/lib/extract/types';
import { getSettings, type Settings } from '@/lib/settings';
import { requestJobFromTab } from '@/lib/ui/tab-job';

/** A page that never answers must not keep the popup waiting: the form opens empty instead. */
const EXTRACT_TIMEOUT_MS = 4000;

export type CurrentJob =
  | { state: 'loading' }
  | { state: 'ready'; job: JobDraft | null; settings: Settings };

/** `popup.html?tabId=N` reads tab N (how a test opens the popup as a page); else the active tab. */
export async function targetTabId(search: string = location.search): Promise<number | undefined> {
  const given = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readJob(): Promise<JobDraft | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => resolve(null), EXTRACT_TIMEOUT_MS),
  );
  return Promise.race([requestJobFromTab(tabId), timeout]);
}

export function useCurrentJob(): CurrentJob {
  const [current, setCurrent] = useState<CurrentJob>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    Promise.all([readJob().catch(() => null), getSettings()]).then(([job, settings]) => {
      if (live) setCurrent({ state: 'ready', job, settings });
    });
    return () => {
      live = false;
    };
  }, []);
  return current;
}
