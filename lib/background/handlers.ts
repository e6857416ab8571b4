/**
 * The background's wiring: one factory that registers every listener synchronously (a woken worker
 * must find its listener before the first await) and answers the pages' and the content scripts'
 * messages. entrypoints/background.ts calls `startBackground({ browser })`, then the shortcut's
 * and the menu's `registerSaveTriggers` (lib/background/triggers.ts).
 */

import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { ApplicationDraft } from '@/lib/application';
import { type Api, canCarrySecrets, createApi, insecureMessage } from '@/lib/background/api-client';
import { createApplicationsList, forgetApplications } from '@/lib/background/applications';
import {
  type BadgeSurface,
  badgeSurface,
  readBadgeState,
  showBadge,
  showSavedOnTab,
  type TabSurface,
} from '@/lib/background/badge';
import {
  type ContentTab,
  contentTab,
  createClipHandler,
  frameTab,
  jobKeyOf,
} from '@/lib/background/clip-handlers';
import { declaredScriptFor, type ScriptsBrowser } from '@/lib/background/content-scripts';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { statusChangeOf } from '@/lib/background/frame-status';
import { createIndeedApplyWatch, type TabInfo } from '@/lib/background/indeed-apply';
import { type OpenerBrowser, openPopupFor } from '@/lib/background/open-page';
import { openRecord } from '@/lib/background/open-record';
import {
  deleteRow,
  findAlreadySaved,
  listGroup,
  type OutboxGroup,
  requeue,
  saveToOutbox,
} from '@/lib/background/outbox';
import {
  ensureDailyAlarm,
  NEXT_STEPS_ALARM,
  type ReminderBrowser,
  registerReminders,
  scheduleNextDay,
} from '@/lib/background/reminders';
import { type LegacySettingsArea, rememberSettings } from '@/lib/background/settings-store';
import { coalesce, createSyncEngine, type SyncEngine } from '@/lib/background/sync-engine';
import { readJobFromTab } from '@/lib/background/tab-job';
import {
  type Auth,
  clearSession,
  currentAuth,
  getSession,
  normalizeApiUrl,
  setSession,
} from '@/lib/background/token-store';
import { DELETED_MESSAGE, queueUpdate, savedRecordFor } from '@/lib/background/updates';
import { FRAME_HEIGHT, FRAME_REFRESH, FRAME_WIDTH } from '@/lib/content/protocol';
import { frameVisible, nudgeFrame } from '@/lib/content/visible';
import { changedFields } from '@/lib/draft-form';
import {
  isExtensionPage,
  type OutboxRowView,
  type PageRequest,
  type PageResponses,
  pageRequestSchema,
  type SaveOutcome,
  type Sender,
  type UpdateOutcome,
} from '@/lib/messages';
import { isUpdate, type OutboxRow } from '@/lib/outbox-row';
import { validateDraft } from '@/lib/schema';

export const SYNC_ALARM = 'sync';
/** A save answers within seconds: past this it says "queued" and the engine carries on. */
export const SAVE_WAIT_MS = 5_000;
/** How long the badge lags a change at most; far below what a person notices. */
export const BADGE_REDRAW_MS = 150;
/** How many rows of each group the popup gets; synced rows are history, so only the latest. */
const LIST_LIMITS: Record<OutboxGroup, number> = { attention: 100, waiting: 100, synced: 20 };

interface Listenable<F> {
  addListener(callback: F): void;
}

