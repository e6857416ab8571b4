import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, startJobSiteServer } from './harness/job-site-server';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;

  beforeAll(async () => {
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({ hostMap: { 'www.linkedin.com': jobSite.port } });
  });
  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
  });

  it('starts the service worker', async () => {
    expect(browser.worker.url()).toBe(browser.extensionUrl('background.js'));
    const manifest = await browser.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { getManifest(): { name: string; manifest_version: number } } };
        }
      ).chrome.runtime.getManifest(),
    );
    expect(manifest.name).toBe('CareerTrack Clipper');
    expect(manifest.manifest_version).toBe(3);
  });

  it('renders the popup with inputs named after the API fields', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
    for (const name of ['company_name', 'position_title', 'source_url']) {
      await expect.poll(() => page.locator(`[name="${name}"]`).count()).toBe(1);
    }
    await page.close();
  });

  it('renders the options page', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await expect.poll(() => page.locator('[name="api_url"]').count()).toBe(1);
    await page.close();
  });

  it('serves job pages under their real host over HTTPS', async () => {
    jobSite.page(
      '/jobs/view/123/',
      '<!doctype html><title>A job | Acme | LinkedIn</title><h1>A job</h1>',
    );
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/jobs/view/123/');
    expect(await page.title()).toBe('A job | Acme | LinkedIn');
    await page.close();
  });
});
