import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type RunningApi, startApi } from '../../server/app';
import { DEMO_EMAIL, DEMO_PASSWORD, ensureDemoAccount } from '../../server/demo';
import type { ExtensionBrowser } from './chromium';

export const LOCATION_TOO_LONG = 'The location field must not be greater than 255 characters.';

export interface ServerRecord {
  id: number;
  company_name: string;
  position_title: string;
  source_url: string | null;
  location: string | null;
  salary_min: number | null;
  salary_max: number | null;
}

/**
 * The local CareerTrack for end-to-end tests, on a database file so that it can be stopped and
 * started again on the same port with its records, as a real server restarts.
 */
export class LocalCareerTrack {
  private api: RunningApi | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'clipper-api-'));
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): RunningApi {
    if (!this.api) throw new Error('the local CareerTrack is stopped');
    return this.api;
  }

  async start(): Promise<void> {
    this.api = await startApi({ port: this.port, db: join(this.dir, 'db.sqlite'), faults: true });
    this.port = this.api.port;
    await ensureDemoAccount(this.api.db);
  }

  async stop(): Promise<void> {
    await this.api?.close();
    this.api = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The next create answered with a 422 on `field`, as CareerTrack words it. */
  rejectNextCreate(field: string, message: string): void {
    this.running.faults.add({
      kind: 'status',
      method: 'POST',
      path: '/api/applications',
      status: 422,
      json: { message, errors: { [field]: [message] } },
    });
  }

  /** Every token of every user revoked, as a logout elsewhere or an expiry would. */
  revokeAllTokens(): void {
    this.running.db.prepare('DELETE FROM personal_access_tokens').run();
  }

  /** The demo user's records, read with a token of the test's own. */
  async records(): Promise<ServerRecord[]> {
    const { token } = await ensureDemoAccount(this.running.db);
    const answer = await fetch(`${this.url}/api/applications?per_page=100`, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    });
    return ((await answer.json()) as { data: ServerRecord[] }).data;
  }
}

/** Signs in through the options page, as a person would. */
export async function signInThroughOptions(
  browser: ExtensionBrowser,
  apiUrl: string,
): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await options.locator('[name="api_url"]').fill(apiUrl);
  await options.locator('[name="email"]').fill(DEMO_EMAIL);
  await options.locator('[name="password"]').fill(DEMO_PASSWORD);
  await options.getByRole('button', { name: 'Sign in' }).click();
  await options.getByText(`Signed in as ${DEMO_EMAIL}`).waitFor({ timeout: 10_000 });
  await options.close();
}

// The extension's pages' global, in `evaluate` callbacks.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/**
 * An options page signed in with the message its form sends (faster than typing it), left open
 * for the test to send more messages from an extension page.
 */
export async function signedInOptionsPage(
  browser: ExtensionBrowser,
  apiUrl: string,
): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  const login = await options.evaluate((message) => chrome.runtime.sendMessage(message), {
    type: 'auth:login',
    apiUrl,
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
  });
  if (JSON.stringify(login) !== JSON.stringify({ ok: true, email: DEMO_EMAIL }))
    throw new Error(`Sign-in failed: ${JSON.stringify(login)}`);
  return options;
}

const FINAL_WORDS =
  /Saved to CareerTrack|Queued: will send|Sign in to send|Fix the highlighted fields|Already saved on/;

/** Presses Save and waits for the popup's final word: a status line, never a spinner. */
export async function saveAndReadOutcome(popup: Page): Promise<string> {
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  const outcome = popup.locator('[role="status"], [role="alert"]').filter({ hasText: FINAL_WORDS });
  await outcome.first().waitFor({ timeout: 15_000 });
  return (await outcome.allTextContents()).join(' | ');
}
