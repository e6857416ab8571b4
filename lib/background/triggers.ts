/**
 * The keyboard shortcut, the context menu and the content scripts for tabs opened before this
 * version was installed. On a LinkedIn or Indeed job page the shortcut and the menu do what the
 * page's Save button does; on any other page they open the popup, prefilled from that page.
 */
import { type ContentTab, jobKeyOf } from '@/lib/background/clip-handlers';
import { declaredScripts, matchesAny, type ScriptsBrowser } from '@/lib/background/content-scripts';
import { type OpenerBrowser, openPopupFor } from '@/lib/background/open-page';

/** The manifest's command name and the menu entry's id. */
export const SAVE_COMMAND = 'save-job';
export const SAVE_MENU_ID = 'save-job';
export const SAVE_MENU_TITLE = 'Save job to CareerTrack';

interface Listenable<F> {
  addListener(callback: F): void;
}

export interface TriggerTab {
  id?: number;
  url?: string;
  index?: number;
  windowId?: number;
}

type MenuContext = 'page' | 'selection' | 'link';

export interface Menus {
  create(
    properties: { id: string; title: string; contexts: [MenuContext, ...MenuContext[]] },
    done?: () => void,
  ): unknown;
  removeAll(): Promise<void>;
  onClicked: Listenable<(info: { menuItemId: string | number }, tab?: TriggerTab) => unknown>;
}

export interface TriggerBrowser extends OpenerBrowser {
  runtime: OpenerBrowser['runtime'] &
    ScriptsBrowser['runtime'] & {
      lastError?: unknown;
      onInstalled: Listenable<(details: { reason: string }) => unknown>;
    };
  tabs: OpenerBrowser['tabs'] & {
    query(query: { url: string[] }): Promise<TriggerTab[]>;
  };
  /** Absent on Firefox for Android, like the menus. */
  commands?: { onCommand: Listenable<(command: string, tab?: TriggerTab) => unknown> };
  /** Firefox's name; Chrome's is `contextMenus` (Firefox has both). */
  menus?: Menus;
  contextMenus?: Menus;
}

/** The background's save of a tab's job (lib/background/handlers.ts): false, nothing saved. */
export type SaveTab = (tab: ContentTab) => Promise<boolean>;

/** What the shortcut and the menu do in `tab`. */
export function saveFromTab(
  browser: TriggerBrowser,
  saveTab: SaveTab,
  tab: TriggerTab | undefined,
): Promise<void> {
  const id = tab?.id;
  if (id === undefined) return Promise.resolve();
  const target = { ...tab, id };
  const jobKey = jobKeyOf(tab?.url);
  // Decided from the address, before any await: Firefox opens the popup only within the handler.
  if (!jobKey) return openPopupFor(browser, target);
  return saveTab({ tabId: id, index: tab?.index, windowId: tab?.windowId, jobKey }).then(
    (saved) => (saved ? undefined : openPopupFor(browser, target)),
    // No content script answered (the page still loading, or one an update orphaned).
    () => openPopupFor(browser, target),
  );
}

/** `scripting.executeScript` with files: typed by each browser's own overloads, so passed in. */
export type Inject = (tabId: number, files: string[]) => Promise<unknown>;

/** Chrome leaves tabs open before an install or update without the content scripts: add them. */
export async function injectIntoOpenTabs(browser: TriggerBrowser, inject: Inject): Promise<void> {
  for (const { matches, files } of declaredScripts(browser)) {
    // Matched again: `tabs.query` ignores its `url` filter for a tab whose address it may not see.
    const tabs = (await browser.tabs.query({ url: matches }).catch(() => [])).filter((tab) =>
      matchesAny(matches, tab.url),
    );
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : // A tab that cannot take it (discarded, an error page) is left as it is.
            inject(tab.id, files).catch(() => {}),
      ),
    );
  }
}

/** Registers the listeners synchronously, for a worker woken by one of these events. */
export function registerSaveTriggers(
  browser: TriggerBrowser,
  inject: Inject,
  saveTab: SaveTab,
): void {
  const menus = browser.menus ?? browser.contextMenus;
  browser.commands?.onCommand.addListener((command, tab) =>
    command === SAVE_COMMAND ? saveFromTab(browser, saveTab, tab) : undefined,
  );
  menus?.onClicked.addListener((info, tab) =>
    info.menuItemId === SAVE_MENU_ID ? saveFromTab(browser, saveTab, tab) : undefined,
  );
  browser.runtime.onInstalled.addListener(({ reason }) =>
    reason === 'install' || reason === 'update' ? injectIntoOpenTabs(browser, inject) : undefined,
  );
  // Chrome keeps menu entries across restarts, Firefox's persistent page does not: made afresh at
  // every start, after removing any left from before (a second `create` of an id fails).
  void menus
    ?.removeAll()
    .then(() =>
      menus.create(
        { id: SAVE_MENU_ID, title: SAVE_MENU_TITLE, contexts: ['page', 'selection', 'link'] },
        // Read, so that Chrome does not log an "unchecked" error it has nothing to add to.
        () => void browser.runtime.lastError,
      ),
    )
    .catch(() => {});
}
