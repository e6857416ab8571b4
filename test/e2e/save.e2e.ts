import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureCase, loadCases, readCorpusPage } from '../helpers/fixtures';
import {
  LOCATION_TOO_LONG,
  LocalCareerTrack,
  type ServerRecord,
  saveAndReadOutcome,
  signInThroughOptions,
} from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, jobHostMap, startJobSiteServer } from './harness/job-site-server';
import { openPopupFor } from './harness/tabs';

const fold = (value: string | null) => (value ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

describe('saving from the popup to CareerTrack (Chromium, real pages)', () => {
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;
  const careerTrack = new LocalCareerTrack();
  const cases = new Map<string, FixtureCase>();
  const caseFor = (part: string): FixtureCase => {
    const found = [...cases.values()].find((c) => c.file.includes(part));
    if (!found) throw new Error(`no fixture named like ${part}`);
    return found;
  };

  /** Opens the fixture page as its real address, then the popup for that tab, prefilled. */
  async function openJob(
    part: string,
  ): Promise<{ jobPage: Page; popup: Page; testCase: FixtureCase }> {
    const testCase = caseFor(part);
    jobSite.page(new URL(testCase.url).pathname, readCorpusPage(testCase.file));
    const jobPage = await browser.context.newPage();
    await jobPage.goto(testCase.url);
    const popup = await openPopupFor(browser, jobPage);
    await expect
      .poll(() => popup.locator('[name="position_title"]').inputValue(), { timeout: 10_000 })
      .not.toBe('');
    return { jobPage, popup, testCase };
  }

  async function recordFor(testCase: FixtureCase, timeout = 15_000): Promise<ServerRecord[]> {
    const title = fold(first(testCase.expect.position_title) ?? '');
    let matching: ServerRecord[] = [];
    await expect
      .poll(
        async () => {
          matching = (await careerTrack.records()).filter((r) => fold(r.position_title) === title);
          return matching.length;
        },
        { timeout },
      )
      .toBeGreaterThan(0);
    return matching;
  }

  beforeAll(async () => {
    for (const testCase of loadCases()) cases.set(testCase.file, testCase);
    await careerTrack.start();
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({
      hostMap: jobHostMap(jobSite.port),
    });
    await signInThroughOptions(browser, careerTrack.url);
  });
  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
    await careerTrack.dispose();
  });

  it.each(['linkedin/guest-view-heidi', 'indeed/viewjob-papercut'])(
    'saves %s prefilled, and CareerTrack holds one right record',
    async (part) => {
      const { jobPage, popup, testCase } = await openJob(part);
      expect(fold(await popup.locator('[name="company_name"]').inputValue())).toBe(
        fold(first(testCase.expect.company_name) ?? ''),
      );
      expect(await saveAndReadOutcome(popup)).toContain('Saved to CareerTrack');
      const [record, ...others] = await recordFor(testCase);
      expect(others).toHaveLength(0);
      expect(fold(record?.company_name ?? '')).toBe(
        fold(first(testCase.expect.company_name) ?? ''),
      );
      for (const part of testCase.expect.source_url_has ?? [])
        expect(record?.source_url).toContain(part);
      if (testCase.expect.salary_min) expect(record?.salary_min).toBe(testCase.expect.salary_min);
      if (testCase.expect.salary_max) expect(record?.salary_max).toBe(testCase.expect.salary_max);
      await jobPage.close();
      await popup.close();
    },
  );

  it('queues while CareerTrack is down and sends once it is back', async () => {
    await careerTrack.stop();
    const { jobPage, popup, testCase } = await openJob('indeed/search-pane-aceone');
    expect(await saveAndReadOutcome(popup)).toContain(
      'Queued: will send when CareerTrack is reachable',
    );
    await popup.close();

    await careerTrack.start();
    // The user opens the popup again and asks for the waiting row to go now.
    const again = await openPopupFor(browser, jobPage);
    await again.getByRole('tab', { name: /Outbox/ }).click();
    await again.getByRole('button', { name: 'Retry now' }).first().click();
    expect(await recordFor(testCase)).toHaveLength(1);
    await again.close();
    await jobPage.close();
  });

  it('says "Sign in to send" for a revoked token, and sends after signing in again', async () => {
    careerTrack.revokeAllTokens();
    const { jobPage, popup, testCase } = await openJob('linkedin/guest-fragment-notion');
    expect(await saveAndReadOutcome(popup)).toContain('Sign in to send');
    await popup.close();
    await signInThroughOptions(browser, careerTrack.url);
    expect(await recordFor(testCase)).toHaveLength(1);
    await jobPage.close();
  });

  it('shows a 422 on its field, and resends once fixed', async () => {
    careerTrack.rejectNextCreate('location', LOCATION_TOO_LONG);
    const { jobPage, popup, testCase } = await openJob('linkedin/signed-in-search-turnit');
    expect(await saveAndReadOutcome(popup)).toContain('Fix the highlighted fields');
    const location = popup.locator('[name="location"]');
    await expect.poll(() => location.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => popup.getByText(LOCATION_TOO_LONG).count()).toBeGreaterThan(0);
    await location.fill('Tartu, Estonia');
    expect(await saveAndReadOutcome(popup)).toContain('Saved to CareerTrack');
    const [record, ...others] = await recordFor(testCase);
    expect(others).toHaveLength(0);
    expect(record?.location).toBe('Tartu, Estonia');
    await popup.close();
    await jobPage.close();
  });
});
