// Indeed Apply's post-apply page, noticed, in a real Chromium with the built extension: an Indeed
// search page with a job open beside the list (test/pages), whose apply link opens the flow's last
// page in a new tab. That page is synthetic (the real one lives on smartapply.indeed.com and is
// not in the corpus); it does not matter what it shows, since only its address is used.
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

const POST_APPLY = '/beta/indeedapply/form/post-apply';
const SEARCH = readFileSync(join(import.meta.dirname, '../pages/indeed-search-third.html'), 'utf8');
/** Synthetic: the words Indeed's page is described with, nothing else. */
const POST_APPLY_PAGE =
  '<!doctype html><title>Your application has been submitted | Indeed</title><h1>Your application has been submitted!</h1>';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe("Indeed Apply's post-apply page, noticed", () => {
  let api: RunningApi;
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;
  let options: Page;

  const records = (jk: string) =>
    api.db
      .prepare('SELECT status FROM job_applications WHERE source_url LIKE ?')
      .all(`%${jk}%`) as Array<Record<string, string | null>>;
  const buttonText = async (page: Page) => (await saveButtons(page))[0]?.text;
  const expectButton = (page: Page, text: string) =>
    expect.poll(() => buttonText(page), { timeout: 15_000 }).toBe(text);

  /** The search page with job `jk` open beside it, and an apply link to `applyUrl`. */
  async function open(jk: string, applyUrl: string): Promise<Page> {
    const link = `<a id="apply-now" target="_blank" href="${applyUrl}">Apply now</a>`;
    // The job open beside the list is given key `jk`, so each test has a job of its own.
    jobSite.page(
      '/jobs',
      SEARCH.replaceAll('5555eeee6666ffff', jk).replace('</body>', `${link}</body>`),
    );
    const page = await browser.context.newPage();
    await page.goto(`https://www.indeed.com/jobs?q=data+engineer&l=Leeds&vjk=${jk}`);
    await expectButton(page, SAVE_BUTTON_NAME);
    return page;
  }

  /** The user applies: the flow opens in a new tab and ends on the post-apply page. */
  async function apply(page: Page) {
    const [applyTab] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.click('#apply-now'),
    ]);
    await applyTab.waitForLoadState();
    return applyTab;
  }

  async function setOption(on: boolean) {
    await options.evaluate(
      (save_when_applied) =>
        chrome.runtime.sendMessage({ type: 'settings:update', defaults: { save_when_applied } }),
      on,
    );
  }

  beforeAll(async () => {
    api = await startApi({ db: ':memory:' });
    await ensureDemoAccount(api.db);
    jobSite = await startJobSiteServer();
    jobSite.page(POST_APPLY, POST_APPLY_PAGE);
    browser = await launchWithExtension({
      hostMap: { ...jobHostMap(jobSite.port), 'smartapply.indeed.com': jobSite.port },
    });
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

  it('with the option off, the job\'s tab offers "Save as applied", and its click saves it so', async () => {
    await setOption(false);
    const page = await open('a1a1a1a1b2b2b2b2', `https://smartapply.indeed.com${POST_APPLY}`);
    const applyTab = await apply(page);
    await expectButton(page, 'Save as applied');
    expect(records('a1a1a1a1b2b2b2b2')).toEqual([]);
    await applyTab.close();
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    expect(records('a1a1a1a1b2b2b2b2')).toEqual([{ status: 'applied' }]);
    await page.close();
  });

  it('with the option on, the post-apply page saves the job as applied, once', async () => {
    await setOption(true);
    const page = await open('c3c3c3c3d4d4d4d4', `https://smartapply.indeed.com${POST_APPLY}`);
    const applyTab = await apply(page);
    await expect.poll(() => records('c3c3c3c3d4d4d4d4'), { timeout: 15_000 }).toHaveLength(1);
    expect(records('c3c3c3c3d4d4d4d4')).toEqual([{ status: 'applied' }]);
    await applyTab.reload();
    await page.waitForTimeout(1_000);
    expect(records('c3c3c3c3d4d4d4d4')).toHaveLength(1);
    await applyTab.close();
    await page.close();
  });

  it('the same path on www.indeed.com, not the apply host, does nothing', async () => {
    await setOption(true);
    const page = await open('e5e5e5e5f6f6f6f6', `https://www.indeed.com${POST_APPLY}`);
    const applyTab = await apply(page);
    await page.waitForTimeout(1_500);
    expect(await buttonText(page)).toBe(SAVE_BUTTON_NAME);
    expect(records('e5e5e5e5f6f6f6f6')).toEqual([]);
    await applyTab.close();
    await page.close();
  });
});
