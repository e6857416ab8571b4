/**
 * The reliability suite's Chromium side: the CareerTrack stand-in with faults that outlive its
 * restarts, an extension page kept open to send messages and read the extension's IndexedDB, the
 * service worker stopped through the DevTools protocol, and the in-page button read inside its
 * extension-origin frame (which the page cannot read).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/harness/chromium';
import { clickSave, SAVE_BUTTON_NAME, SAVE_FRAME, saveButtons } from '../e2e/harness/save-button';
import { type RunningApi, startApi } from '../server/app';
import { type Db, openDatabase } from '../server/db';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoAccount } from '../server/demo';
import { LoggedFaults } from './faults';

/** The built extension to load: run.ts's private copy, which a concurrent `wxt build` cannot remove. */
export const extensionDir = (): string | undefined =>
  process.env.CLIPPER_EXTENSION_DIR || undefined;

export interface ServerRecord {
  id: number;
  company_name: string;
  position_title: string;
  status: string;
  source: string | null;
  source_url: string | null;
  location: string | null;
  salary_min: number | null;
  salary_max: number | null;
  notes: string | null;
  applied_at: string | null;
  created_at: string | null;
}

/**
 * The stand-in on a database file and a fixed port: stopped (connection refused) and started again
 * with its records, its demo account and its faults, as a real server restarts.
 */
export class SoakCareerTrack {
  readonly faults = new LoggedFaults();
  private readonly dir = mkdtempSync(join(tmpdir(), 'clipper-reliability-'));
  readonly db: Db = openDatabase(join(this.dir, 'careertrack.sqlite'));
  private api: RunningApi | null = null;
  port = 0;
  userId = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.api !== null;
  }

  async start(): Promise<void> {
    if (this.api) return;
    this.api = await startApi({ db: this.db, port: this.port, faults: this.faults });
    this.port = this.api.port;
    if (!this.userId) {
      await ensureDemoAccount(this.db);
      const user = this.db.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as {
        id: number;
      };
      this.userId = user.id;
    }
  }

  async stop(): Promise<void> {
    await this.api?.close();
    this.api = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The demo user's records, oldest first. */
  records(): ServerRecord[] {
    return this.db
      .prepare('SELECT * FROM job_applications WHERE user_id = ? ORDER BY id')
      .all(this.userId) as ServerRecord[];
  }
}

// The extension's globals, as its pages see them.
type Chrome = typeof import('webextension-polyfill');
declare const chrome: Chrome;

/** One message from an extension page, as the popup sends it. */
/** The options page, signed in as the demo user: the extension page the probes send from. */
export async function signedInControl(browser: ExtensionBrowser, apiUrl: string): Promise<Page> {
  const control = await browser.context.newPage();
  await control.goto(browser.extensionUrl('options.html'));
  const login = await sendFrom(control, {
    type: 'auth:login',
    apiUrl,
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
  });
  if ((login as { ok?: unknown } | undefined)?.ok !== true)
    throw new Error(`the demo sign-in failed: ${JSON.stringify(login)}`);
  return control;
}

export function sendFrom(page: Page, message: object): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

export interface RowView {
  id: number;
  job_key: string;
  state: string;
  in_doubt: boolean;
  next_attempt_at: number;
  lookup_after: number | null;
  lease_until: number | null;
  server_id: number | null;
  source_url: string | null;
  last_error: string | null;
  attempts: number;
  first_attempt_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Every outbox row, read from the extension's IndexedDB by an extension page (no message: no wake). */
export function readOutbox(page: Page): Promise<RowView[]> {
  return page.evaluate(
    () =>
      new Promise<RowView[]>((resolve, reject) => {
        const open = indexedDB.open('careertrack-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('outbox').objectStore('outbox').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as Array<Record<string, any>>).map((row) => ({
                id: row.id,
                job_key: row.job_key,
                state: row.state,
                in_doubt: row.in_doubt,
                next_attempt_at: row.next_attempt_at,
                lookup_after: row.lookup_after ?? null,
                lease_until: row.lease_until,
                server_id: row.server_id,
                source_url: row.draft?.source_url ?? null,
                last_error: row.last_error,
                attempts: row.attempts,
                first_attempt_at: row.first_attempt_at,
                created_at: row.created_at,
                updated_at: row.updated_at,
              })),
            );
          };
        };
      }),
  );
}

/** The extension's 'secrets' store, read by an extension page: where the token must be. */
export function readSecrets(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('careertrack-clipper');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('secrets').objectStore('secrets').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
        };
      }),
  );
}

/**
 * The extension's service worker as DevTools sees it, from an extension page's CDP session:
 * ServiceWorker.stopAllWorkers stops it the way Chrome does after 30 s idle (in the middle of
 * whatever it was doing), and the version updates tell when something started it again.
 */
export class WorkerControl {
  running = false;
  starts = 0;
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<WorkerControl> {
    const cdp = await page.context().newCDPSession(page);
    const control = new WorkerControl(cdp);
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith('chrome-extension://')) continue;
        const running = version.runningStatus === 'running';
        if (running && !control.running) control.starts++;
        control.running = running;
      }
    });
    await cdp.send('ServiceWorker.enable');
    return control;
  }

  async stop(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(() => !this.running, 10_000, 'the service worker to stop');
  }

  /** Resolves once the worker runs again (started by whatever woke it). */
  async started(since: number, timeoutMs: number, what: string): Promise<void> {
    await waitFor(() => this.running && this.starts > since, timeoutMs, what);
  }

  detach(): Promise<void> {
    return this.cdp.detach().catch(() => {});
  }
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The browser's id for the tab showing `url`, asked by an extension page (not the worker). */
export async function tabIdOf(control: Page, url: string): Promise<number> {
  const id = await control.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id;
  }, url);
  if (typeof id !== 'number') throw new Error(`no tab shows ${url}`);
  return id;
}

/** The popup opened as a page for the tab showing `jobPage`. */
export async function popupFor(
  browser: ExtensionBrowser,
  control: Page,
  jobPage: Page,
): Promise<Page> {
  const tabId = await tabIdOf(control, jobPage.url());
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl(`popup.html?tabId=${tabId}`));
  return popup;
}

export { clickSave, SAVE_BUTTON_NAME as BUTTON_NAME, SAVE_FRAME, saveButtons };

/** The button's text once it settles on `pattern`. */
export async function buttonSettles(
  page: Page,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  let text = '';
  await waitFor(
    async () => {
      text = (await saveButtons(page))[0]?.text ?? '';
      return pattern.test(text);
    },
    timeoutMs,
    `the Save button to say ${pattern}`,
    150,
  );
  return text;
}

/**
 * A synthetic LinkedIn job page (signed-out layout, the top card that the LinkedIn extractor and
 * the button's placement read), for the job `id`.
 */
export function linkedInJobPage(job: {
  id: number;
  title: string;
  company: string;
  location: string;
  description?: string;
}): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${escape(job.company.slice(0, 100))} hiring ${escape(job.title.slice(0, 100))} | LinkedIn</title></head>
<body><main><section class="top-card-layout">
<h1 class="top-card-layout__title">${escape(job.title)}</h1>
<h4 class="topcard__flavor-row"><a class="topcard__org-name-link" href="https://www.linkedin.com/company/x">${escape(job.company)}</a>
<span class="topcard__flavor topcard__flavor--bullet">${escape(job.location)}</span></h4>
<div class="top-card-layout__cta-container"><button>Apply</button></div>
</section>
<section class="description"><div class="show-more-less-html__markup">${job.description ?? 'A job.'}</div></section>
</main></body></html>`;
}
