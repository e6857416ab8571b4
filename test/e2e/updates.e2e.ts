import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureCase, loadCases, readCorpusPage } from '../helpers/fixtures';
import { LocalCareerTrack, saveAndReadOutcome, signInThroughOptions } from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, jobHostMap, startJobSiteServer } from './harness/job-site-server';
import { openPopupFor } from './harness/tabs';

const NEXT_STEP = '2027-01-12';
const UPDATE_WORDS = /Updated in CareerTrack|Queued: will send|Sign in to send|Fix the highlighted/;

/** Presses Update and waits for the popup's final word about it. */
async function updateAndReadOutcome(popup: Page): Promise<string> {
  await popup.getByRole('button', { name: 'Update', exact: true }).click();
  const outcome = popup
    .locator('[role="status"], [role="alert"]')
    .filter({ hasText: UPDATE_WORDS });
  await outcome.first().waitFor({ timeout: 15_000 });
  return (await outcome.allTextContents()).join(' | ');
}

interface Stored {
  id: number;
  status: string | null;
  next_step_at: string | null;
  position_title: string;
}

describe('a saved job opens as itself, and its updates go through the outbox (Chromium)', () => {
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;
  let jobPage: Page;
  let testCase: FixtureCase;
  const careerTrack = new LocalCareerTrack();

  const records = async () => (await careerTrack.records()) as unknown as Stored[];

  async function reopen(): Promise<Page> {
    const popup = await openPopupFor(browser, jobPage);
    await popup.getByRole('button', { name: 'Update', exact: true }).waitFor({ timeout: 10_000 });
    return popup;
  }

  beforeAll(async () => {
    const found = loadCases().find((c) => c.file.includes('linkedin/guest-view-heidi'));
    if (!found) throw new Error('the corpus page linkedin/guest-view-heidi is missing');
    testCase = found;
    await careerTrack.start();
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({ hostMap: jobHostMap(jobSite.port) });
    await signInThroughOptions(browser, careerTrack.url);
    jobSite.page(new URL(testCase.url).pathname, readCorpusPage(testCase.file));
    jobPage = await browser.context.newPage();
    await jobPage.goto(testCase.url);
  });
  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
    await careerTrack.dispose();
  });

  it('save, reopen, move to interview with a next step: one record, the new status', async () => {
    const first = await openPopupFor(browser, jobPage);
    await expect
      .poll(() => first.locator('[name="position_title"]').inputValue(), { timeout: 10_000 })
      .not.toBe('');
    expect(await saveAndReadOutcome(first)).toContain('Saved to CareerTrack');
    await first.close();

    const popup = await reopen();
    await popup.getByText('As CareerTrack has it now.').waitFor({ timeout: 10_000 });
    expect(await popup.getByText(/Already saved on/).count()).toBe(1);
    expect(await popup.locator('[name="status"]').inputValue()).toBe('applied');
    await popup.locator('[name="status"]').selectOption('interview');
    await popup.locator('[name="next_step_at"]').fill(NEXT_STEP);
    expect(await updateAndReadOutcome(popup)).toContain('Updated in CareerTrack');
    await popup.close();

    const [record, ...others] = await records();
    expect(others).toHaveLength(0);
    expect(record?.status).toBe('interview');
    expect(record?.next_step_at?.slice(0, 10)).toBe(NEXT_STEP);
  });

  it('CareerTrack stopped, moved to offer: queued; started again: the change arrives', async () => {
    await careerTrack.stop();
    const popup = await reopen();
    // The form comes from the extension's copy, which holds the last change.
    expect(await popup.locator('[name="status"]').inputValue()).toBe('interview');
    expect(await popup.locator('[name="next_step_at"]').inputValue()).toBe(NEXT_STEP);
    await popup.getByText(/This is the extension's copy/).waitFor({ timeout: 10_000 });
    await popup.locator('[name="status"]').selectOption('offer');
    expect(await updateAndReadOutcome(popup)).toContain('Queued: will send');
    await popup.close();

    await careerTrack.start();
    // Nobody touches anything: the worker's own retry sends it.
    await expect
      .poll(async () => (await records()).map((r) => r.status), { timeout: 70_000, interval: 500 })
      .toEqual(['offer']);
    const [record] = await records();
    expect(record?.next_step_at?.slice(0, 10)).toBe(NEXT_STEP);
  });
});
