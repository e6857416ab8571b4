// Hostile pages and page-world probes, in headless Chromium with the built extension. The job pages
// are synthetic (generated here), served as www.linkedin.com, or as a career site on plain http,
// WITHOUT the test server's script-blocking CSP: every payload that a bug turned into markup would
// run. Each payload calls back to a local server if it ever loads (`<img src>`) and sets
// `window.__pwned` if it ever runs (`onerror`, `onload`, `<script>`, `javascript:`).
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAndReadOutcome } from '../e2e/harness/careertrack';
import { EXTENSION_DIR, type ExtensionBrowser, launchWithExtension } from '../e2e/harness/chromium';
import { type JobSiteServer, startJobSiteServer } from '../e2e/harness/job-site-server';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../server/demo';
import {
  BUTTON_NAME,
  buttonSettles,
  clickSave,
  extensionDir,
  linkedInJobPage,
  popupFor,
  readSecrets,
  SAVE_FRAME,
  SoakCareerTrack,
  saveButtons,
  sendFrom,
  signedInControl,
  waitFor,
} from './browser';
import { reconcile, tally } from './tally';

const MB = 1_000_000;

/** Counts every request that reaches it: a payload that loaded or ran. */
async function callbackServer() {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(204);
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return { port, hits, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** The payloads, as page text: what a reader sees, and what the popup must show literally. */
function payloads(port: number) {
  const call = (where: string) => `http://127.0.0.1:${port}/hit/${where}`;
  const title =
    `<img src="${call('title')}" onerror="window.__pwned='title'">` +
    `<script>window.__pwned='title-script'</script> \u202eEvil\u202c Zero\u200bWidth Engineer `;
  const company = `<img src=${call('company')} onerror=window.__pwned='company'> javascript:window.__pwned='co' \u2066Acme\u2069 `;
  return {
    call,
    /** 1 MB and more of each, as the page gives it. */
    title: title + 'T'.repeat(MB),
    company: company + 'C'.repeat(MB),
    location: `<svg onload="window.__pwned='location'"></svg> Lisbon`,
    description:
      `<p>&lt;img src=${call('description')} onerror=window.__pwned='description'&gt;</p>` +
      `<p><a href="javascript:window.__pwned='link'">Apply here</a> <a href="${call('link')}">and here</a></p>` +
      `<p>${'D'.repeat(MB)}</p>`,
    /** What a reader sees of title and company (bidi and zero-width characters dropped), cut to 255. */
    titleShown:
      `<img src="${call('title')}" onerror="window.__pwned='title'"><script>window.__pwned='title-script'</script> Evil ZeroWidth Engineer ${'T'.repeat(MB)}`.slice(
        0,
        255,
      ),
    companyShown:
      `<img src=${call('company')} onerror=window.__pwned='company'> javascript:window.__pwned='co' Acme ${'C'.repeat(MB)}`.slice(
        0,
        255,
      ),
  };
}

const pwned = (page: Page) =>
  page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null);

/** Markup that only a bug could have put in an extension page: handlers, inline scripts, our images. */
const injectedMarkup = (page: Page, port: number) =>
  page.evaluate(
    (p) =>
      [...document.querySelectorAll('*')]
        .filter(
          (el) =>
            [...el.attributes].some(
              (a) =>
                /^on/i.test(a.name) ||
                (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) &&
                  /^\s*javascript:/i.test(a.value)),
            ) ||
            (el.localName === 'script' && !el.getAttribute('src')) ||
            (el.getAttribute('src') ?? '').includes(`:${p}/`),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    port,
  );

describe('hostile pages and page-world probes (Chromium, built extension)', () => {
  const api = new SoakCareerTrack();
  let jobSite: JobSiteServer;
  let callback: Awaited<ReturnType<typeof callbackServer>>;
  let browser: ExtensionBrowser;
  let control: Page;
  let p: ReturnType<typeof payloads>;
  let token = '';
  const saves: string[] = [];

  /** A hostile LinkedIn job page for `id`, served without CSP. */
  async function openHostile(id: number): Promise<Page> {
    jobSite.page(
      `/jobs/view/${id}/`,
      linkedInJobPage({
        id,
        title: p.title,
        company: p.company,
        location: p.location,
        description: p.description,
      }),
      { csp: false },
    );
    const page = await browser.context.newPage();
    await page.goto(`https://www.linkedin.com/jobs/view/${id}/`);
    await buttonSettles(page, new RegExp(`^${BUTTON_NAME}$`));
    return page;
  }

  beforeAll(async () => {
    await api.start();
    callback = await callbackServer();
    p = payloads(callback.port);
    jobSite = await startJobSiteServer();
    browser = await launchWithExtension({
      extensionDir: extensionDir(),
      hostMap: { 'www.linkedin.com': jobSite.port },
    });
    control = await signedInControl(browser, api.url);
    const [session] = (await readSecrets(control)) as Array<{ token?: string }>;
    token = session?.token ?? '';
    expect(token).toMatch(/^\d+\|\w+/);
  });

  afterAll(async () => {
    await browser?.close();
    await jobSite?.close();
    await callback?.close();
    await api.dispose();
  });

  it('a hostile LinkedIn page: shown as text in the popup, cut to the limits with a notice, saved literally, never run', async ({
    task,
  }) => {
    const page = await openHostile(4_400_000_601);
    const url = 'https://www.linkedin.com/jobs/view/4400000601/';
    const popup = await popupFor(browser, control, page);
    const value = (name: string) => popup.locator(`[name="${name}"]`).inputValue();
    await waitFor(
      async () => (await value('position_title')) !== '',
      15_000,
      'the popup to read the page',
    );

    expect(await value('position_title')).toBe(p.titleShown);
    expect(await value('company_name')).toBe(p.companyShown);
    expect(await value('location')).toBe(p.location);
    expect(await value('source_url')).toBe(url);
    const notice = popup.getByText(/^Shortened to fit CareerTrack: /);
    expect(await notice.textContent()).toMatch(/title.*company|company.*title/);
    expect(await notice.isVisible()).toBe(true);
    // The description (20,000 characters kept of a megabyte) goes to the notes as plain text.
    await popup.getByLabel('Add the job description to the notes').check();
    const notes = await popup.locator('[name="notes"]').inputValue();
    expect(notes).toContain(
      `<img src=${p.call('description')} onerror=window.__pwned='description'>`,
    );
    expect(notes).toContain('Apply here and here');
    expect(notes.length).toBeLessThanOrEqual(20_100);

    expect(await saveAndReadOutcome(popup)).toContain('Saved to CareerTrack');
    saves.push(url);
    const record = api.records().find((r) => r.source_url === url);
    expect(record?.position_title).toBe(p.titleShown);
    expect(record?.company_name).toBe(p.companyShown);
    expect(record?.notes).toBe(notes);

    // The outbox lists it by its title, as text.
    await popup.getByRole('tab', { name: /Outbox/ }).click();
    const row = popup.getByRole('listitem', { name: `${p.titleShown} at ${p.companyShown}` });
    await row.waitFor({ timeout: 10_000 });

    tally({ task }, { saves: 1 });
    expect(await injectedMarkup(popup, callback.port)).toEqual([]);
    expect(await pwned(popup)).toBeNull();
    expect(await pwned(page)).toBeNull();
    expect(callback.hits).toEqual([]);
    await popup.close();
    await page.close();
  });

  it("a hostile LinkedIn page through the in-page button: saved cut and literal, the button shows only the extension's words", async ({
    task,
  }) => {
    const page = await openHostile(4_400_000_602);
    const url = 'https://www.linkedin.com/jobs/view/4400000602/';
    await clickSave(page);
    expect(await buttonSettles(page, /^(Saved ✓|Queued|Not saved|Needs details)$/)).toBe('Saved ✓');
    saves.push(url);
    const [button] = await saveButtons(page);
    expect(button?.description).toMatch(/^Saved on .+ · applied$/);
    const record = api.records().find((r) => r.source_url === url);
    expect(record?.position_title).toBe(p.titleShown);
    expect(record?.company_name).toBe(p.companyShown);
    tally({ task }, { saves: 1 });
    expect(await pwned(page)).toBeNull();
    expect(callback.hits).toEqual([]);
    await page.close();
  });

  it('a hostile career site (JSON-LD with markup and a javascript: address): text only, no javascript: address', async () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: `<img src=${p.call('ld-title')} onerror=window.__pwned='ld'> Data Engineer`,
      hiringOrganization: { '@type': 'Organization', name: `<b>Evil</b> Corp\u202e` },
      url: "javascript:window.__pwned='ld-url'",
      description: `<img src=${p.call('ld-description')} onerror=window.__pwned='ld-d'>`,
      datePosted: '2026-05-01',
    };
    jobSite.page(
      '/careers/hostile',
      `<!-- Synthetic hostile career page (generated by test/reliability/hostile.e2e.ts). -->
<!doctype html><html><head><title>Data Engineer</title>
<link rel="canonical" href="javascript:window.__pwned='canonical'">
<meta property="og:url" content="javascript:window.__pwned='og'">
<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script></head>
<body><h1>Data Engineer</h1></body></html>`,
      { csp: false },
    );
    const page = await browser.context.newPage();
    await page.goto(`http://localhost:${jobSite.httpPort}/careers/hostile`);
    const popup = await popupFor(browser, control, page);
    const value = (name: string) => popup.locator(`[name="${name}"]`).inputValue();
    await waitFor(
      async () => (await value('position_title')) !== '',
      15_000,
      'the popup to read the page',
    );
    expect(await value('position_title')).toBe(
      `<img src=${p.call('ld-title')} onerror=window.__pwned='ld'> Data Engineer`,
    );
    expect(await value('company_name')).toBe('<b>Evil</b> Corp');
    expect(await value('source_url')).not.toMatch(/^\s*javascript:/i);
    expect(await injectedMarkup(popup, callback.port)).toEqual([]);
    expect(await pwned(popup)).toBeNull();
    expect(await pwned(page)).toBeNull();
    expect(callback.hits).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('a page cannot make the extension save or reveal anything, and the token is only in IndexedDB', async ({
    task,
  }) => {
    const page = await openHostile(4_400_000_603);
    const url = 'https://www.linkedin.com/jobs/view/4400000603/';
    const failed: string[] = [];
    let probes = 0;
    const probe = async (name: string, holds: () => Promise<boolean> | boolean) => {
      probes++;
      const held = await Promise.resolve()
        .then(holds)
        .catch((error: unknown) => `threw ${String(error).slice(0, 200)}`);
      if (held !== true) failed.push(held ? `${name} (${held})` : name);
    };
    const secret = token.split('|')[1] ?? token;
    const nothingSaved = () => !api.records().some((r) => r.source_url === url);
    const idle = async () => (await saveButtons(page))[0]?.text === BUTTON_NAME;

    // 1. The extension is not reachable from the page's world (no externally_connectable).
    await probe('chrome.runtime.sendMessage from the page', async () => {
      const outcome = await page.evaluate(async (extensionId) => {
        const runtime = (window as { chrome?: { runtime?: { sendMessage?: Function } } }).chrome
          ?.runtime;
        if (typeof runtime?.sendMessage !== 'function') return 'unreachable';
        try {
          const answer = await runtime.sendMessage(extensionId, {
            type: 'outbox:save',
            draft: { company_name: 'Forged', position_title: 'Forged' },
            jobKey: 'forged',
          });
          return answer === undefined ? 'unanswered' : JSON.stringify(answer);
        } catch {
          return 'refused';
        }
      }, browser.extensionId);
      return ['unreachable', 'unanswered', 'refused'].includes(outcome);
    });

    // 2. Our message shapes posted to the page's window: the content script does not listen.
    //    A forged draft carries no address of its own, so "nothing saved" means no record at all
    //    appeared, under any address or name, not only none at the page's address.
    const recordsBefore = api.records().length;
    const nothingForged = () =>
      api.records().length === recordsBefore &&
      !api.records().some((r) => r.company_name === 'Forged' || r.source_url === url);
    const replies = await page.evaluate(async (jobKey) => {
      const got: unknown[] = [];
      const mine = new Set<string>();
      window.addEventListener('message', (event) => {
        if (!mine.has(JSON.stringify(event.data))) got.push(event.data);
      });
      const shapes = [
        {
          type: 'clip:save',
          draft: { company_name: 'Forged', position_title: 'Forged', job_key: jobKey, origins: {} },
        },
        { type: 'clip:run' },
        { type: 'clip:lookup', jobKey },
        { type: 'job:extract' },
        {
          type: 'outbox:save',
          draft: { company_name: 'Forged', position_title: 'Forged' },
          jobKey,
        },
        { type: 'auth:status' },
      ];
      for (const shape of shapes) {
        mine.add(JSON.stringify(shape));
        window.postMessage(shape, '*');
      }
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return got;
    }, 'linkedin:4400000603');
    await probe('window.postMessage of our message shapes: no answer', () => replies.length === 0);
    await probe('window.postMessage of our message shapes: nothing saved', nothingForged);

    // 3. Synthetic events on the button's frame: its document is another origin's, clicks and
    //    keys the page makes never reach it, and the page cannot read into it.
    const synthetic = await page.evaluate(async (selector) => {
      const frame = document.querySelector(selector) as HTMLIFrameElement | null;
      if (!frame) return { found: false, readable: null };
      frame.click();
      frame.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      frame.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
      frame.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
      );
      frame.contentWindow?.postMessage({ type: 'frame:save', visible: true }, '*');
      const point = frame.getBoundingClientRect();
      (document.elementFromPoint(point.x + 5, point.y + 5) as HTMLElement | null)?.click();
      window.dispatchEvent(new Event('wxt:locationchange'));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      let readable: string | null = null;
      try {
        readable = frame.contentDocument?.body?.textContent ?? null;
        readable ??= frame.contentWindow?.document.body.textContent ?? null;
      } catch {
        readable = null;
      }
      return { found: true, readable };
    }, SAVE_FRAME);
    await probe('the button is in the page', () => synthetic.found);
    await probe("the button's frame is closed to the page", () => synthetic.readable === null);
    await probe('synthetic clicks and keys on the button: nothing saved', nothingSaved);
    await probe('synthetic clicks and keys on the button: it still says Save', idle);

    // 4. The token: not in the page's storage, DOM or databases; not in storage a content script reads.
    await probe("the page's IndexedDB has no extension database", async () => {
      const names = await page.evaluate(async () =>
        (await indexedDB.databases()).map((d) => d.name),
      );
      return !names.includes('careertrack-clipper');
    });
    await probe("the page's storage, cookies and DOM hold no token", async () => {
      const seen = await page.evaluate(() =>
        JSON.stringify({
          local: { ...localStorage },
          session: { ...sessionStorage },
          cookie: document.cookie,
          html: document.documentElement.outerHTML,
        }),
      );
      return !seen.includes(secret);
    });
    for (const area of ['local', 'sync', 'session'] as const) {
      await probe(`chrome.storage.${area} holds no token`, async () => {
        const all = await control.evaluate(
          (name) =>
            (
              globalThis as unknown as {
                chrome: { storage: Record<string, { get(keys: null): Promise<object> }> };
              }
            ).chrome.storage[name]?.get(null) ?? Promise.resolve({}),
          area,
        );
        return !JSON.stringify(all).includes(secret);
      });
    }
    await probe("the token is in the extension's IndexedDB secrets", async () =>
      JSON.stringify(await readSecrets(control)).includes(secret),
    );

    // 5. The content scripts' bundles have no way to the token, the database or the API.
    const dir = join(extensionDir() ?? EXTENSION_DIR, 'content-scripts');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      for (const word of [
        'indexedDB',
        'careertrack-clipper',
        'secrets',
        'Bearer',
        'Authorization',
        'api/applications',
      ]) {
        await probe(`content-scripts/${file} has no "${word}"`, () => !code.includes(word));
      }
    }

    // And after all that, a real click still saves: the probes were refused, not the button broken.
    await clickSave(page);
    await probe(
      'a real click still saves',
      async () => (await buttonSettles(page, /^(Saved ✓|Queued)$/)) === 'Saved ✓',
    );
    saves.push(url);
    const counted = reconcile(
      saves,
      api.records().map((r) => String(r.source_url)),
    );
    tally(
      { task },
      {
        saves: 1,
        onServer: counted.onServer,
        lost: counted.lost.length,
        duplicates: counted.duplicates,
        probes,
        leaks: failed.length,
      },
    );
    expect(failed).toEqual([]);
    expect(counted.lost).toEqual([]);
    expect(counted.duplicates).toBe(0);
    expect(await pwned(page)).toBeNull();
    expect(callback.hits).toEqual([]);
    await page.close();
  });
});
