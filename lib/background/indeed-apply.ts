/**
 * Indeed Apply's end, noticed from addresses alone. The apply flow runs on smartapply.indeed.com,
 * where no content script of ours runs, and ends on a post-apply page whose address names no job;
 * the job is the one its opener tab's address names, or the one the tab itself named before the
 * flow began (docs/in-page-ui.md, "Applications sent, noticed"). Nothing the apply pages show or
 * send is read: only the addresses the browser reports for tabs.
 */

import { type ContentTab, jobKeyOf } from '@/lib/background/clip-handlers';
import { INDEED_APPLY_HOST } from '@/lib/manifest';

/** Where Indeed Apply says "Your application has been submitted". */
export const POST_APPLY_PATH = '/beta/indeedapply/form/post-apply';

function applyAddress(url: string): URL | undefined {
  try {
    const address = new URL(url);
    // The exact host: a look-alike (smartapply.indeed.com.evil.test) is just another site.
    return address.protocol === 'https:' && address.hostname === INDEED_APPLY_HOST
      ? address
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `url` is Indeed Apply's post-apply page. */
export function isIndeedPostApply(url: string): boolean {
  return applyAddress(url)?.pathname.replace(/\/+$/, '') === POST_APPLY_PATH;
}

/** An Indeed job that a job page's address names; never one the apply host's address names. */
function indeedJobOf(url: string): string | undefined {
  if (applyAddress(url)) return undefined;
  const key = jobKeyOf(url);
  return key?.startsWith('indeed:') ? key : undefined;
}

/** A tab as `tabs.get` describes it. */
export interface TabInfo {
  id?: number;
  url?: string;
  index?: number;
  windowId?: number;
}

export interface IndeedApplyDeps {
  getTab(tabId: number): Promise<TabInfo | undefined>;
  /** What LinkedIn's "application sent" does, for the job's own tab. */
  applicationSent(tab: ContentTab): Promise<unknown>;
}

/** The job an apply flow is for, and the tab that shows it. */
type Flow = ContentTab & { jobKey: string };

export function createIndeedApplyWatch(deps: IndeedApplyDeps) {
  /**
   * Per tab: the Indeed job its address named last (the flow may run in that same tab), or, for an
   * apply tab, its opener's job when the flow began (that tab may show another job by the end).
   * In memory: a stopped worker asks the opener again.
   */
  const flows = new Map<number, Flow>();

  async function openerFlow(openerTabId: number | undefined): Promise<Flow | undefined> {
    if (openerTabId === undefined) return undefined;
    const opener = await deps.getTab(openerTabId).catch(() => undefined);
    const jobKey = indeedJobOf(opener?.url ?? '');
    if (!jobKey) return undefined;
    return { tabId: openerTabId, index: opener?.index, windowId: opener?.windowId, jobKey };
  }

  /** A tab's address changed, as the browser reports it. */
  async function addressChanged(
    tabId: number,
    url: string,
    tab: { openerTabId?: number; index?: number; windowId?: number },
  ): Promise<void> {
    const jobKey = indeedJobOf(url);
    if (jobKey) {
      flows.set(tabId, { tabId, index: tab.index, windowId: tab.windowId, jobKey });
      return;
    }
    if (!applyAddress(url)) return;
    let flow = flows.get(tabId);
    if (!flow) {
      flow = await openerFlow(tab.openerTabId);
      if (flow) flows.set(tabId, flow);
    }
    if (flow && isIndeedPostApply(url)) await deps.applicationSent(flow);
  }

  return { addressChanged, forget: (tabId: number) => flows.delete(tabId) };
}
