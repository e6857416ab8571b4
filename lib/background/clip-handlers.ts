/**
 * The content scripts' requests: save the page's job with the user's defaults (what the popup
 * would save) and say whether it was saved before. A content script is the page's neighbour, so
 * it gets the button's words only, and may ask only about the job its own tab's address names.
 */

import type { ClipperDb } from '@/lib/background/database';
import { findAlreadySaved } from '@/lib/background/outbox';
import { type ButtonState, CLIP_LOOKUP } from '@/lib/content/protocol';
import { initialForm } from '@/lib/draft-form';
import { indeedAddress, linkedInAddress } from '@/lib/extract/url';
import { clipRequestSchema, type SaveOutcome, type Sender } from '@/lib/messages';
import type { OutboxRow } from '@/lib/outbox-row';
import type { ApplicationDraft } from '@/lib/schema';
import type { Settings } from '@/lib/settings';

/** A content script's tab, and the job its address names (none on other pages). */
export interface ContentTab {
  tabId: number;
  index?: number;
  windowId?: number;
  jobKey: string | undefined;
}

/** The job a LinkedIn or Indeed address names, keyed as the content scripts key it. */
export function jobKeyOf(url: string | undefined): string | undefined {
  try {
    const page = new URL(url ?? '');
    return (linkedInAddress(page) ?? indeedAddress(page))?.key;
  } catch {
    return undefined;
  }
}

/** This extension's content script in a tab's top frame, else undefined. */
export function contentTab(
  sender: Sender,
  runtimeId: string,
  extensionOrigin: string,
): ContentTab | undefined {
  const tab = sender.tab;
  // The tab's address follows pushState; Chrome's `sender.url` stays the one the page loaded with.
  const url = tab?.url ?? sender.url;
  if (sender.id !== runtimeId || tab?.id === undefined || tab.id < 0) return undefined;
  if (!url || url.startsWith(extensionOrigin) || (sender.frameId ?? 0) !== 0) return undefined;
  return { tabId: tab.id, index: tab.index, windowId: tab.windowId, jobKey: jobKeyOf(url) };
}

/** "Saved on 3 Mar · applied", in the user's words for dates. */
export function savedOn(row: OutboxRow): string {
  const date = new Date(row.created_at).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
  });
  const waiting = row.state === 'synced' ? '' : ' · waiting to be sent';
  return `Saved on ${date} · ${row.draft.status ?? 'applied'}${waiting}`;
}

/** The button's words for a save's outcome; `detail` is the job's saved-on line, if any. */
export function buttonFor(outcome: SaveOutcome, detail: string | null): ButtonState {
  switch (outcome.state) {
    case 'saved':
      return { text: 'Saved ✓', title: detail ?? 'Saved to CareerTrack' };
    case 'duplicate':
      return { text: 'Already saved', title: detail ?? 'Saved before' };
    case 'queued':
      return {
        // The engine's words for a failed connection; any other wait is not "offline".
        text: outcome.reason.startsWith('Could not reach') ? 'Queued (offline)' : 'Queued',
        title: `In the outbox: ${outcome.reason}`,
      };
    case 'signin':
      return {
        text: 'Sign in to send',
        title: "Kept in the outbox: sign in to CareerTrack in the extension's options to send it",
      };
    case 'invalid': {
      const problems = Object.values(outcome.fieldErrors).flatMap((messages) => messages ?? []);
      return {
        text: 'Needs details',
        title: `${problems.join(' ')} Fill them in in the popup.`.trim(),
      };
    }
    case 'error':
      return { text: 'Not saved', title: outcome.message };
  }
}

export interface ClipDeps {
  db: ClipperDb;
  now(): number;
  settings(): Promise<Settings>;
  /** The background's own save: the outbox's one-transaction duplicate check, then the engine. */
  save(draft: ApplicationDraft, jobKey: string): Promise<SaveOutcome>;
  /** The toolbar's "already saved" for a tab. */
  markTab(tabId: number, detail: string | null): Promise<void>;
  /** The popup for the tab, prefilled from its page, to add what the page lacks. */
  openPopup(tab: ContentTab): Promise<void>;
}

export const CLIP_REFUSED = { ok: false, error: 'This request was refused.' } as const;

export function createClipHandler(deps: ClipDeps) {
  async function savedDetail(jobKey: string): Promise<string | null> {
    const row = await findAlreadySaved(deps.db, jobKey);
    return row ? savedOn(row) : null;
  }

  return async function handleClip(message: unknown, tab: ContentTab): Promise<unknown> {
    const parsed = clipRequestSchema.safeParse(message);
    if (!parsed.success) return CLIP_REFUSED;
    const request = parsed.data;
    const jobKey = request.type === CLIP_LOOKUP ? request.jobKey : request.draft.job_key;
    // Only the job on the sender's own tab: a page cannot save or probe any other.
    if (!tab.jobKey || jobKey !== tab.jobKey) return CLIP_REFUSED;
    if (request.type === CLIP_LOOKUP) {
      const detail = await savedDetail(jobKey);
      await deps.markTab(tab.tabId, detail);
      return detail ? ({ text: 'Already saved', title: detail } satisfies ButtonState) : null;
    }
    const form = initialForm(request.draft, await deps.settings(), new Date(deps.now()));
    const outcome = await deps.save(form, jobKey);
    // Required fields the page lacks: the click goes on to the form, where the user adds them.
    if (outcome.state === 'invalid') await deps.openPopup(tab);
    // Storage that failed the save fails this read too: the button still gets the save's words.
    const detail = await savedDetail(jobKey).catch(() => null);
    await deps.markTab(tab.tabId, detail);
    return buttonFor(outcome, detail);
  };
}