/** The parts of the WebExtension API the background uses: the real `browser` or WXT's fake. */
export interface BackgroundBrowser {
  runtime: ScriptsBrowser['runtime'] & {
    id: string;
    getURL(path: string): string;
    onMessage: Listenable<(message: unknown, sender: Sender) => Promise<unknown> | undefined>;
    onStartup: Listenable<() => unknown>;
    onInstalled: Listenable<() => unknown>;
  };
  /** Only to move the settings older versions kept there (lib/background/settings-store.ts). */
  storage: { local: LegacySettingsArea };
  alarms: {
    create(
      name: string,
      info: { periodInMinutes: number; delayInMinutes?: number } | { when: number },
    ): unknown;
    get(name: string): Promise<unknown>;
    onAlarm: Listenable<(alarm: { name: string }) => unknown>;
  };
  action?: BadgeSurface;
  browserAction?: BadgeSurface;
  /** Present once the optional permission is granted (lib/background/reminders.ts). */
  notifications?: ReminderBrowser['notifications'];
  permissions?: ReminderBrowser['permissions'];
  /**
   * Runs the frame's visibility check, and its nudge, in a tab's content-script world; and the
   * generic extractor on a page without a content script, for the popup.
   */
  scripting?: {
    executeScript<Args extends unknown[]>(injection: {
      target: { tabId: number; frameIds: number[] };
      func: (...args: Args) => unknown;
      args: Args;
    }): Promise<Array<{ result?: unknown }>>;
    executeScript(injection: {
      target: { tabId: number };
      files: ScriptPublicPath[];
    }): Promise<Array<{ result?: unknown }>>;
  };
  tabs: OpenerBrowser['tabs'] & {
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    /** The address of a tab changed (pushState too): its button and toolbar mark follow. */
    onUpdated?: Listenable<
      (
        tabId: number,
        change: { url?: string },
        tab: { index?: number; windowId?: number; openerTabId?: number },
      ) => unknown
    >;
    /** Indeed Apply's opener tab: the job its address names (lib/background/indeed-apply.ts). */
    get?(tabId: number): Promise<TabInfo | undefined>;
    onRemoved?: Listenable<(tabId: number) => unknown>;
  };
}

export interface BackgroundDeps {
  browser: BackgroundBrowser;
  db?: ClipperDb;
  clock?: { now(): number };
  random?: () => number;
  fetch?: typeof globalThis.fetch;
  /** Per request; 20 s unless a test needs a shorter one. */
  timeoutMs?: number;
  saveWaitMs?: number;
  /** How a live worker wakes itself for a retry due before the next alarm. */
  setTimer?: (callback: () => void, ms: number) => () => void;
  /** A message to a tab's top-frame content script; by default `tabs.sendMessage`. */
  askTab?: (tabId: number, message: object) => Promise<unknown>;
  /** Whether the user can see a tab's button frame; by default lib/content/visible.ts in the tab. */
  checkFrame?: (tabId: number, frameId: number) => Promise<boolean>;
  /** How the popup opens for a content script's tab (its page lacks required fields). */
  openPopup?: (tab: ContentTab) => Promise<void>;
}

export interface Background {
  /** The listener's logic: an answer, or a refusal for a malformed message or a foreign sender. */
  handle(message: unknown, sender: Sender): Promise<unknown>;
  /**
   * The shortcut's and the menu's save on a LinkedIn or Indeed tab: what the in-page button does.
   * False when there is nothing to save there (no content script, another job on the page).
   */
  saveTab(tab: ContentTab): Promise<boolean>;
  /**
   * A change to the saved application whose create is row `rowId` (`application:update`'s work,
   * for the in-page button's quick status change too): written to the outbox, then answered as it
   * stands after its first attempt or a few seconds.
   */
  updateApplication(rowId: number, changes: ApplicationDraft): Promise<UpdateOutcome>;
  engine: SyncEngine;
  db: ClipperDb;
  /** The settings store; pages change it by message, tests also directly. */
  settings: ReturnType<typeof rememberSettings>;
  refreshBadge(): Promise<void>;
  /** Resolves when the start-up work (alarm, badge, first pass) is done. */
  started: Promise<void>;
}

const REFUSED = { ok: false, error: 'This request was refused.' } as const;

