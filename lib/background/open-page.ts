/**
 * Opening the popup for a tab from the background: the toolbar popup where the
 * browser allows it (Chrome 127+ without a gesture; Firefox only inside the handler of a user
 * action such as a shortcut or a menu click), else the popup as a page in a new tab beside it.
 */

export interface OpenerTab {
  id: number;
  index?: number;
  windowId?: number;
}

export interface OpenerBrowser {
  runtime: { getURL(path: string): string };
  tabs: { create(properties: { url: string; index?: number; openerTabId?: number }): unknown };
  /** Chrome's MV3 `action`, Firefox's MV2 `browserAction`; not every version has `openPopup`. */
  action?: object;
  browserAction?: object;
}

type Action = { openPopup?(options?: { windowId?: number }): Promise<void> } | undefined;

/** Call it before any await in a user action's handler: Firefox forgets the action after one. */
export async function openPopupFor(browser: OpenerBrowser, tab: OpenerTab): Promise<void> {
  const action = (browser.action ?? browser.browserAction) as Action;
  try {
    if (action?.openPopup) {
      return await action.openPopup(
        tab.windowId === undefined ? undefined : { windowId: tab.windowId },
      );
    }
  } catch {
    // Not allowed here (no user action, no focused window): a tab instead.
  }
  await browser.tabs.create({
    // `tabId` makes the popup read that tab, not the one it opens in.
    url: browser.runtime.getURL(`/popup.html?tabId=${tab.id}`),
    openerTabId: tab.id,
    ...(tab.index === undefined ? {} : { index: tab.index + 1 }),
  });
}
