// The popup's Applications tab in Chromium, with the built extension: a job saved through the popup
// is listed from CareerTrack, and still listed (said to be a copy) once CareerTrack is stopped.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCareerTrack, saveAndReadOutcome, signInThroughOptions } from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';

describe('the Applications tab (Chromium)', () => {
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

  async function applicationsTab(): Promise<Page> {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('tab', { name: 'Applications' }).click();
    return popup;
  }

  it('lists a job saved from the popup, then the copy of it while CareerTrack is stopped', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.locator('[name="company_name"]').fill('Initech');
    await popup.locator('[name="position_title"]').fill('Staff Engineer');
    await popup.locator('[name="source_url"]').fill('https://jobs.example/initech/1');
    expect(await saveAndReadOutcome(popup)).toContain('Saved to CareerTrack');
    await popup.close();

    const live = await applicationsTab();
    const item = live.getByRole('listitem', { name: 'Staff Engineer at Initech' });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.getByRole('link', { name: 'Staff Engineer' }).getAttribute('href')).toBe(
      'https://jobs.example/initech/1',
    );
    expect(await item.textContent()).toContain('Applied');
    expect(await live.getByText(/A copy from/).count()).toBe(0);
    await live.close();

    await careerTrack.stop();
    try {
      const offline = await applicationsTab();
      await offline.getByText(/A copy from .*Could not reach/).waitFor({ timeout: 30_000 });
      await offline.getByRole('listitem', { name: 'Staff Engineer at Initech' }).waitFor();
      await offline.getByRole('searchbox', { name: 'Search by company' }).fill('nobody');
      await offline.getByText('No applications match.').waitFor({ timeout: 10_000 });
      await offline.close();
    } finally {
      await careerTrack.start();
    }
  });
});