export function startBackground(deps: BackgroundDeps): Background {
  const { browser } = deps;
  const db = deps.db ?? openDb();
  const clock = deps.clock ?? Date;
  const setTimer = deps.setTimer ?? defaultTimer;
  const extensionOrigin = browser.runtime.getURL('');
  const waiters = new Map<number, Set<() => void>>();
  let cancelWake: (() => void) | undefined;

  const apiFor = (baseUrl: string, token?: string): Api =>
    createApi({ baseUrl, token, fetch: deps.fetch, timeoutMs: deps.timeoutMs });
  const settings = rememberSettings(db, browser.storage.local);
  const auth = async (): Promise<Auth> => currentAuth(db, (await settings.get()).api_url);

  const refreshBadge = coalesce(async () => {
    const signinNeeded = (await auth()).state !== 'ready';
    await showBadge(badgeSurface(browser), await readBadgeState(db, signinNeeded, clock.now()));
  }, console.error);
  // Counting rows is the costly part of a redraw: a burst of saves, or a queue draining, redraws
  // once per burst instead of once per row, which kept every save waiting on a count.
  let badgeDue: (() => void) | undefined;
  const redrawBadgeSoon = () => {
    badgeDue ??= setTimer(() => {
      badgeDue = undefined;
      void refreshBadge();
    }, BADGE_REDRAW_MS);
  };

  const reminders = registerReminders({ browser, db, settings: settings.get, now: clock.now });

  const engine = createSyncEngine({
    db,
    clock,
    random: deps.random ?? Math.random,
    settings,
    api: ({ baseUrl, token }) => apiFor(baseUrl, token),
    onChange(row) {
      redrawBadgeSoon();
      // A save waits for its row to leave 'sending'; null means the queue paused for sign-in.
      if (row && row.state === 'sending') return;
      for (const [id, resolvers] of waiters) {
        if (row && row.id !== id) continue;
        for (const resolve of resolvers) resolve();
      }
    },
    wakeAt(time) {
      cancelWake?.();
      cancelWake = setTimer(() => void engine.nudge(), Math.max(time - clock.now(), 0));
    },
  });

  /** The row after its first attempt, or as it stands after `SAVE_WAIT_MS`. */
  async function outcomeOf(rowId: number): Promise<SaveOutcome> {
    return describeRow(await settledRow(rowId), await auth());
  }

  async function settledRow(rowId: number): Promise<OutboxRow | undefined> {
    // Listening before the first await, so that no change to the row can slip by unseen.
    let done = () => {};
    const settled = new Promise<void>((resolve) => {
      done = resolve;
    });
    const resolvers = waiters.get(rowId) ?? new Set();
    resolvers.add(done);
    waiters.set(rowId, resolvers);
    const stopTimer = setTimer(done, deps.saveWaitMs ?? SAVE_WAIT_MS);
    try {
      void engine.nudge();
      if ((await auth()).state === 'ready') await settled;
      return await db.outbox.get(rowId);
    } finally {
      stopTimer();
      resolvers.delete(done);
      if (resolvers.size === 0) waiters.delete(rowId);
    }
  }

  async function save(draft: ApplicationDraft, jobKey: string, force?: boolean) {
    const valid = validateDraft(draft);
    if (!valid.ok) return { state: 'invalid', fieldErrors: valid.fieldErrors } as const;
    // Read alongside the write; a failure to read it must not turn a saved row into "Not saved".
    const session = auth().catch(() => undefined);
    let saved: Awaited<ReturnType<typeof saveToOutbox>>;
    try {
      saved = await saveToOutbox(db, { draft: valid.value, jobKey, force }, clock.now());
    } catch (error) {
      return { state: 'error', message: storageFailure(error) } as const;
    }
    redrawBadgeSoon();
    if (saved.kind === 'duplicate')
      return { state: 'duplicate', ...previousSave(saved.previous) } as const;
    // Nothing can send without a session: the row just written is the answer, and waking the
    // engine would only read the session again to find that out.
    const current = await session;
    if (current && current.state !== 'ready') return describeRow(saved.row, current);
    return outcomeOf(saved.row.id);
  }

  /** Writes an update, then answers as the row stands after its first attempt (or seconds). */
  async function update(rowId: number, changes: ApplicationDraft): Promise<UpdateOutcome> {
    let queued: Awaited<ReturnType<typeof queueUpdate>>;
    try {
      queued = await queueUpdate({ db, now: () => clock.now() }, rowId, changes);
    } catch (error) {
      return { state: 'error', message: storageFailure(error).replace('Not saved', 'Not updated') };
    }
    if (queued.kind === 'invalid') return { state: 'invalid', fieldErrors: queued.fieldErrors };
    if (queued.kind === 'deleted') return { state: 'deleted', message: queued.message };
    if (queued.kind !== 'queued') return { state: 'error', message: queued.message };
    redrawBadgeSoon();
    const row = await settledRow(queued.updateRowId);
    return describeUpdate(row, await auth());
  }

  async function requeueAndWait(id: number, draft?: ApplicationDraft): Promise<SaveOutcome> {
    const row = await db.outbox.get(id);
    // An update edited in the outbox: what the user changed in it joins the changes to send.
    if (draft && row && isUpdate(row) && row.record_row !== undefined) {
      const changes = changedFields(row.draft, draft);
      if (Object.keys(changes).length > 0) {
        return asSaveOutcome(await update(row.record_row, changes), row.server_id);
      }
      draft = undefined; // nothing edited: sent again as it is
    }
    let value: Parameters<typeof requeue>[3];
    if (draft) {
      const valid = validateDraft(draft);
      if (!valid.ok) return { state: 'invalid', rowId: id, fieldErrors: valid.fieldErrors };
      value = valid.value;
    }
    const result = await requeue(db, id, clock.now(), value);
    if (result.kind === 'missing')
      return { state: 'error', message: 'This save is no longer in the outbox.' };
    if (result.kind !== 'ok') return describeRow(await db.outbox.get(id), await auth());
    redrawBadgeSoon();
    return outcomeOf(id);
  }

  const listApplications = createApplicationsList({
    db,
    auth,
    apiFor: (baseUrl, token) => apiFor(baseUrl, token),
    now: () => clock.now(),
  });

  async function signIn(apiUrl: string, token: string, email: string | null) {
    await setSession(db, { token, apiUrl, email }, clock.now());
    await forgetApplications(db);
    await settings.update({ api_url: normalizeApiUrl(apiUrl), email });
    void refreshBadge();
    void engine.nudge();
  }

  /** Runs `func` in the tab's top frame, in the world its content script shares. */
  const inContentWorld = <Args extends unknown[]>(
    tabId: number,
    func: (...args: Args) => unknown,
    args: Args,
  ) => browser.scripting?.executeScript({ target: { tabId, frameIds: [0] }, func, args });

  // Chrome's types know no `null` text, which clears a tab's own badge in both browsers.
  const surface = badgeSurface(browser) as (BadgeSurface & Partial<TabSurface>) | undefined;
  const handleClip = createClipHandler({
    db,
    now: () => clock.now(),
    settings: settings.get,
    save: (draft, jobKey) => save(draft, jobKey),
    markTab: (tabId, detail) =>
      showSavedOnTab(surface?.setTitle ? (surface as TabSurface) : undefined, tabId, detail),
    openPopup:
      deps.openPopup ??
      ((tab) => openPopupFor(browser as OpenerBrowser, { ...tab, id: tab.tabId })),
    askTab:
      deps.askTab ?? ((tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 })),
    checkFrame:
      deps.checkFrame ??
      (async (tabId, frameId) => {
        const [ran] =
          (await inContentWorld(tabId, frameVisible, [frameId, FRAME_WIDTH, FRAME_HEIGHT])) ?? [];
        return ran?.result === true;
      }),
    // Every page of the extension hears it, and only the frames in that tab act on it; in Firefox
    // none inside a web page hears it, so the tab's content-script world passes it on as well.
    refreshFrames: (tabId) => {
      const sent = (
        browser.runtime as { sendMessage?: (m: unknown) => Promise<unknown> }
      ).sendMessage?.({ type: FRAME_REFRESH, tabId });
      sent?.catch(() => {});
      // A nudge, at best: a tab without the content script, or a browser without `scripting`.
      Promise.resolve()
        .then(() => inContentWorld(tabId, nudgeFrame, [FRAME_REFRESH]))
        .catch(() => {});
    },
    // The in-page status change: the popup's update, through the outbox.
    savedStatus: (jobKey) => savedRecordFor(db, jobKey),
    changeStatus: async (saved, status) => statusChangeOf(await update(saved.rowId, { status })),
  });

  const handlers: {
    [T in PageRequest['type']]: (
      request: Extract<PageRequest, { type: T }>,
    ) => Promise<PageResponses[T]>;
  } = {
    'outbox:save': (request) =>
      save(request.draft as ApplicationDraft, request.jobKey, request.force),

    async 'outbox:list'() {
      void engine.nudge();
      const groups = await Promise.all(
        (Object.keys(LIST_LIMITS) as OutboxGroup[]).map((group) =>
          listGroup(db, group, { offset: 0, limit: LIST_LIMITS[group] }),
        ),
      );
      const rows = groups
        .flatMap((group) => group.rows)
        .sort((a, b) => b.updated_at - a.updated_at || b.id - a.id)
        .map(toView);
      return { rows, waitingForSignIn: (await auth()).state !== 'ready' };
    },

    'outbox:retry': (request) => requeueAndWait(request.id),

    'outbox:resend': (request) => requeueAndWait(request.id, request.draft as ApplicationDraft),

    async 'outbox:delete'(request) {
      const deleted = await deleteRow(db, request.id);
      void refreshBadge();
      return deleted ? { ok: true } : { ok: false, error: 'This save is no longer in the outbox.' };
    },

    'job:read': (request) =>
      readJobFromTab(request.tabId, {
        ask: (tabId, message) => browser.tabs.sendMessage(tabId, message),
        inject: async (tabId, files) => {
          const injections = await browser.scripting?.executeScript({
            target: { tabId },
            // The manifest's own content script files or an injected extractor: public paths.
            files: files as ScriptPublicPath[],
          });
          return injections?.at(-1)?.result;
        },
        address: async (tabId) => (await browser.tabs.get?.(tabId))?.url,
        declaredScript: (url) => declaredScriptFor(browser, url),
      }),

    async 'history:lookup'(request) {
      const previous = await findAlreadySaved(db, request.jobKey);
      return previous ? previousSave(previous) : null;
    },

    async 'auth:status'() {
      const [current, { api_url }] = await Promise.all([auth(), settings.get()]);
      return {
        apiUrl: api_url,
        email: current.state === 'ready' ? current.email : null,
        signedIn: current.state === 'ready',
        message: current.state === 'ready' ? null : current.message,
      };
    },

    async 'auth:login'(request) {
      if (!canCarrySecrets(request.apiUrl)) {
        return { ok: false, error: insecureMessage(request.apiUrl) };
      }
      const result = await apiFor(request.apiUrl).login(request.email, request.password);
      if (result.kind === 'signed-in') {
        await signIn(request.apiUrl, result.token, result.email);
        return { ok: true, email: result.email };
      }
      if (result.kind === 'invalid') {
        return { ok: false, error: result.fieldErrors.email?.[0] ?? result.message };
      }
      return { ok: false, error: result.message };
    },

    async 'auth:token'(request) {
      if (!canCarrySecrets(request.apiUrl)) {
        return { ok: false, error: insecureMessage(request.apiUrl) };
      }
      const token = request.token.trim();
      const check = await apiFor(request.apiUrl, token).testConnection();
      if (check.verdict !== 'connected') return { ok: false, error: check.message };
      // CareerTrack has no "who am I" route: a pasted token does not tell whose it is.
      await signIn(request.apiUrl, token, null);
      return { ok: true, email: null };
    },

    async 'auth:logout'() {
      const session = await getSession(db);
      if (session && canCarrySecrets(session.api_url)) {
        // Revokes the token on the server when it can be reached; signing out here happens anyway.
        await apiFor(session.api_url, session.token).logout();
      }
      await clearSession(db);
      await forgetApplications(db);
      await settings.update({ email: null });
      void refreshBadge();
      return { ok: true };
    },

    'settings:get': () => settings.get(),

    async 'settings:update'(request) {
      const updated = await settings.updateDefaults(request.defaults);
      // Reminders just turned on: today's are due now, not at the next start.
      if (request.defaults.next_step_reminders === 'on') void reminders.check();
      return updated;
    },

    async 'connection:test'(request) {
      const session = await getSession(db);
      const sameServer = session?.api_url === normalizeApiUrl(request.apiUrl);
      const secure = canCarrySecrets(request.apiUrl);
      const check = await apiFor(
        request.apiUrl,
        sameServer && secure ? session?.token : undefined,
      ).testConnection();
      if (check.verdict === 'signed-out' && sameServer && !secure) {
        return { verdict: check.verdict, message: insecureMessage(request.apiUrl) };
      }
      return {
        verdict: check.verdict,
        message: check.message,
        ...(check.verdict === 'connected' && session?.email ? { email: session.email } : {}),
      };
    },

    async 'applications:list'(request) {
      const answer = await listApplications(request.query);
      // A fresh copy may move today's next steps, which the badge counts.
      redrawBadgeSoon();
      return answer;
    },

    'application:open': (request) =>
      openRecord(
        { db, auth, apiFor: (baseUrl, token) => apiFor(baseUrl, token) },
        request.jobKey,
        request.live === true,
      ),

    'application:update': (request) => update(request.rowId, request.changes as ApplicationDraft),
  };

  async function handle(message: unknown, sender: Sender): Promise<unknown> {
    // The in-page button's frame gets its two requests about its own tab's job, nothing else;
    // content scripts say one bare thing and get nothing back (they answer, never ask).
    const frame = frameTab(sender, browser.runtime.id, extensionOrigin);
    if (frame) return handleClip.handleFrame(message, frame);
    const page = contentTab(sender, browser.runtime.id, extensionOrigin);
    if (page) return handleClip.handleContent(message, page);
    // Settings, the token and the outbox answer only this extension's own pages.
    if (!isExtensionPage(sender, browser.runtime.id, extensionOrigin)) return REFUSED;
    const parsed = pageRequestSchema.safeParse(message);
    if (!parsed.success) return REFUSED;
    const request = parsed.data;
    const handler = handlers[request.type] as (request: PageRequest) => Promise<unknown>;
    return handler(request);
  }

  // The listeners return their work's promise: browsers ignore it, tests can wait for it.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) return engine.nudge();
    if (alarm.name !== NEXT_STEPS_ALARM) return undefined;
    // A new day: its next steps on the badge and in notifications, and the next day's alarm.
    return Promise.all([refreshBadge(), reminders.check(), scheduleNextDay(browser, clock.now())]);
  });
  const indeedApply = createIndeedApplyWatch({
    getTab: async (tabId) => browser.tabs.get?.(tabId),
    applicationSent: (tab) => handleClip.applicationSent(tab),
  });
  browser.tabs.onUpdated?.addListener((tabId, change, tab) =>
    change.url === undefined
      ? undefined
      : Promise.all([
          handleClip.tabChanged({ tabId, ...tab, jobKey: jobKeyOf(change.url) }),
          indeedApply.addressChanged(tabId, change.url, tab),
        ]),
  );
  browser.tabs.onRemoved?.addListener((tabId) => indeedApply.forget(tabId));
  browser.runtime.onStartup.addListener(() => engine.nudge());
  browser.runtime.onInstalled.addListener(() => engine.nudge());
  const started = Promise.all([
    ensureAlarm(browser),
    ensureDailyAlarm(browser, clock.now()),
    refreshBadge(),
    engine.nudge(),
    reminders.check(),
  ]).then(() => {}, console.error);

  const saveTab = async (tab: ContentTab) => !!(await handleClip.saveTab(tab));
  return {
    handle,
    saveTab,
    updateApplication: update,
    engine,
    db,
    settings,
    refreshBadge,
    started,
  };
}

