import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/** The browser's id for the tab showing `page`, asked of the extension's service worker. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  const id = await browser.worker.evaluate(async (pageUrl) => {
    const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
      .chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id;
  }, url);
  if (typeof id !== 'number') throw new Error(`no tab shows ${url}`);
  return id;
}

/** The popup of the extension opened as a page for the tab showing `jobPage`. */
export async function openPopupFor(browser: ExtensionBrowser, jobPage: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, jobPage);
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl(`popup.html?tabId=${tabId}`));
  return popup;
}
