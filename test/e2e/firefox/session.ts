import { setTimeout as sleep } from 'node:timers/promises';
import { GECKO_ID } from '../../../lib/manifest';
import { SAVE_BUTTON_NAME } from '../harness/save-button';
import {
  buildDir,
  EXTENSION_ORIGIN,
  type FirefoxBuild,
  type LaunchOptions,
  launchFirefox,
} from './launch';
import type { Marionette } from './marionette';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
export type ElementRef = { [ELEMENT]: string };

export interface SaveButtonView {
  text: string;
  description: string;
}

/** What Firefox says of the extension's background: running, suspending, stopped or starting. */
export type BackgroundState = 'running' | 'suspending' | 'stopped' | 'starting' | string;

/**
 * A real Firefox with one build of the extension installed as a temporary add-on, driven through
 * Marionette: pages in tabs (the content context), the browser's own window (the chrome context),
 * where extension pages are loaded and the accessibility tree, menus and add-on state are read.
 */
export class FirefoxSession {
  private context: 'content' | 'chrome' = 'content';

  private constructor(
    readonly marionette: Marionette,
    readonly close: () => Promise<void>,
    readonly blankTab: string,
  ) {}

  static async start(
    build: FirefoxBuild,
    proxyPort: number,
    options: Pick<LaunchOptions, 'extensionDir' | 'idleTimeoutMs'> = {},
  ): Promise<FirefoxSession> {
    const extensionDir = options.extensionDir ?? buildDir(build);
    const firefox = await launchFirefox({ ...options, build, proxyPort, extensionDir });
    try {
      await firefox.marionette.send('Addon:Install', { path: extensionDir, temporary: true });
      const handle = await firefox.marionette.send<{ value: string }>('WebDriver:GetWindowHandle');
      return new FirefoxSession(firefox.marionette, firefox.close, handle.value);
    } catch (error) {
      await firefox.close();
      throw error;
    }
  }

  extensionUrl(path: string): string {
    return `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`;
  }

  private async use(context: 'content' | 'chrome') {
    if (this.context === context) return;
    await this.marionette.send('Marionette:SetContext', { value: context });
    this.context = context;
  }

  /** Runs `script` (a function body; `arguments` are `args`) in the selected tab's page. */
  async content<T>(script: string, ...args: unknown[]): Promise<T> {
    await this.use('content');
    return (await this.marionette.send<{ value: T }>('WebDriver:ExecuteScript', { script, args }))
      .value;
  }

  /** An async script in the selected tab's page: `resolve` is its last argument. */
  async contentAsync<T>(script: string, ...args: unknown[]): Promise<T> {
    await this.use('content');
    const body = `const resolve = arguments[arguments.length - 1];
      (async () => { ${script} })().then(resolve, (e) => resolve({ __error: String(e) }));`;
    const { value } = await this.marionette.send<{ value: T & { __error?: string } }>(
      'WebDriver:ExecuteAsyncScript',
      { script: body, args },
    );
    if (value && typeof value === 'object' && '__error' in value) throw new Error(value.__error);
    return value;
  }

  /** Runs `script` in the browser window itself, with the privileges of Firefox's own code. */
  async chrome<T>(script: string, ...args: unknown[]): Promise<T> {
    await this.use('chrome');
    return (await this.marionette.send<{ value: T }>('WebDriver:ExecuteScript', { script, args }))
      .value;
  }

  /** A new tab, selected; at `url` when given (a web page: extension pages use openExtensionPage). */
  async newTab(url?: string): Promise<string> {
    await this.use('content');
    const { handle } = await this.marionette.send<{ handle: string }>('WebDriver:NewWindow', {
      type: 'tab',
    });
    await this.switchTo(handle);
    if (url) await this.marionette.send('WebDriver:Navigate', { url });
    return handle;
  }

  async switchTo(handle: string): Promise<void> {
    await this.marionette.send('WebDriver:SwitchToWindow', { handle, focus: true });
  }

  /** Closes the selected tab and selects the blank one the browser started with. */
  async closeTab(): Promise<void> {
    await this.use('content');
    await this.marionette.send('WebDriver:CloseWindow');
    await this.switchTo(this.blankTab);
  }

