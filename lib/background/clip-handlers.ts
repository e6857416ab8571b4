/**
 * The in-page button's requests. The button is an extension-origin frame in the job page: it asks
 * what to show for the job its tab's address names, and saves that job on a click the user can
 * see. The job is read by the tab's content script; what the user saved goes only to the frame
 * and the toolbar, never to the content script or the page (docs/in-page-ui.md).
 */

import type { ApplicationDraft, Status } from '@/lib/application';
import type { ClipperDb } from '@/lib/background/database';
import {
  changedButton,
  type SavedStatus,
  type StatusChange,
  statusButton,
  withStatus,
} from '@/lib/background/frame-status';
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

/** "Saved on 3 Mar · applied", in the user's words for dates; `status` the latest one chosen. */
export function savedOn(row: OutboxRow, status: string | null = row.draft.status ?? null): string {
  return savedWhen(row, ` · ${status ?? 'applied'}`);
}

/** "Saved on 3 Mar", then `between`, then whether CareerTrack has it yet. */
function savedWhen(row: OutboxRow, between = ''): string {
  const date = new Date(row.created_at).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
  });
  const waiting = row.state === 'synced' ? '' : ' · waiting to be sent';
  return `Saved on ${date}${between}${waiting}`;
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
  /** The job's saved record as last known here (the latest change the user made), else null. */
  savedStatus(jobKey: string): Promise<SavedStatus | null>;
  /** Queues a status change of that record, sent as an update through the outbox. */
  changeStatus(saved: SavedStatus, status: Status): Promise<StatusChange>;
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

/** A status chosen for a job that has no record to change. */
export const NOT_SAVED_YET: ButtonState = {
  text: 'Not saved yet',
  title: 'Save this job first, then its status can change here',
};

