/**
 * The in-page button's requests. The button is an extension-origin frame in the job page: it asks
 * what to show for the job its tab's address names, and saves that job on a click the user can
 * see. The job is read by the tab's content script; what the user saved goes only to the frame
 * and the toolbar, never to the content script or the page (docs/in-page-ui.md).
 */
import type { ClipperDb } from '@/lib/background/database';
import { findAlreadySaved } from '@/lib/background/outbox';
import { type ButtonState, EXTRACT_JOB, FRAME_PATH } from '@/lib/content/protocol';
import { initialForm } from '@/lib/draft-form';
import { indeedAddress, linkedInAddress } from '@/lib/extract/url';
import {
  contentNoticeSchema,
  frameRequestSchema,
  jobDraftSchema,
  type SaveOutcome,
  type Sender,
} from '@/lib/messages';
import type { OutboxRow } from '@/lib/outbox-row';
import type { ApplicationDraft } from '@/lib/schema';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

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

/** Our button's frame in a tab (never the top frame, never outside a tab), else undefined. */
export function frameTab(
  sender: Sender,
  runtimeId: string,
  extensionOrigin: string,
): (ContentTab & { frameId: number }) | undefined {
  const tab = sender.tab;
  const frameId = sender.frameId ?? 0;
  if (sender.id !== runtimeId || tab?.id === undefined || tab.id < 0 || frameId <= 0)
    return undefined;
  // By prefix: `URL.origin` is "null" for every chrome-extension:// and moz-extension:// address.
  const url = sender.url ?? '';
  if (!url.startsWith(extensionOrigin)) return undefined;
  const path = `/${url.slice(extensionOrigin.length).replace(/^\/+/, '').split(/[?#]/)[0]}`;
  // The tab's address follows pushState; the frame's own address says nothing about the job.
  if (path !== FRAME_PATH) return undefined;
  return {
    tabId: tab.id,
    index: tab.index,
    windowId: tab.windowId,
    jobKey: jobKeyOf(tab.url),
    frameId,
  };
}

/** A job site's content script: the top frame of a real tab, not a page of this extension. */
export function contentTab(
  sender: Sender,
  runtimeId: string,
  extensionOrigin: string,
): ContentTab | undefined {
  const tab = sender.tab;
  if (sender.id !== runtimeId || tab?.id === undefined || tab.id < 0 || sender.frameId !== 0)
    return undefined;
  if ((sender.url ?? '').startsWith(extensionOrigin)) return undefined;
  return { tabId: tab.id, index: tab.index, windowId: tab.windowId, jobKey: jobKeyOf(tab.url) };
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
  /** A message to the content script of the tab's top frame (`tabs.sendMessage`, frame 0). */
  askTab(tabId: number, message: object): Promise<unknown>;
  /** Whether the user can see the frame `frameId` of the tab (lib/content/visible.ts). */
  checkFrame(tabId: number, frameId: number): Promise<boolean>;
  /** Tells the tab's button frames to ask again what to show. */
  refreshFrames(tabId: number): void;
}

export const CLIP_REFUSED = { ok: false, error: 'This request was refused.' } as const;

/** The frame's offer once the site said an application for the tab's job was sent. */
export const OFFER_APPLIED: ButtonState = {
  text: 'Save as applied',
  title: 'You sent an application for this job: save it to CareerTrack as applied',
};

/** How a save of the tab's job goes. */
interface SaveHow {
  /**
   * Status "applied" (with today's applied date, if the user fills it), whatever the default; by
   * default, when the site said an application for the tab's job was sent (a click, the shortcut).
   */
  applied?: boolean;
  /** Nobody clicked: a job that lacks details waits for a click instead of opening the popup. */
  unasked?: boolean;
}

/** The frame says this when the click opened the popup instead of saving. */
export const OPENED_POPUP: ButtonState = {
  text: 'See the popup',
  title: 'This click was not on a button you could see: check the job in the popup',
};