  /** Closes every tab but the blank one the browser started with, and selects that one. */
  async closeOtherTabs(): Promise<void> {
    await this.use('content');
    const handles = await this.marionette.send<string[]>('WebDriver:GetWindowHandles');
    for (const handle of handles.filter((h) => h !== this.blankTab)) {
      await this.switchTo(handle);
      await this.marionette.send('WebDriver:CloseWindow');
    }
    await this.switchTo(this.blankTab);
  }

  /** A right click in the selected page, as the mouse does it; resolves once the menu shows. */
  async openContextMenu(): Promise<void> {
    await this.use('content');
    await this.marionette.send('WebDriver:PerformActions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 40, y: 40, origin: 'viewport' },
            { type: 'pointerDown', button: 2 },
            { type: 'pointerUp', button: 2 },
          ],
        },
      ],
    });
    await this.marionette.send('WebDriver:ReleaseActions');
    await this.waitFor(
      'the context menu to open',
      async () =>
        (await this.chrome("return document.getElementById('contentAreaContextMenu').state")) ===
        'open',
    );
  }

  /** Picks the open context menu's item labelled `label`, as a click on it does. */
  async chooseMenuItem(label: string): Promise<void> {
    const chosen = await this.chrome<boolean>(
      `const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')]
        .find((entry) => entry.label === arguments[0] && !entry.hidden);
      if (!item) return false;
      menu.activateItem(item);
      return true;`,
      label,
    );
    if (!chosen) throw new Error(`the context menu has no item "${label}"`);
  }

  /**
   * Runs the extension's keyboard command `shortcut` (as the manifest writes it, "Alt+Shift+S") the
   * way Firefox does when the key is pressed: through the <key> element Firefox made for it in the
   * browser window. Synthesized key presses cannot reach that element in headless Firefox (see
   * the README's Firefox section), so this is the step after the keyboard, checked to be there.
   */
  async runShortcut(shortcut: string): Promise<void> {
    const parts = shortcut.split('+');
    const key = parts.pop();
    const modifiers = parts.map((part) => part.toLowerCase()).sort();
    const ran = await this.chrome<string>(
      `const keyset = document.getElementById('ext-keyset-id-' + arguments[0].replace(/[@.]/g, '_'));
      if (!keyset) return 'Firefox registered no shortcut for the extension';
      const element = [...keyset.querySelectorAll('key')].find((candidate) =>
        candidate.getAttribute('key') === arguments[1] &&
        (candidate.getAttribute('modifiers') || '').split(',').sort().join(',') === arguments[2]);
      if (!element) return 'no key ' + arguments[1] + ' with ' + arguments[2];
      element.doCommand();
      return 'ran';`,
      GECKO_ID,
      key,
      modifiers.join(','),
    );
    if (ran !== 'ran') throw new Error(`${shortcut}: ${ran}`);
  }

  /**
   * An extension page in a new tab. WebDriver refuses to navigate to moz-extension: addresses;
   * the browser window loads it as Firefox's own code would, and the tab is driven as any page.
   */
  async openExtensionPage(path: string): Promise<string> {
    const handle = await this.newTab();
    const url = this.extensionUrl(path);
    await this.chrome(
      `gBrowser.selectedBrowser.loadURI(Services.io.newURI(arguments[0]), {
        triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
      });`,
      url,
    );
    await this.waitFor(`${path} to load`, async () => {
      await this.use('content');
      const current = await this.marionette.send<{ value: string }>('WebDriver:GetCurrentURL');
      return (
        current.value === url && (await this.content('return document.readyState')) === 'complete'
      );
    });
    return handle;
  }

  async find(
    using: 'css selector' | 'xpath',
    value: string,
    timeout = 10_000,
  ): Promise<ElementRef> {
    await this.use('content');
    let found: ElementRef | undefined;
    await this.waitFor(
      `${value} on the page`,
      async () => {
        // Marionette answers FindElements with the bare list.
        const elements = await this.marionette.send<ElementRef[]>('WebDriver:FindElements', {
          using,
          value,
        });
        found = elements[0];
        return !!found;
      },
      timeout,
    );
    return found as ElementRef;
  }

  /** The form control named `name` (the popup's inputs are named after the API's fields). */
  field(name: string): Promise<ElementRef> {
    return this.find('css selector', `[name="${name}"]`);
  }

  /** The button whose visible text is `text`. */
  button(text: string): Promise<ElementRef> {
    return this.find('xpath', `//button[normalize-space(.)=${JSON.stringify(text)}]`);
  }

  /** A real click at the element's centre, as WebDriver does it. */
  async click(element: ElementRef): Promise<void> {
    await this.use('content');
    await this.marionette.send('WebDriver:ElementClick', { id: element[ELEMENT] });
  }

  /** Replaces what the field holds with `text`, typed as keys. */
  async fill(element: ElementRef, text: string): Promise<void> {
    await this.use('content');
    await this.marionette.send('WebDriver:ElementClear', { id: element[ELEMENT] });
    await this.marionette.send('WebDriver:ElementSendKeys', { id: element[ELEMENT], text });
  }

  async value(element: ElementRef): Promise<string> {
    await this.use('content');
    const { value } = await this.marionette.send<{ value: string }>(
      'WebDriver:GetElementProperty',
      {
        id: element[ELEMENT],
        name: 'value',
      },
    );
    return value;
  }

  /** The selected page's visible text. */
  text(): Promise<string> {
    return this.content('return document.body.innerText');
  }

  async waitFor(
    what: string,
    check: () => Promise<boolean>,
    timeout = 10_000,
    interval = 100,
  ): Promise<void> {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      try {
        if (await check()) return;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeout} ms waiting for ${what}${last ? `: ${last}` : ''}`,
        );
      }
      await sleep(interval);
    }
  }

  /** Waits for the selected page's text to contain `words`; a timeout says what the page shows. */
  async waitForText(words: string, timeout = 15_000): Promise<void> {
    let shown = '';
    await this.waitFor(
      `"${words}"`,
      async () => {
        shown = await this.text();
        return shown.includes(words);
      },
      timeout,
    ).catch((error) => {
      throw new Error(`${error.message} (the page shows ${JSON.stringify(shown)})`);
    });
  }

  /** The extension's id for the selected tab, as `browser.tabs` numbers it. */
  selectedTabId(): Promise<number> {
    return this.chrome(
      `const extension = WebExtensionPolicy.getByID(arguments[0]).extension;
      return extension.tabManager.getWrapper(gBrowser.selectedTab).id;`,
      GECKO_ID,
    );
  }

  /** Whether Firefox holds the extension's background page running or has stopped it. */
  backgroundState(): Promise<BackgroundState> {
    return this.chrome(
      'return WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState;',
      GECKO_ID,
    );
  }

  /** Stops the extension's background as Firefox does when it is idle, and waits until it has. */
  async stopBackground(): Promise<void> {
    await this.chrome(
      'WebExtensionPolicy.getByID(arguments[0]).extension.terminateBackground();',
      GECKO_ID,
    );
    await this.waitFor(
      'the background to stop',
      async () => (await this.backgroundState()) === 'stopped',
    );
  }

  /**
   * What each of the extension's frames in the selected page says on its button, read inside the
   * frame (WebDriver switches into it; the page cannot): steadier than the accessibility tree,
   * which Firefox builds lazily and does not always have for a frame the page restyled.
   */
  async frameButtons(): Promise<SaveButtonView[]> {
    await this.use('content');
    const frames = await this.marionette.send<ElementRef[]>('WebDriver:FindElements', {
      using: 'css selector',
      value: `iframe[src^="${EXTENSION_ORIGIN}/"]`,
    });
    const views: SaveButtonView[] = [];
    for (const frame of frames) {
      await this.marionette.send('WebDriver:SwitchToFrame', { id: frame });
      try {
        const view = await this.content<SaveButtonView | null>(
          `const button = document.querySelector('button');
          return button ? { text: button.textContent, description: button.title } : null;`,
        );
        if (view) views.push(view);
      } finally {
        await this.marionette.send('WebDriver:SwitchToParentFrame');
      }
    }
    return views;
  }

  /**
   * Every in-page Save button of the selected tab, as a screen reader reads it: its shadow root
   * is closed to scripts, not to the accessibility tree, which Firefox keeps in its own window.
   */
  saveButtons(): Promise<SaveButtonView[]> {
    return this.chrome(
      `const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
      const found = [];
      const children = (node) => {
        const list = [];
        for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
        return list;
      };
      const walk = (node) => {
        if (!node) return;
        if (service.getStringRole(node.role) === 'pushbutton' && node.name === arguments[0]) {
          found.push({
            text: children(node).map((child) => child.name || '').join(''),
            description: node.description || '',
          });
        }
        for (const child of children(node)) walk(child);
      };
      walk(service.getAccessibleFor(gBrowser.selectedBrowser));
      return found;`,
      SAVE_BUTTON_NAME,
    );
  }

  /**
   * Clicks the in-page Save button where the person sees it: its place comes from the
   * accessibility tree, whatever holds it (a closed shadow root, a frame), and the click is a real
   * mouse click at that point of the page.
   */
  async clickSaveButton(): Promise<void> {
    const point = { x: 0, y: 0 };
    await this.waitFor('the in-page Save button in view', async () => {
      const centre = await this.chrome<{ x: number; y: number; inView: boolean } | null>(
        `const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
        const browser = gBrowser.selectedBrowser;
        const find = (node) => {
          if (!node) return null;
          if (service.getStringRole(node.role) === 'pushbutton' && node.name === arguments[0]) return node;
          for (let child = node.firstChild; child; child = child.nextSibling) {
            const found = find(child);
            if (found) return found;
          }
          return null;
        };
        const button = find(service.getAccessibleFor(browser));
        if (!button) return null;
        const [x, y, width, height] = [{}, {}, {}, {}];
        button.getBoundsInCSSPixels(x, y, width, height);
        // Screen pixels to the page's viewport: less where the page's area starts on screen.
        const area = browser.getBoundingClientRect();
        const centre = {
          x: Math.round(x.value + width.value / 2 - window.mozInnerScreenX - area.left),
          y: Math.round(y.value + height.value / 2 - window.mozInnerScreenY - area.top),
        };
        const inView = centre.x >= 0 && centre.y >= 0 && centre.x < area.width && centre.y < area.height;
        // As a screen reader brings it into view; the next look finds it there.
        if (!inView) button.scrollTo(Ci.nsIAccessibleScrollType.SCROLL_TYPE_ANYWHERE);
        return { ...centre, inView };`,
        SAVE_BUTTON_NAME,
      );
      if (!centre?.inView) return false;
      point.x = centre.x;
      point.y = centre.y;
      return true;
    });
    await this.clickAt(point);
  }

  /**
   * A real left click at a point of the selected page's viewport: WebDriver's actions are input
   * Firefox itself dispatches, so the page and the extension see a trusted click. With `hoverMs`,
   * the pointer rests near the point that long first, as a person's hand does.
   */
  async clickAt(point: { x: number; y: number }, hoverMs = 0): Promise<void> {
    await this.use('content');
    const approach = hoverMs
      ? [
          { type: 'pointerMove', x: Math.max(0, point.x - 20), y: point.y, origin: 'viewport' },
          { type: 'pause', duration: hoverMs },
        ]
      : [];
    await this.marionette.send('WebDriver:PerformActions', {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            ...approach,
            { type: 'pointerMove', x: point.x, y: point.y, origin: 'viewport' },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.marionette.send('WebDriver:ReleaseActions');
  }

  async expectSaveButton(text: string, timeout = 15_000): Promise<void> {
    let seen: SaveButtonView[] = [];
    await this.waitFor(
      `the Save button to say "${text}"`,
      async () => {
        seen = await this.saveButtons();
        return seen.length === 1 && seen[0]?.text === text;
      },
      timeout,
    ).catch((error) => {
      throw new Error(`${error.message} (it shows ${JSON.stringify(seen)})`);
    });
  }
}
