// The shortcut, the context menu and the content scripts for tabs open before an install or update.
// WXT's fake browser has no commands or menus: those are small stand-ins, and so is the
// background's save of a tab's job (lib/background/clip-handlers.ts), which records what it was asked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  registerSaveTriggers,
  SAVE_COMMAND,
  SAVE_MENU_ID,
  SAVE_MENU_TITLE,
  type TriggerBrowser,
  type TriggerTab,
} from '@/lib/background/triggers';

/** An event with the fake's `trigger`: resolves when every listener's work is done. */
function event<F extends (...args: never[]) => unknown>() {
  const listeners: F[] = [];
  return {
    addListener: (listener: F) => void listeners.push(listener),
    trigger: (...args: Parameters<F>) => Promise.all(listeners.map((l) => l(...args))),
  };
}

const LINKEDIN_JOB = 'https://www.linkedin.com/jobs/search/?currentJobId=4400000013';
const OTHER_PAGE = 'https://jobs.example/careers/123';
const MANIFEST_SCRIPTS = [
  { matches: ['https://*.linkedin.com/*'], js: ['content-scripts/linkedin.js'] },
  { matches: ['https://*.indeed.com/*'], js: ['content-scripts/indeed.js'] },
];

type MenuApi = 'menus' | 'contextMenus';

function setup(
  options: {
    contentAnswer?: () => Promise<unknown>;
    openPopup?: boolean;
    /** Where the browser offers the menu API: Chrome's name, Firefox's, or both (one object). */
    menuApis?: MenuApi[];
  } = {},
) {
  const sent: Array<[number, string | undefined]> = [];
  const injected: Array<[number, string[]]> = [];
  const made: unknown[] = [];
  const openPopup = vi.fn(async () => {});
  const commands = { onCommand: event<(command: string, tab?: TriggerTab) => unknown>() };
  const menuClicks = event<(info: { menuItemId: string | number }, tab?: TriggerTab) => unknown>();
  const installs = event<(details: { reason: string }) => unknown>();
  const tabsByUrl = new Map<string, TriggerTab[]>([
    // A tab the url filter did not apply to, as Chrome leaves one it may not see the address of.
    [
      'https://*.linkedin.com/*',
      [
        { id: 11, url: LINKEDIN_JOB },
        { id: 13 },
        { id: 14, url: 'https://careers.contoso.example/jobs/42' },
      ],
    ],
    [
      'https://*.indeed.com/*',
      [{ id: 12, url: 'https://www.indeed.com/viewjob?jk=54f1f8af68d722d2' }],
    ],
  ]);
  const browser: TriggerBrowser = {
    runtime: {
      getURL: fakeBrowser.runtime.getURL,
      getManifest: () => ({ content_scripts: MANIFEST_SCRIPTS }),
      onInstalled: installs,
    },
    tabs: {
      create: fakeBrowser.tabs.create,
      async query({ url }) {
        return url.flatMap((pattern) => tabsByUrl.get(pattern) ?? []);
      },
    },
    ...(options.openPopup ? { action: { openPopup } } : {}),
    commands,
  };
  const menus: NonNullable<TriggerBrowser['menus']> = {
    create: (properties, done) => {
      made.push(properties);
      done?.();
    },
    removeAll: async () => void made.splice(0),
    onClicked: menuClicks,
  };
  for (const name of options.menuApis ?? ['contextMenus']) browser[name] = menus;
  registerSaveTriggers(
    browser,
    async (tabId, files) => void injected.push([tabId, files]),
    async (tab) => {
      sent.push([tab.tabId, tab.jobKey]);
      return (options.contentAnswer ? await options.contentAnswer() : true) === true;
    },
  );
  const popupTabs = async () =>
    (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u?.includes('popup.html'));
  return { commands, menuClicks, installs, sent, injected, made, openPopup, popupTabs };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the shortcut', () => {
  it('on a LinkedIn or Indeed job page, saves the job as the page button does and opens nothing', async () => {
    const t = setup();
    await t.commands.onCommand.trigger(SAVE_COMMAND, { id: 5, url: LINKEDIN_JOB });
    expect(t.sent).toEqual([[5, 'linkedin:4400000013']]);
    expect(await t.popupTabs()).toEqual([]);
  });

  it('elsewhere, opens the popup for that tab without asking the page', async () => {
    const t = setup();
    await t.commands.onCommand.trigger(SAVE_COMMAND, { id: 5, url: OTHER_PAGE, index: 2 });
    expect(t.sent).toEqual([]);
    expect(await t.popupTabs()).toEqual([fakeBrowser.runtime.getURL('/popup.html?tabId=5')]);
  });

  it('uses the toolbar popup where the browser offers openPopup', async () => {
    const t = setup({ openPopup: true });
    await t.commands.onCommand.trigger(SAVE_COMMAND, { id: 5, url: OTHER_PAGE, windowId: 3 });
    expect(t.openPopup).toHaveBeenCalledWith({ windowId: 3 });
    expect(await t.popupTabs()).toEqual([]);
  });

  it('opens the popup when the job page has no live content script to do it', async () => {
    for (const contentAnswer of [
      async () => false,
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    ]) {
      fakeBrowser.reset();
      const t = setup({ contentAnswer });
      await t.commands.onCommand.trigger(SAVE_COMMAND, { id: 5, url: LINKEDIN_JOB });
      expect(t.sent).toHaveLength(1);
      expect(await t.popupTabs()).toEqual([fakeBrowser.runtime.getURL('/popup.html?tabId=5')]);
    }
  });

  it('ignores other commands and a command without a tab', async () => {
    const t = setup();
    await t.commands.onCommand.trigger('something-else', { id: 5, url: LINKEDIN_JOB });
    await t.commands.onCommand.trigger(SAVE_COMMAND, undefined);
    expect(t.sent).toEqual([]);
    expect(await t.popupTabs()).toEqual([]);
  });
});

