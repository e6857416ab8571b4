// An application sent on LinkedIn, noticed, in a real Chromium with the built extension: the
// synthetic Easy Apply page of test/pages (its own script plays LinkedIn's part, so it is served
// without the CSP), the API stand-in, signed in and set up as the options page does it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from '../server/app';
import { ensureDemoAccount } from '../server/demo';
import { signedInOptionsPage } from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, jobHostMap, startJobSiteServer } from './harness/job-site-server';
import { clickSave, SAVE_BUTTON_NAME, saveButtons } from './harness/save-button';

const PAGE = readFileSync(
  join(import.meta.dirname, '../pages/applied-linkedin-easy-apply.html'),
  'utf8',
);

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('an application sent on LinkedIn, noticed', () => {
  let api: RunningApi;
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;
  let options: Page;

  const records = (jobId: string) =>
    api.db
      .prepare(
        'SELECT position_title, status, applied_at FROM job_applications WHERE source_url LIKE ?',
      )
      .all(`%${jobId}%`) as Array<Record<string, string | null>>;
  const buttonText = async (page: Page) => (await saveButtons(page))[0]?.text;
  const expectButton = (page: Page, text: string) =>
    expect.poll(() => buttonText(page), { timeout: 15_000 }).toBe(text);

  /** The job `jobId` on its own page, with the button in place. */
  async function open(jobId: string): Promise<Page> {
    const path = `/jobs/view/${jobId}/`;
    jobSite.page(path, PAGE.replaceAll('4600000001', jobId), { csp: false });
    const page = await browser.context.newPage();
    await page.goto(`https://www.linkedin.com${path}`);
    await expectButton(page, SAVE_BUTTON_NAME);
    return page;
  }

  /** What the user does: Easy Apply, then "Submit application"; LinkedIn confirms. */
  async function apply(page: Page) {
    await page.click('#easy-apply');
    await page.click('#submit-application');
    await page.getByRole('dialog', { name: 'Application sent' }).waitFor();
  }

  /** The option, set as the user sets it: its checkbox in the options page. */
  async function setOption(on: boolean) {
    await options.reload();
    const box = options.getByLabel('Save as applied when I send an application');
    if ((await box.isChecked()) !== on) await box.click();
    await expect
      .poll(
        async () =>
          (await options.evaluate(() =>
            chrome.runtime.sendMessage({ type: 'settings:get' }),
          )) as object,
      )
      .toMatchObject({ save_when_applied: on });
  }

  beforeAll(async () => {
    api = await startApi({ db: ':memory:' });
    await ensureDemoAccount(api.db);
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({ hostMap: jobHostMap(jobSite.port) });
    options = await signedInOptionsPage(browser, api.url);
    // A default other than "applied", so that "applied" can only come from the notice.
    await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'settings:update',
        defaults: { default_status: 'interview' },
      }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
    await api?.close();
  });

  it('with the option on, the confirmation after the click saves one record, as applied', async () => {
    await setOption(true);
    const page = await open('4600000011');
    expect(records('4600000011')).toEqual([]);
    await apply(page);
    await expect.poll(() => records('4600000011'), { timeout: 15_000 }).toHaveLength(1);
    expect(records('4600000011')[0]).toMatchObject({
      position_title: 'Staff Engineer',
      status: 'applied',
    });
    await expectButton(page, 'Saved ✓');
    // The confirmation shown again (LinkedIn re-renders it): still one record.
    await page.evaluate(() => {
      const outlet = document.getElementById('artdeco-modal-outlet');
      const template = document.getElementById('post-apply') as HTMLTemplateElement;
      outlet?.append(template.content.cloneNode(true));
    });
    await page.waitForTimeout(1_000);
    expect(records('4600000011')).toHaveLength(1);
    await page.close();
  });

  it('with the option off, the frame offers "Save as applied", and its click saves it so', async () => {
    await setOption(false);
    const page = await open('4600000012');
    await apply(page);
    await expectButton(page, 'Save as applied');
    expect(records('4600000012')).toEqual([]);
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    expect(records('4600000012')).toEqual([expect.objectContaining({ status: 'applied' })]);
    await page.close();
  });

  it('the words "application sent" in the description, without the dialog, do nothing', async () => {
    await setOption(true);
    const page = await open('4600000013');
    await page.click('#easy-apply');
    await page.locator('#job-details').click();
    await page.waitForTimeout(1_500);
    expect(await buttonText(page)).toBe(SAVE_BUTTON_NAME);
    expect(records('4600000013')).toEqual([]);
    await page.close();
  });
});
