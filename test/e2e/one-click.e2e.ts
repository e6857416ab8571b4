// One click from the job page, in a real Chromium with the built extension: fixture pages served as
// the real hosts, the API stand-in on a free port, signed in as the options page does it. The
// button lives in a closed shadow root, so it is read as assistive technology reads it (the
// accessibility tree) and clicked with real input events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indeedJobKey, linkedInJobId } from '../../lib/extract/url';
import { parseHtml } from '../helpers/dom';
import { type FixtureCase, loadCases, readCorpusPage } from '../helpers/fixtures';
import { type RunningApi, startApi } from '../server/app';
import { ensureDemoAccount } from '../server/demo';
import { signedInOptionsPage } from './harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type JobSiteServer, jobHostMap, startJobSiteServer } from './harness/job-site-server';
import { clickSave, SAVE_BUTTON_NAME, SAVE_FRAME, saveButtons } from './harness/save-button';
import { tabIdOf } from './harness/tabs';

const PAGES = join(import.meta.dirname, '../pages');
const NAME = SAVE_BUTTON_NAME;
const fold = (value: unknown) => String(value).replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The corpus pages of the sites that have the button, whose address names the job (the button's
 * promise, and all the background lets a tab save). A search whose address names none shows its
 * pane's job in the popup instead (capture.e2e.ts).
 */
/** Pages where a visible click is still refused: see the `it.fails` below. */
const REFUSED_CLICK = /signed-in-recommended-outlier/;

const siteCases = loadCases().filter((c) => {
  const url = new URL(c.url);
  return !!(linkedInJobId(url) ?? indeedJobKey(url));
});

// The extension's globals, as the worker and the extension's pages see them.
type Chrome = typeof import('webextension-polyfill');
declare const chrome: Chrome & {
  extension: { getViews(): Window[] };
  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
  contextMenus: { onClicked: { dispatch(info: object, tab: unknown): void } };
  runtime: {
    getContexts(filter: object): Promise<Array<{ contextType: string; documentUrl?: string }>>;
  };
};

const buttonText = async (page: Page) => (await saveButtons(page))[0]?.text;

async function expectButton(page: Page, text: string) {
  await expect.poll(() => buttonText(page), { timeout: 15_000 }).toBe(text);
}

/**
 * The pane of `page` (a file of test/pages) showing another job: what the site renders when the
 * user picks another card. Built from the file, never from the live DOM (which holds our button).
 */
function paneFor(page: string, pane: string, replacements: [string, string][]): string {
  const doc = parseHtml(readFileSync(join(PAGES, page), 'utf8'), 'https://localhost/');
  let html = doc.querySelector(pane)?.innerHTML ?? '';
  for (const [from, to] of replacements) html = html.replaceAll(from, to);
  return html;
}

/** What the site does when another job is picked: a new address, the pane re-rendered. */
async function openAnotherJob(page: Page, url: string, pane: string, html: string) {
  await page.evaluate(
    ([next, selector, content]) => {
      history.pushState(null, '', next);
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      element.innerHTML = content;
    },
    [url, pane, html] as const,
  );
}