describe.each<[string, MenuApi[]]>([
  ['Chrome: contextMenus', ['contextMenus']],
  ['Firefox: menus, and contextMenus as its alias', ['menus', 'contextMenus']],
  ['Firefox for a build that has only menus', ['menus']],
])('the context menu (%s)', (_, menuApis) => {
  it('is made at every start, after removing what was left', async () => {
    const t = setup({ menuApis });
    await vi.waitFor(() =>
      expect(t.made).toEqual([
        { id: SAVE_MENU_ID, title: SAVE_MENU_TITLE, contexts: ['page', 'selection', 'link'] },
      ]),
    );
  });

  it('routes like the shortcut: the page button on a job page, the popup elsewhere', async () => {
    const t = setup({ menuApis });
    await t.menuClicks.trigger({ menuItemId: SAVE_MENU_ID }, { id: 5, url: LINKEDIN_JOB });
    expect(t.sent).toEqual([[5, 'linkedin:4400000013']]);
    await t.menuClicks.trigger({ menuItemId: SAVE_MENU_ID }, { id: 6, url: OTHER_PAGE });
    expect(await t.popupTabs()).toEqual([fakeBrowser.runtime.getURL('/popup.html?tabId=6')]);
    await t.menuClicks.trigger({ menuItemId: 'another' }, { id: 7, url: OTHER_PAGE });
    expect(t.sent).toHaveLength(1);
  });
});

describe('tabs open before an install or update', () => {
  it.each(['install', 'update'])('get the content scripts on %s', async (reason) => {
    const t = setup();
    await t.installs.trigger({ reason });
    expect(t.injected).toEqual([
      [11, ['content-scripts/linkedin.js']],
      [12, ['content-scripts/indeed.js']],
    ]);
  });

  it('are left alone when only the browser was updated', async () => {
    const t = setup();
    await t.installs.trigger({ reason: 'browser_update' });
    expect(t.injected).toEqual([]);
  });
});
