import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, readCorpusPage } from '../helpers/fixtures';
import {
  LOCATION_TOO_LONG,
  LocalCareerTrack,
  saveAndReadOutcome,
  signInThroughOptions,
} from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, jobHostMap, startJobSiteServer } from './harness/job-site-server';
import { clickSave, SAVE_FRAME, saveButtons } from './harness/save-button';
import { openPopupFor } from './harness/tabs';

/**
 * The README's pictures, taken from the built extension at work on real saved pages in Chromium
 * and written to docs/ on every run. They change only where the day's date shows.
 */
const DOCS = resolve(import.meta.dirname, '../../docs');
const POPUP_SIZE = { width: 420, height: 640 };
// Saved pages come without their sites' stylesheets: a readable font and width, and hidden what
// LinkedIn's own CSS hides (closed sign-in dialogs) or cannot load here (images).
const PAGE_STYLE =
  'body{font:15px/1.45 system-ui,sans-serif;max-width:760px;margin:24px auto}' +
  '.modal,.contextual-sign-in-modal,.hidden,.invisible,.sr-only,.visually-hidden,img,icon' +
  '{display:none!important}';

/** 8000, the address the options show by default, unless something here already listens there. */
function portOr0(port: number): Promise<number> {
  return new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(0))
      .listen(port, '127.0.0.1', () => probe.close(() => done(port)));
  });
}

/** A PNG's width and height, from its header: proof that a picture of some size was written. */
function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('screenshots for the README (Chromium, real pages)', () => {
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;
  const careerTrack = new LocalCareerTrack();
  const cases = loadCases();

  async function openJob(part: string): Promise<Page> {
    const testCase = cases.find((c) => c.file.includes(part));
    if (!testCase) throw new Error(`no fixture named like ${part}`);
    const html = readCorpusPage(testCase.file);
    jobSite.page(new URL(testCase.url).pathname, html);
    const page = await browser.context.newPage();
    await page.goto(testCase.url);
    return page;
  }

  async function prefilledPopup(jobPage: Page): Promise<Page> {
    const popup = await openPopupFor(browser, jobPage);
    await popup.setViewportSize(POPUP_SIZE);
    await expect
      .poll(() => popup.locator('[name="position_title"]').inputValue(), { timeout: 10_000 })
      .not.toBe('');
    return popup;
  }

  const recordCount = async () => (await careerTrack.records()).length;

  beforeAll(async () => {
    mkdirSync(DOCS, { recursive: true });
    careerTrack.port = await portOr0(8000);
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

  it('docs/popup.png: the popup prefilled on a LinkedIn job page', async () => {
    const jobPage = await openJob('linkedin/guest-view-heidi');
    const popup = await prefilledPopup(jobPage);
    await popup.screenshot({ path: join(DOCS, 'popup.png'), fullPage: true });
    expect(pngSize(join(DOCS, 'popup.png')).width).toBe(POPUP_SIZE.width);
    // Saved, so the outbox below has history to show.
    expect(await saveAndReadOutcome(popup)).toContain('Saved to CareerTrack');
    await popup.close();
    await jobPage.close();
  });

  it('docs/button.png: the in-page button after saving', async () => {
    const jobPage = await openJob('linkedin/guest-fragment-notion');
    await jobPage.setViewportSize({ width: 1000, height: 700 });
    await jobPage.addStyleTag({ content: PAGE_STYLE });
    // The extension's frame: the page sees the element, never what it says.
    const host = jobPage.locator(SAVE_FRAME);
    await host.waitFor({ state: 'attached', timeout: 10_000 });
    await host.scrollIntoViewIfNeeded();
    const before = await host.boundingBox();
    if (!before) throw new Error('the Save to CareerTrack button is not on screen');
    const saved = await recordCount();
    await clickSave(jobPage);
    await expect.poll(recordCount, { timeout: 15_000 }).toBe(saved + 1);
    // Its words change inside the frame; the element the page sees keeps its size.
    await expect
      .poll(async () => (await saveButtons(jobPage))[0]?.text, { timeout: 5_000 })
      .toBe('Saved ✓');
    expect(await host.boundingBox()).toEqual(before);
    // The job's top card, from its title down to the buttons, with a margin.
    const card = await jobPage.locator('.top-card-layout').first().boundingBox();
    const after = await host.boundingBox();
    if (!card || !after) throw new Error('the top card or the button left the page');
    const top = card.y - 16;
    await jobPage.screenshot({
      path: join(DOCS, 'button.png'),
      clip: {
        x: card.x - 16,
        y: top,
        width: card.width + 32,
        height: after.y + after.height + 16 - top,
      },
    });
    expect(pngSize(join(DOCS, 'button.png')).height).toBeGreaterThan(100);
    await jobPage.close();
  });

  it('docs/outbox.png: the outbox with a save to fix, one waiting and the synced ones', async () => {
    careerTrack.rejectNextCreate('location', LOCATION_TOO_LONG);
    const turnit = await openJob('linkedin/signed-in-search-turnit');
    const toFix = await prefilledPopup(turnit);
    expect(await saveAndReadOutcome(toFix)).toContain('Fix the highlighted fields');
    await toFix.close();

    await careerTrack.stop();
    const papercut = await openJob('indeed/viewjob-papercut');
    const queued = await prefilledPopup(papercut);
    expect(await saveAndReadOutcome(queued)).toContain('Queued');
    await queued.getByRole('tab', { name: /Outbox/ }).click();
    await queued.getByRole('heading', { name: 'Recently synced' }).waitFor();
    await queued.screenshot({ path: join(DOCS, 'outbox.png'), fullPage: true });
    expect(pngSize(join(DOCS, 'outbox.png')).width).toBe(POPUP_SIZE.width);
    await queued.close();
    await turnit.close();
    await papercut.close();
    await careerTrack.start();
  });

  it('docs/options.png: the options, connected', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 760, height: 560 });
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('button', { name: 'Test connection' }).click();
    await options.getByText('Connected as').first().waitFor({ timeout: 10_000 });
    await options.screenshot({ path: join(DOCS, 'options.png'), fullPage: true });
    expect(pngSize(join(DOCS, 'options.png')).width).toBe(760);
    await options.close();
  });
});