describe('one click from the job page (real pages as the real hosts)', () => {
  let api: RunningApi;
  let browser: ExtensionBrowser;
  let jobSite: JobSiteServer;

  const records = (like: string) =>
    api.db
      .prepare(
        'SELECT company_name, position_title, status, source_url FROM job_applications WHERE source_url LIKE ? ORDER BY id',
      )
      .all(`%${like}%`) as Array<Record<string, string>>;

  const worker = () => browser.worker;
  const badgeOf = async (page: Page) => {
    const tabId = await tabIdOf(browser, page);
    return worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  };

  /** An extension page kept open to look into the popup, toolbar popup or tab alike. */
  let probe: Page;
  /** The title field of each open popup, once it has read its tab. */
  const popupTitles = () =>
    probe.evaluate(() =>
      chrome.extension
        .getViews()
        .filter((view) => view.location.pathname === '/popup.html')
        .map(
          (view) =>
            (view.document.querySelector('[name="position_title"]') as HTMLInputElement | null)
              ?.value ?? null,
        ),
    );
  const closePopups = () =>
    probe.evaluate(() => {
      for (const view of chrome.extension.getViews()) {
        if (view.location.pathname === '/popup.html') view.close();
      }
    });

  async function open(path: string, html: string, url: string): Promise<Page> {
    jobSite.page(path, html);
    const page = await browser.context.newPage();
    await page.goto(url);
    await expectButton(page, NAME);
    return page;
  }

  beforeAll(async () => {
    api = await startApi({ db: ':memory:' });
    await ensureDemoAccount(api.db);
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({
      hostMap: jobHostMap(jobSite.port),
    });
    const options = await signedInOptionsPage(browser, api.url);
    probe = options;
  });

  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
    await api?.close();
  });

  async function savesOnce(testCase: FixtureCase) {
    const address = new URL(testCase.url);
    const html = readCorpusPage(testCase.file);
    const page = await open(address.pathname, html, testCase.url);
    const jobId = /(\d{6,}|[\da-f]{16})(?!.*(\d{6,}|[\da-f]{16}))/.exec(
      (testCase.expect.source_url_has ?? []).join(' '),
    )?.[1];
    if (!jobId) throw new Error(`no job id in the expectations of ${testCase.file}`);

    // The page holds a frame of the extension's origin, which it cannot look into.
    expect(
      await page.evaluate((frame) => {
        const element = document.querySelector(frame) as HTMLIFrameElement | null;
        try {
          return element?.contentDocument ?? null;
        } catch {
          return null;
        }
      }, SAVE_FRAME),
    ).toBeNull();
    expect(await saveButtons(page)).toHaveLength(1);

    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    const [record, more] = records(jobId);
    expect(more).toBeUndefined();
    const answers = (value: string | string[] | undefined) =>
      (Array.isArray(value) ? value : [value]).map(fold);
    expect(answers(testCase.expect.company_name)).toContain(fold(record?.company_name));
    expect(answers(testCase.expect.position_title)).toContain(fold(record?.position_title));
    expect(record?.status).toBe('applied');
    expect(await badgeOf(page)).toBe('✓');

    await clickSave(page);
    await expectButton(page, 'Already saved');
    // Another visit names the saved job's status, the rest in the tooltip.
    await page.reload();
    await expectButton(page, 'Applied');
    expect((await saveButtons(page))[0]?.description).toMatch(/^Applied · Saved on [^·]+$/);
    expect(await badgeOf(page)).toBe('✓');
    expect(records(jobId)).toHaveLength(1);
    await page.close();
  }

  it.each(siteCases.filter((c) => !REFUSED_CLICK.test(c.file)))(
    'saves $file once, and says so after a reload',
    savesOnce,
  );

  // Known failure, kept visible: on this whole signed-in page, Google's High Contrast extension
  // left its "off" filter on <html> by the page's own address, an identity (same pixels) that the
  // content script's check now lets pass (test/unit/visible-filter.test.ts). Chromium's
  // IntersectionObserver v2 in the frame counts any filter that resolves, identity or not, as an
  // effect, so the frame reports itself not visible and the click opens the popup. `it.fails` turns
  // green into red the day the click saves there, so the exception cannot outlive the bug.
  it.fails.each(siteCases.filter((c) => REFUSED_CLICK.test(c.file)))(
    'saves $file once (known failure: the click is refused as not visible)',
    savesOnce,
  );

  it("LinkedIn's 2026 layout (hashed classes, no <h1>): beside the site's Save, and saves the job the address names", async () => {
    const page = await open(
      '/jobs/search-results/',
      readFileSync(join(PAGES, 'button-linkedin-2026.html'), 'utf8'),
      'https://www.linkedin.com/jobs/search-results/?currentJobId=4500000002&keywords=staff',
    );
    // Placed by the site's own button's accessible name, inside the job's details, not a card's.
    const beside = await page.evaluate(
      (frame) => document.querySelector(frame)?.previousElementSibling?.getAttribute('aria-label'),
      SAVE_FRAME,
    );
    expect(beside).toBe('Save the job Staff Engineer at Acme Corp');
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    expect(records('4500000002')).toEqual([
      expect.objectContaining({
        position_title: 'Staff Engineer',
        company_name: 'Acme Corp',
        source_url: 'https://www.linkedin.com/jobs/view/4500000002/',
      }),
    ]);
    expect(records('4500000001')).toEqual([]);
    expect(await badgeOf(page)).toBe('✓');
    await page.close();
  });

  // The other synthetic 2026 pages: the search-results screen (SDUI, a <title> naming the search),
  // and the hashed layout where the title is only in <title>. Ids moved to a range of their own.
  it.each([
    {
      file: 'linkedin-2026-search-results.html',
      path: '/jobs/search-results/',
      query: '?currentJobId=4520000002&keywords=data%20engineer&origin=JOBS_HOME',
      ids: ['4520000002', '4520000001', '4520000003'],
      position_title: 'Senior Data Engineer',
      company_name: 'Contoso Health',
    },
    {
      file: 'linkedin-2026-hashed.html',
      path: '/jobs/search-results/',
      query: '?currentJobId=4500000002&keywords=staff',
      ids: ['4500000002', '4500000001'],
      position_title: 'Staff Engineer',
      company_name: 'Acme Corp',
    },
  ])('$file: the button appears and saves the job the address names', async (layout) => {
    const moved = (id: string) => `46${id.slice(2)}`;
    let html = readFileSync(join(PAGES, layout.file), 'utf8');
    for (const id of layout.ids) html = html.replaceAll(id, moved(id));
    const [open_, ...others] = layout.ids.map(moved);
    const page = await open(
      layout.path,
      html,
      `https://www.linkedin.com${layout.path}${layout.query.replace(layout.ids[0] ?? '', open_ ?? '')}`,
    );
    expect(await saveButtons(page)).toHaveLength(1);
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    expect(records(open_ ?? '-')).toEqual([
      {
        position_title: layout.position_title,
        company_name: layout.company_name,
        status: 'applied',
        source_url: `https://www.linkedin.com/jobs/view/${open_}/`,
      },
    ]);
    for (const other of others) expect(records(other)).toEqual([]);
    await page.close();
  });

  it('follows LinkedIn to the next job of a search and saves that one (pushState)', async () => {
    const page = await open(
      '/jobs/search/',
      readFileSync(join(PAGES, 'linkedin-search-second-card.html'), 'utf8'),
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013&keywords=backend',
    );
    await clickSave(page);
    await expectButton(page, 'Saved ✓');

    const pane = '.jobs-search__job-details--container';
    const next = paneFor('linkedin-search-second-card.html', pane, [
      ['Wide World Importers', 'Fabrikam GmbH'],
      ['Backend Engineer (Go)', 'Principal Data Engineer'],
      ['4400000013', '4400000011'],
    ]);
    const changed = Date.now();
    await openAnotherJob(
      page,
      '/jobs/search/?currentJobId=4400000011&keywords=backend',
      pane,
      next,
    );
    await expect.poll(() => buttonText(page), { timeout: 3_000, interval: 100 }).toBe(NAME);
    expect(Date.now() - changed).toBeLessThan(1_500);
    expect(await saveButtons(page)).toHaveLength(1);
    // The toolbar forgets the first job's mark on this tab.
    await expect.poll(() => badgeOf(page)).toBe('');
    await clickSave(page);
    await expectButton(page, 'Saved ✓');

    expect(records('/jobs/view/44000000')).toEqual([
      expect.objectContaining({
        company_name: 'Wide World Importers',
        position_title: 'Backend Engineer (Go)',
        source_url: 'https://www.linkedin.com/jobs/view/4400000013/',
      }),
      expect.objectContaining({
        company_name: 'Fabrikam GmbH',
        position_title: 'Principal Data Engineer',
        source_url: 'https://www.linkedin.com/jobs/view/4400000011/',
      }),
    ]);
    // History navigation back to the first job: it knows that one too.
    await page.goBack();
    await expectButton(page, 'Applied');
    await page.close();
  });

  it('follows Indeed to the job open beside the results (vjk) and saves that one', async () => {
    const page = await open(
      '/jobs',
      readFileSync(join(PAGES, 'indeed-search-third.html'), 'utf8'),
      'https://www.indeed.com/jobs?q=data+engineer&l=Leeds&vjk=5555eeee6666ffff',
    );
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    const pane = '#jobsearch-ViewjobPaneWrapper';
    const next = paneFor('indeed-search-third.html', pane, [
      ['Coho Winery', 'Adventure Works'],
      ['>Data Engineer<', '>Senior Data Engineer<'],
    ]);
    await openAnotherJob(page, '/jobs?q=data+engineer&l=Leeds&vjk=1111aaaa2222bbbb', pane, next);
    await expect.poll(() => buttonText(page), { timeout: 3_000, interval: 100 }).toBe(NAME);
    expect(await saveButtons(page)).toHaveLength(1);
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    expect([...records('5555eeee6666ffff'), ...records('1111aaaa2222bbbb')]).toEqual([
      expect.objectContaining({ company_name: 'Coho Winery', position_title: 'Data Engineer' }),
      expect.objectContaining({
        company_name: 'Adventure Works',
        position_title: 'Senior Data Engineer',
      }),
    ]);
    await page.close();
  });

  it('says "Needs details" for a page without a company, and opens the prefilled popup', async () => {
    const page = await open(
      '/jobs/view/4400000077/',
      `<!doctype html><title>LinkedIn</title><main><section class="top-card-layout">
        <h1 class="top-card-layout__title">Site Reliability Engineer</h1>
        <div class="top-card-layout__cta-container"><button>Apply</button></div></section></main>`,
      'https://www.linkedin.com/jobs/view/4400000077/',
    );
    await clickSave(page);
    await expectButton(page, 'Needs details');
    expect((await saveButtons(page))[0]?.description).toMatch(/^Company is required\./);
    // The toolbar popup (Chrome 127+ opens it without a gesture), reading this tab's job.
    await expect.poll(popupTitles, { timeout: 10_000 }).toEqual(['Site Reliability Engineer']);
    await closePopups();
    expect(records('4400000077')).toHaveLength(0);
    await page.close();
  });

  it('the shortcut and the context menu do what the button does on a job page', async () => {
    const page = await open(
      '/jobs/view/4400000099/',
      readFileSync(join(PAGES, 'linkedin-job-view.html'), 'utf8'),
      'https://www.linkedin.com/jobs/view/4400000099/',
    );
    // Headless Chromium has no keyboard accelerators or menus: their events are dispatched to the
    // background's own listeners, with the real tab, as the browser would.
    const tabId = await tabIdOf(browser, page);
    await worker().evaluate(async (id) => {
      chrome.commands.onCommand.dispatch('save-job', await chrome.tabs.get(id));
    }, tabId);
    await expectButton(page, 'Saved ✓');
    expect(records('4400000099')).toHaveLength(1);
    await worker().evaluate(async (id) => {
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'save-job' }, await chrome.tabs.get(id));
    }, tabId);
    await expectButton(page, 'Already saved');
    expect(records('4400000099')).toHaveLength(1);
    expect(await popupTitles()).toEqual([]);
    await page.close();
  });

  it('the context menu elsewhere opens the popup prefilled from that page', async () => {
    const itjobs = loadCases().find((c) => c.file.includes('itjobs'));
    if (!itjobs) throw new Error('the itjobs fixture is missing from cases.json');
    jobSite.page('/oferta/516462', readCorpusPage(itjobs.file));
    const page = await browser.context.newPage();
    await page.goto(`http://localhost:${jobSite.httpPort}/oferta/516462`);
    const tabId = await tabIdOf(browser, page);
    await worker().evaluate(async (id) => {
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'save-job' }, await chrome.tabs.get(id));
    }, tabId);
    await expect.poll(popupTitles, { timeout: 10_000 }).toEqual([itjobs.expect.position_title]);
    await closePopups();
    await page.close();
  });

  it('reaches tabs opened before an install or update, where the older copy steps aside', async () => {
    const page = await open(
      '/jobs/view/4400000055/',
      readFileSync(join(PAGES, 'linkedin-job-view.html'), 'utf8'),
      'https://www.linkedin.com/jobs/view/4400000055/',
    );
    await clickSave(page);
    await expectButton(page, 'Saved ✓');
    // Marks the older copy's frame, from the page's side.
    await page.evaluate(
      (frame) => document.querySelector(frame)?.setAttribute('data-old', ''),
      SAVE_FRAME,
    );
    // Headless Chromium cannot update or reload an extension loaded from the command line (it
    // comes back blocked): the update's event goes to the background's own listener instead.
    await worker().evaluate(() =>
      (chrome.runtime.onInstalled as unknown as { dispatch(details: object): void }).dispatch({
        reason: 'update',
        previousVersion: '0.0.1',
      }),
    );
    // The injected copy puts a frame of its own in place of the older copy's, which steps aside.
    await expect
      .poll(() =>
        page.evaluate(
          (frame) => [...document.querySelectorAll(frame)].map((f) => f.getAttribute('data-old')),
          SAVE_FRAME,
        ),
      )
      .toEqual([null]);
    // A new frame: it names the saved job's status.
    await expectButton(page, 'Applied');
    expect(await saveButtons(page)).toHaveLength(1);
    await clickSave(page);
    await expectButton(page, 'Already saved');
    expect(records('4400000055')).toHaveLength(1);
    await page.close();
  });
});