export function createClipHandler(deps: ClipDeps) {
  /** The last outcome shown on each tab, for its job: what a reloaded frame shows again. */
  const shown = new Map<number, { jobKey: string; state: ButtonState }>();
  /** The job of each tab whose site said an application for it was sent. */
  const sentOn = new Map<number, string>();
  const appliedHere = (tab: ContentTab) => !!tab.jobKey && sentOn.get(tab.tabId) === tab.jobKey;

  async function savedDetail(jobKey: string): Promise<string | null> {
    const row = await findAlreadySaved(deps.db, jobKey);
    return row ? savedOn(row) : null;
  }

  /** What the tab's button says now: this session's outcome, else the history's, else nothing. */
  async function stateOf(tab: ContentTab): Promise<ButtonState | null> {
    const jobKey = tab.jobKey;
    if (!jobKey) {
      await deps.markTab(tab.tabId, null);
      return null;
    }
    const detail = await savedDetail(jobKey);
    await deps.markTab(tab.tabId, detail);
    const recent = shown.get(tab.tabId);
    if (recent?.jobKey === jobKey) return recent.state;
    if (detail) return { text: 'Already saved', title: detail };
    return appliedHere(tab) ? OFFER_APPLIED : null;
  }

  /**
   * Reads the tab's job from its content script and saves it with the user's defaults; undefined
   * when the tab has no content script or its page names another job than its address.
   */
  async function saveTab(tab: ContentTab, how: SaveHow = {}): Promise<ButtonState | undefined> {
    const jobKey = tab.jobKey;
    if (!jobKey) return undefined;
    const read = jobDraftSchema.safeParse(
      await deps.askTab(tab.tabId, { type: EXTRACT_JOB }).catch(() => undefined),
    );
    // Only the job the tab's address names: a page cannot have another one saved.
    if (!read.success || read.data.job_key !== jobKey) return undefined;
    // Settings share the outbox's IndexedDB: when it cannot be read the save below fails in words,
    // so the defaults only shape a draft that is refused anyway.
    const settings = await deps.settings().catch(() => DEFAULT_SETTINGS);
    const applied = how.applied ?? appliedHere(tab);
    const defaults = applied ? { ...settings, default_status: 'applied' as const } : settings;
    const form = initialForm(read.data, defaults, new Date(deps.now()));
    const outcome = await deps.save(form, jobKey);
    // Required fields the page lacks: the click goes on to the form, where the user adds them.
    if (outcome.state === 'invalid' && !how.unasked) await deps.openPopup(tab);
    // Storage that failed the save fails this read too: the button still gets the save's words.
    const detail = await savedDetail(jobKey).catch(() => null);
    await deps.markTab(tab.tabId, detail);
    const state = buttonFor(outcome, detail);
    shown.set(tab.tabId, { jobKey, state });
    deps.refreshFrames(tab.tabId);
    return state;
  }

  /** A click in the frame: saved only when the frame and the content script both saw it shown. */
  async function clickIn(tab: ContentTab & { frameId: number }, visible: boolean | null) {
    const seen =
      visible !== false && (await deps.checkFrame(tab.tabId, tab.frameId).catch(() => false));
    if (!seen) {
      await deps.openPopup(tab);
      return OPENED_POPUP;
    }
    return (await saveTab(tab)) ?? buttonFor({ state: 'error', message: 'Reload the page' }, null);
  }

  /**
   * The site showed its "application sent" in the tab: its job (the one the address names, never
   * one the page gives) is saved as applied when the user chose so, else the frame offers it. Once
   * per job and tab; a job saved before is left as it is. The content script learns nothing back.
   */
  async function handleContent(message: unknown, tab: ContentTab): Promise<unknown> {
    if (!contentNoticeSchema.safeParse(message).success) return CLIP_REFUSED;
    const jobKey = tab.jobKey;
    if (!jobKey || appliedHere(tab)) return null;
    sentOn.set(tab.tabId, jobKey);
    const settings = await deps.settings().catch(() => DEFAULT_SETTINGS);
    const saved = await savedDetail(jobKey).catch(() => null);
    if (settings.save_when_applied && !saved) await saveTab(tab, { applied: true, unasked: true });
    else deps.refreshFrames(tab.tabId);
    return null;
  }

  async function handleFrame(
    message: unknown,
    tab: ContentTab & { frameId: number },
  ): Promise<unknown> {
    const parsed = frameRequestSchema.safeParse(message);
    if (!parsed.success) return CLIP_REFUSED;
    if (parsed.data.type === 'frame:state') {
      const state = await stateOf(tab);
      return { ...(state ?? { text: '', title: '' }), tabId: tab.tabId };
    }
    return clickIn(tab, parsed.data.visible);
  }

  /** The tab's address changed: its toolbar mark and its frames follow. */
  async function tabChanged(tab: ContentTab): Promise<void> {
    await stateOf(tab);
    deps.refreshFrames(tab.tabId);
  }

  return { handleFrame, handleContent, saveTab, tabChanged };
}