export function createClipHandler(deps: ClipDeps) {
  /**
   * The last outcome shown on each tab, for its job and the frame that showed it (none: any
   * frame), which shows it again when it asks; a new frame (the page reloaded or visited again)
   * names the saved job's status instead.
   */
  const shown = new Map<number, { jobKey: string; state: ButtonState; frameId?: number }>();
  /** The job of each tab whose site said an application for it was sent. */
  const sentOn = new Map<number, string>();
  const appliedHere = (tab: ContentTab) => !!tab.jobKey && sentOn.get(tab.tabId) === tab.jobKey;

  /** The job's saved-on line and its record as last known, or nulls when it was never saved. */
  async function savedDetail(jobKey: string) {
    const row = await findAlreadySaved(deps.db, jobKey);
    const saved = row ? await deps.savedStatus(jobKey) : null;
    return { detail: row ? savedOn(row, saved?.status) : null, saved, when: row && savedWhen(row) };
  }

  /** What the tab's button says now: this session's outcome, else the saved status, else nothing. */
  async function stateOf(tab: ContentTab & { frameId?: number }): Promise<ButtonState | null> {
    const jobKey = tab.jobKey;
    if (!jobKey) {
      await deps.markTab(tab.tabId, null);
      return null;
    }
    const { detail, saved, when } = await savedDetail(jobKey);
    await deps.markTab(tab.tabId, detail);
    const recent = shown.get(tab.tabId);
    // Unless the status changed since, elsewhere (the popup): then the record's words are newer.
    const current = !saved || (recent?.state.status ?? saved.status) === saved.status;
    const sameFrame = recent?.frameId === undefined || recent.frameId === tab.frameId;
    if (recent?.jobKey === jobKey && current && sameFrame) return withStatus(recent.state, saved);
    if (saved) return statusButton(saved, when ?? null);
    if (detail) return { text: 'Already saved', title: detail };
    return appliedHere(tab) ? OFFER_APPLIED : null;
  }

  /**
   * Reads the tab's job from its content script and saves it with the user's defaults; undefined
   * when the tab has no content script or its page names another job than its address.
   */
  async function saveTab(
    tab: ContentTab & { frameId?: number },
    how: SaveHow = {},
  ): Promise<ButtonState | undefined> {
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
    const { detail, saved } = await savedDetail(jobKey).catch(() => ({
      detail: null,
      saved: null,
    }));
    await deps.markTab(tab.tabId, detail);
    const state = withStatus(buttonFor(outcome, detail), saved);
    shown.set(tab.tabId, { jobKey, state, frameId: tab.frameId });
    deps.refreshFrames(tab.tabId);
    return state;
  }

  /**
   * Whether the user saw the frame they acted in: its own check (`visible`, null where the browser
   * has none) and the content script's. When not, the popup opens instead, which no page can cover.
   */
  async function seenByUser(tab: ContentTab & { frameId: number }, visible: boolean | null) {
    const seen =
      visible !== false && (await deps.checkFrame(tab.tabId, tab.frameId).catch(() => false));
    if (!seen) await deps.openPopup(tab);
    return seen;
  }

  /** A click in the frame: saved only when the frame and the content script both saw it shown. */
  async function clickIn(tab: ContentTab & { frameId: number }, visible: boolean | null) {
    if (!(await seenByUser(tab, visible))) return OPENED_POPUP;
    return (await saveTab(tab)) ?? buttonFor({ state: 'error', message: 'Reload the page' }, null);
  }

  /** A status chosen in the frame, for the saved job its tab's address names, if the user saw it. */
  async function statusIn(
    tab: ContentTab & { frameId: number },
    status: Status,
    visible: boolean | null,
  ): Promise<ButtonState> {
    const jobKey = tab.jobKey;
    const saved = jobKey ? await deps.savedStatus(jobKey) : null;
    if (!(await seenByUser(tab, visible))) return withStatus(OPENED_POPUP, saved);
    if (!jobKey || !saved) return NOT_SAVED_YET;
    if (saved.status === status) return stateOf(tab).then((state) => state ?? NOT_SAVED_YET);
    const change = await deps
      .changeStatus(saved, status)
      .catch((): StatusChange => ({ state: 'refused', message: 'The change could not be kept.' }));
    const state = changedButton(change.state === 'refused' ? saved : { ...saved, status }, change);
    // Not kept as the tab's outcome: asked again, the frame says what the record then says
    // (queued, then sent), and the toolbar's title names the new status now.
    await stateOf(tab);
    return state;
  }

  /**
   * The site showed its "application sent" in the tab: its job (the one the address names, never
   * one the page gives) is saved as applied when the user chose so, else the frame offers it. Once
   * per job and tab; a job saved before is left as it is. The content script learns nothing back.
   */
  async function handleContent(message: unknown, tab: ContentTab): Promise<unknown> {
    if (!contentNoticeSchema.safeParse(message).success) return CLIP_REFUSED;
    return applicationSent(tab);
  }

  /** An application for the job `tab`'s address names was sent: LinkedIn's dialog, Indeed's page. */
  async function applicationSent(tab: ContentTab): Promise<null> {
    const jobKey = tab.jobKey;
    if (!jobKey || appliedHere(tab)) return null;
    sentOn.set(tab.tabId, jobKey);
    const settings = await deps.settings().catch(() => DEFAULT_SETTINGS);
    const before = await savedDetail(jobKey)
      .then((known) => known.detail)
      .catch(() => null);
    if (settings.save_when_applied && !before) await saveTab(tab, { applied: true, unasked: true });
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
    if (parsed.data.type === 'frame:status')
      return statusIn(tab, parsed.data.status, parsed.data.visible);
    return clickIn(tab, parsed.data.visible);
  }

  /** The tab's address changed: its toolbar mark and its frames follow. */
  async function tabChanged(tab: ContentTab): Promise<void> {
    await stateOf(tab);
    deps.refreshFrames(tab.tabId);
  }

  return { handleFrame, handleContent, applicationSent, saveTab, tabChanged };
}
