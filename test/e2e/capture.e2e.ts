import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, readCorpusPage } from '../helpers/fixtures';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, jobHostMap, startJobSiteServer } from './harness/job-site-server';
import { openPopupFor } from './harness/tabs';

const fold = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

/** The real pages of the sites whose content scripts answer the popup. */
const siteCases = loadCases().filter((c) => /linkedin|indeed/.test(new URL(c.url).hostname));

describe('the popup asks the tab for its job (real pages as the real hosts)', () => {
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;

  beforeAll(async () => {
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({
      hostMap: jobHostMap(jobSite.port),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
  });

  it.each(siteCases)('prefills the form from $file', async (testCase) => {
    const address = new URL(testCase.url);
    jobSite.page(address.pathname, readCorpusPage(testCase.file));
    const jobPage = await browser.context.newPage();
    await jobPage.goto(testCase.url);
    const popup = await openPopupFor(browser, jobPage);
    const field = (name: string) => popup.locator(`[name="${name}"]`);
    await expect.poll(() => field('position_title').inputValue(), { timeout: 10_000 }).not.toBe('');

    const expectText = async (name: string, expected: string | string[] | undefined) => {
      if (expected === undefined) return;
      const answers = (Array.isArray(expected) ? expected : [expected]).map(fold);
      expect(answers, `${name} on ${testCase.file}`).toContain(
        fold(await field(name).inputValue()),
      );
    };
    await expectText('company_name', testCase.expect.company_name);
    await expectText('position_title', testCase.expect.position_title);
    await expectText('location', testCase.expect.location);
    await expectText('source', testCase.expect.source);
    const sourceUrl = await field('source_url').inputValue();
    for (const part of testCase.expect.source_url_has ?? []) expect(sourceUrl).toContain(part);
    for (const part of testCase.expect.source_url_lacks ?? [])
      expect(sourceUrl).not.toContain(part);
    await closeAll(popup, jobPage);
  });

  it('injects the generic extractor into a career page no content script covers', async () => {
    const itjobs = loadCases().find((c) => c.file.includes('itjobs'));
    if (!itjobs) throw new Error('the itjobs fixture is missing from cases.json');
    jobSite.page('/oferta/516462', readCorpusPage(itjobs.file));
    const jobPage = await browser.context.newPage();
    await jobPage.goto(`http://localhost:${jobSite.httpPort}/oferta/516462`);
    const popup = await openPopupFor(browser, jobPage);
    const title = popup.locator('[name="position_title"]');
    await expect.poll(() => title.inputValue(), { timeout: 10_000 }).not.toBe('');
    expect(fold(await title.inputValue())).toBe(fold(itjobs.expect.position_title as string));
    expect(await popup.locator('[name="source_url"]').inputValue()).toContain('/oferta/516462');
    await closeAll(popup, jobPage);
  });
});

async function closeAll(...pages: Page[]) {
  for (const page of pages) await page.close();
}
