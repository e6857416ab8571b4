// Next steps in Chromium, with the built extension: a save with today's next step asks for the
// notifications permission from the date input itself (a prompt, not a refusal), goes out anyway,
// and once nothing waits the toolbar counts it in its own colour and title. The prompt cannot be
// answered in headless Chromium, so no notification is shown here: the unit tests prove those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCareerTrack, saveAndReadOutcome, signInThroughOptions } from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';

// The extension's globals, as the worker and the extension's pages see them.
type Permissions = { permissions?: string[] };
declare const chrome: {
  action: {
    getBadgeText(details: object): Promise<string>;
    getTitle(details: object): Promise<string>;
    getBadgeBackgroundColor(details: object): Promise<number[]>;
  };
  permissions: {
    request(permissions: Permissions): Promise<boolean>;
    contains(permissions: Permissions): Promise<boolean>;
  };
  notifications?: unknown;
};

/** The machine's calendar day, which the browser here shares. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** BADGE_NEXT_STEPS (#1A73E8) as Chromium reports a badge colour. */
const NEXT_STEPS_RGBA = [26, 115, 232, 255];

describe('next steps (Chromium)', () => {
  let browser: ExtensionBrowser;
  const careerTrack = new LocalCareerTrack();

  beforeAll(async () => {
    await careerTrack.start();
    browser = await launchWithExtension({});
    await signInThroughOptions(browser, careerTrack.url);
  });
  afterAll(async () => {
    await browser?.close();
    await careerTrack.dispose();
  });

  /** The toolbar as the background last drew it, read in the service worker. */
  const toolbar = () =>
    browser.worker.evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      title: await chrome.action.getTitle({}),
      color: await chrome.action.getBadgeBackgroundColor({}),
    }));

  it('saves a job with today’s next step and counts it on the toolbar once nothing waits', async () => {
    expect((await toolbar()).text).toBe('');
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    // Recorded before the page's own handlers run: whether the date's input asked, and how.
    await popup.evaluate(() => {
      const asked: string[] = [];
      (window as unknown as { asked: string[] }).asked = asked;
      const request = chrome.permissions.request.bind(chrome.permissions);
      chrome.permissions.request = (permissions: Permissions) => {
        asked.push(JSON.stringify(permissions));
        const answer = request(permissions);
        // Settled only if Chromium refused outright (no user gesture); a prompt stays open.
        answer.then(
          (granted) => asked.push(`answered ${granted}`),
          (error: Error) => asked.push(`refused ${error.message}`),
        );
        return answer;
      };
    });
    await popup.locator('[name="company_name"]').fill('Initech');
    await popup.locator('[name="position_title"]').fill('Staff Engineer');
    await popup.locator('[name="source_url"]').fill('https://jobs.example/initech/7');
    await popup.locator('[name="next_step_at"]').fill(today());
    expect(await saveAndReadOutcome(popup)).toContain('Saved to CareerTrack');
    expect(await popup.evaluate(() => (window as unknown as { asked: string[] }).asked)).toEqual([
      JSON.stringify({ permissions: ['notifications'] }),
    ]);

    await expect.poll(toolbar, { timeout: 10_000 }).toEqual({
      text: '1',
      title: 'CareerTrack Clipper: 1 next step today',
      color: NEXT_STEPS_RGBA,
    });
    // Not granted: the API is absent and nothing could have been shown.
    expect(
      await browser.worker.evaluate(async () => ({
        granted: await chrome.permissions.contains({ permissions: ['notifications'] }),
        api: typeof chrome.notifications,
      })),
    ).toEqual({ granted: false, api: 'undefined' });
    await popup.close();
  });
});
