import type { JobDraft } from '@/lib/extract/types';
import { send } from '@/lib/ui/background-client';

/**
 * The job on screen in a tab, read by the background (lib/background/tab-job.ts), which parses
 * the page's answer: the popup's first paint then waits for no validator of its own.
 */
export function requestJobFromTab(tabId: number): Promise<JobDraft | null> {
  return send({ type: 'job:read', tabId });
}