/** Chrome keeps alarms across worker restarts; re-creating one would push its next run back. */
async function ensureAlarm(browser: BackgroundBrowser) {
  if (!(await browser.alarms.get(SYNC_ALARM))) {
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
  }
}

function defaultTimer(callback: () => void, ms: number): () => void {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
}

function describeRow(row: OutboxRow | undefined, auth: Auth): SaveOutcome {
  if (!row) return { state: 'error', message: 'This save is no longer in the outbox.' };
  if (row.state === 'synced' && row.server_id !== null) {
    return { state: 'saved', rowId: row.id, serverId: row.server_id };
  }
  if (row.state === 'attention') {
    if (row.field_errors) return { state: 'invalid', rowId: row.id, fieldErrors: row.field_errors };
    return { state: 'error', message: row.last_error ?? 'CareerTrack refused this save.' };
  }
  if (auth.state !== 'ready') return { state: 'signin', rowId: row.id };
  return {
    state: 'queued',
    rowId: row.id,
    reason:
      row.state === 'sending'
        ? 'It is being sent to CareerTrack now.'
        : (row.last_error ?? 'It waits its turn and will be sent automatically.'),
  };
}

function describeUpdate(row: OutboxRow | undefined, auth: Auth): UpdateOutcome {
  if (row?.deleted) return { state: 'deleted', rowId: row.id, message: DELETED_MESSAGE };
  const outcome = describeRow(row, auth);
  if (outcome.state === 'saved') return { state: 'updated', rowId: outcome.rowId };
  if (outcome.state === 'duplicate') return { state: 'queued', rowId: outcome.rowId, reason: '' };
  return outcome;
}

