// The in-page button names a saved job's status and changes it from the page, in a real Chromium
// with the built extension: a fixture page served as www.linkedin.com, the CareerTrack stand-in on
// a free port, signed in as the options page does it. The frame is read inside (the page cannot),
// and used with the real keyboard: Tab into the status select, an arrow key to choose.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../server/app';
import { ensureDemoAccount } from '../server/demo';
import { signedInOptionsPage } from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, jobHostMap, startJobSiteServer } from './harness/job-site-server';
import {
  clickSave,
  SAVE_BUTTON_NAME,
  SAVE_FRAME,
  saveButtons,
  saveFrames,
} from './harness/save-button';

const PAGE = readFileSync(join(import.meta.dirname, '../pages/linkedin-job-view.html'), 'utf8');

declare const chrome: typeof import('webextension-polyfill') & {
  extension: { getViews(): Window[] };
};

describe('the in-page button names the status and changes it (Chromium, built extension)', () => {
  let api: RunningApi;
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;
  let control: Page;

  const records = (id: string) =>
    api.db
      .prepare('SELECT status FROM job_applications WHERE source_url LIKE ? ORDER BY id')
      .all(`%${id}%`) as Array<{ status: string }>;
  const buttonText = async (page: Page) => (await saveButtons(page))[0]?.text;
  const expectButton = (page: Page, expected: string | RegExp) =>
    expect
      .poll(() => buttonText(page), { timeout: 15_000 })
      .toMatch(typeof expected === 'string' ? new RegExp(`^${expected}$`) : expected);

  async function open(id: string): Promise<Page> {
    jobSite.page(`/jobs/view/${id}/`, PAGE);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`https://www.linkedin.com/jobs/view/${id}/`);
    await expectButton(page, SAVE_BUTTON_NAME);
    return page;
  }

  const frameOf = (page: Page): Frame => {
    const [frame] = saveFrames(page);
    if (!frame) throw new Error('no button frame in the page');
    return frame;
  };

  /** What has focus inside the frame, as assistive technology names it. */
  const focused = (page: Page) =>
    frameOf(page).evaluate(() => {
      const element = document.activeElement as HTMLSelectElement | null;
      return {
        tag: element?.localName,
        name: element?.getAttribute('aria-label'),
        value: element?.value,
        disabled: element?.getAttribute('aria-disabled'),
      };
    });

  /**
   * The user tabs from the button to the status select and presses the arrow key once: with the
   * list closed, Chromium on Linux moves to the next status. Then the user rests there.
   */
  async function nextStatusByKeyboard(page: Page) {
    await frameOf(page).locator('button').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'select', name: 'Status' });
    await page.waitForTimeout(700);
    await page.keyboard.press('ArrowDown');
  }

  const closePopups = () =>
    control.evaluate(() => {
      for (const view of chrome.extension.getViews()) {
        if (view.location.pathname === '/popup.html') view.close();
      }
    });
  const popupsOpen = () =>
    control.evaluate(
      () =>
        chrome.extension.getViews().filter((view) => view.location.pathname === '/popup.html')
          .length,
    );

  beforeAll(async () => {
    api = await startApi({ db: ':memory:' });
    await ensureDemoAccount(api.db);
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({ hostMap: jobHostMap(jobSite.port) });
    control = await signedInOptionsPage(browser, api.url);
  });

  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
    await api?.close();
  });

  it('saves with the button, names the status, and moves it to interview with the keyboard: one record', async () => {
    const page = await open('4400000301');
    // Not saved: the select is there, in the Tab order, and does nothing.
    await nextStatusByKeyboard(page);
    expect(await focused(page)).toMatchObject({ value: '', disabled: 'true' });
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    await page.reload();
    await expectButton(page, 'Applied');
    expect((await saveButtons(page))[0]?.description).toMatch(/^Applied · Saved on .+$/);

    await nextStatusByKeyboard(page);
    expect(await focused(page)).toMatchObject({ value: 'interview', disabled: 'false' });
    await expectButton(page, 'Interview');
    expect((await saveButtons(page))[0]?.description).toBe('Interview · changed in CareerTrack');
    expect(records('4400000301')).toEqual([{ status: 'interview' }]);

    // Another visit names the new status.
    await page.reload();
    await expectButton(page, 'Interview');
    await page.close();
  });

  for (const [how, hide] of [
    [
      'covered by a page element',
      (frame: string) => {
        const box = document.querySelector(frame)?.getBoundingClientRect();
        if (!box) throw new Error('no frame');
        const cover = document.createElement('div');
        cover.style.cssText = `position:fixed;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;background:#fff;z-index:2147483647;pointer-events:none`;
        document.body.append(cover);
      },
    ],
    [
      'made transparent by the page',
      (frame: string) =>
        (document.querySelector(frame) as HTMLElement).style.setProperty(
          'opacity',
          '0',
          'important',
        ),
    ],
  ] as const) {
    it(`a frame ${how}: the keyboard's change does nothing, the popup opens instead`, async () => {
      const id = how.startsWith('covered') ? '4400000302' : '4400000303';
      const page = await open(id);
      await clickSave(page);
      await expectButton(page, 'Saved ✓');
      await page.evaluate(hide, SAVE_FRAME);
      // Long enough for IntersectionObserver v2 to see it and the half second to pass.
      await page.waitForTimeout(1_000);
      await nextStatusByKeyboard(page);
      await expectButton(page, 'See the popup');
      expect(records(id)).toEqual([{ status: 'applied' }]);
      await expect.poll(popupsOpen, { timeout: 10_000 }).toBe(1);
      await closePopups();
      await page.close();
    });
  }
});