/** An update's answer where a save's is expected (the outbox's "Edit and resend"). */
function asSaveOutcome(outcome: UpdateOutcome, serverId: number | null): SaveOutcome {
  if (outcome.state === 'updated') {
    return { state: 'saved', rowId: outcome.rowId, serverId: serverId ?? 0 };
  }
  if (outcome.state === 'deleted') return { state: 'error', message: outcome.message };
  return outcome;
}

/** The fields of `edited` that differ from `before` (a field emptied counts, as ""). */
function previousSave(row: OutboxRow) {
  return {
    savedAt: new Date(row.synced_at ?? row.created_at).toISOString(),
    status: row.state,
    rowId: row.id,
  };
}

function toView(row: OutboxRow): OutboxRowView {
  return {
    id: row.id,
    kind: row.kind ?? 'create',
    deleted: row.deleted,
    job_key: row.job_key,
    draft: row.draft,
    state: row.state,
    last_error: row.last_error,
    field_errors: row.field_errors,
    next_attempt_at: row.next_attempt_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    synced_at: row.synced_at,
  };
}

/** Dexie's errors that mean IndexedDB cannot be used at all (its cause is in `inner`). */
const STORAGE_UNAVAILABLE = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'SecurityError',
]);

function storageFailure(error: unknown): string {
  // Dexie wraps the browser's error: a database that failed to open says DatabaseClosedError to
  // every later call, with the browser's InvalidStateError or QuotaExceededError inside.
  const names: string[] = [];
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    names.push(cause.name);
    cause = (cause as Error & { inner?: unknown }).inner;
  }
  const why = names.includes('QuotaExceededError')
    ? "the browser's storage is full"
    : names.some((name) => STORAGE_UNAVAILABLE.has(name))
      ? "the browser's storage for extensions is not available (a private window, or a browser setting?)"
      : `the browser's storage failed (${error instanceof Error ? error.message : String(error)})`;
  return `Not saved: ${why}. Nothing was sent to CareerTrack.`;
}
