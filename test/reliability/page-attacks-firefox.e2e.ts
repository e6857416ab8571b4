// The page attacks of page-attacks.e2e.ts, in a real Firefox ESR with each Firefox build (MV2 and
// MV3) installed, driven through Marionette (test/e2e/firefox/). Firefox has no
// IntersectionObserver v2: a click is judged only by the content-script-world check of
// lib/content/visible.ts, which these tests meet with real, trusted mouse clicks. The page is
// attackerJobPage: its own script observes and dresses whatever the extension put into it.
// Firefox-specific too: a content-script context can write storage.local, and its IndexedDB is
// the page's; and Firefox's own fetch meets a redirect to another origin.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { type JobSiteProxy, startJobSiteProxy } from '../e2e/firefox/job-site-proxy';
import { type FirefoxBuild, firefoxPath } from '../e2e/firefox/launch';
import { FirefoxSession } from '../e2e/firefox/session';
import { type JobSiteServer, startJobSiteServer } from '../e2e/harness/job-site-server';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../server/demo';
import { type Recorder, startRecorder } from '../server/recorder';
import { attackerJobPage, type Observation, type Trap } from './attacker-page';
import { SoakCareerTrack } from './browser';
import { tally } from './tally';

const BUILDS: FirefoxBuild[] = ['firefox-mv2', 'firefox-mv3'];

/** run.ts's private copy of each build, which a concurrent `wxt build` cannot remove. */
const privateCopy: Record<FirefoxBuild, string | undefined> = {
  'firefox-mv2': process.env.CLIPPER_FIREFOX_MV2_DIR || undefined,
  'firefox-mv3': process.env.CLIPPER_FIREFOX_MV3_DIR || undefined,
};

describe.each(BUILDS)('Firefox ESR %s', (build) => {
  // A missing Firefox fails the file here, saying how to get it; nothing is skipped.
  firefoxPath();
  const api = new SoakCareerTrack();
  let evil: Recorder;
  let jobSite: JobSiteServer;
  let proxy: JobSiteProxy;
  let firefox: FirefoxSession;
  /** The options page, signed in: the extension page the test sends from. */
  let control = '';

  const recordsOf = (id: string) => api.records().filter((r) => r.source_url?.includes(id));
  const jobUrl = (id: string) => `https://www.linkedin.com/jobs/view/${id}/`;

  /** One message from the options page, as the extension's own pages send it. */
  async function send(message: object): Promise<unknown> {
    await firefox.switchTo(control);
    return firefox.contentAsync('return await browser.runtime.sendMessage(arguments[0]);', message);
  }

  /**
   * Closes every tab but the blank one and the options page, and any panel a refused click
   * opened (the toolbar popup), from the browser window: while that panel is open Marionette
   * lists no other tab.
   */
  async function closeJobTabs(): Promise<void> {
    await firefox.chrome(
      `for (const panel of document.querySelectorAll('panel'))
        if (panel.state === 'open') panel.hidePopup();
      // The first tab is the blank one the browser started with.
      for (const tab of [...gBrowser.tabs].slice(1))
        if (!tab.linkedBrowser.currentURI.spec.endsWith('/options.html')) gBrowser.removeTab(tab);`,
    );
    await firefox.switchTo(firefox.blankTab);
  }

  /** Waits until the tab's one Save button says `text`, as the user reads it inside its frame. */
  async function buttonSays(text: string): Promise<void> {
    let said: string[] = [];
    await firefox
      .waitFor(`the Save button to say "${text}"`, async () => {
        said = (await firefox.frameButtons()).map((button) => button.text);
        return said.length === 1 && said[0] === text;
      })
      .catch((error) => {
        throw new Error(`${error.message} (it says ${JSON.stringify(said)})`);
      });
  }

  /** What the tab's Save buttons say once a click has had its answer. */
  async function answeredClick(): Promise<string[]> {
    let said: string[] = [];
    await firefox
      .waitFor(
        'the click to be answered',
        async () => {
          said = (await firefox.frameButtons()).map((button) => button.text);
          return said.some((text) => !/^(Save to CareerTrack|Saving…)$/.test(text));
        },
        20_000,
      )
      .catch(() => {});
    return said;
  }

  /** The user's click on the button where it shows, untouched by the page. */
  async function clickVisibleButton(): Promise<void> {
    const point = await firefox.content<{ x: number; y: number }>(
      `const r = document.querySelector('iframe').getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };`,
    );
    await firefox.clickAt(point, 300);
  }

  /** The hostile page for job `id` in a new tab, once the extension's element is in it. */
  async function openJob(id: string): Promise<string> {
    jobSite.page(`/jobs/view/${id}/`, attackerJobPage(id), { csp: false });
    const handle = await firefox.newTab(jobUrl(id));
    await firefox.waitFor(
      'the extension to put its button in the page',
      () => firefox.content<boolean>('return window.__hasForeign();'),
      15_000,
    );
    return handle;
  }

  /** A job saved before, from the popup (the page cannot see how). */
  async function saveFromPopup(id: string): Promise<void> {
    const outcome = await send({
      type: 'outbox:save',
      draft: {
        company_name: 'Contoso',
        position_title: `Saved job ${id}`,
        source_url: jobUrl(id),
        status: 'applied',
      },
      jobKey: `linkedin:${id}`,
    });
    expect(outcome).toMatchObject({ state: 'saved' });
  }

  beforeAll(async () => {
    await api.start();
    evil = await startRecorder();
    jobSite = await startJobSiteServer();
    proxy = await startJobSiteProxy(jobSite.port);
    // The background lives through the file: a test stops it itself where that matters, and no
    // message is lost to Firefox stopping it at the moment one arrives.
    firefox = await FirefoxSession.start(build, proxy.port, {
      extensionDir: privateCopy[build],
      idleTimeoutMs: 600_000,
    });
    control = await firefox.openExtensionPage('options.html');
    let login: unknown;
    // The background may still be starting: "Receiving end does not exist" until it listens.
    await firefox.waitFor('the demo sign-in', async () => {
      login = await send({
        type: 'auth:login',
        apiUrl: api.url,
        email: DEMO_EMAIL,
        password: DEMO_PASSWORD,
      });
      return true;
    });
    expect(login).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await firefox?.close();
    await proxy?.close();
    await jobSite?.close();
    await evil?.close();
    await api.dispose();
  });

  it('enumeration by replaceState: size, window.find, attributes, text, focus, mutations, messages and custom-element internals are the same for saved and unsaved jobs', async ({
    task,
  }) => {
    const saved = ['4400000801', '4400000803'];
    const unsaved = ['4400000802', '4400000804', '4400000805'];
    for (const id of saved) await saveFromPopup(id);
    await openJob('4400000800');
    await buttonSays('Save to CareerTrack');
    const seen = new Map<string, Observation>();
    for (const id of [unsaved[0], saved[0], unsaved[1], unsaved[2], saved[1]] as string[]) {
      await firefox.content(
        `window.__mutations = 0; window.__messages = 0; history.replaceState(null, '', '/jobs/view/' + arguments[0] + '/');`,
        id,
      );
      // The page looks once the user can read the job's state on the button (so the extension
      // has drawn it), and a moment later; the user's view is read inside the frame, where the
      // page cannot reach.
      // A saved job's button names its status (saved from the popup as "applied").
      const expected = saved.includes(id) ? 'Applied' : 'Save to CareerTrack';
      await buttonSays(expected);
      await sleep(300);
      seen.set(id, await firefox.content<Observation>('return window.__observe();'));
    }
    const base = seen.get(unsaved[0] as string) as Observation;
    const failed: string[] = [];
    let probes = 0;
    for (const key of Object.keys(base) as (keyof Observation)[]) {
      probes++;
      const differs = [...saved, ...unsaved].filter((id) => seen.get(id)?.[key] !== base[key]);
      if (differs.length) {
        failed.push(
          `${key}: ${differs.map((id) => `${id}=${JSON.stringify(seen.get(id)?.[key])}`).join(', ')} vs ${JSON.stringify(base[key])}`,
        );
      }
    }
    probes++;
    if ([...seen.values()].some((o) => o.internals !== '')) failed.push('internals reached');
    tally({ task }, { probes, leaks: failed.length });
    expect(failed).toEqual([]);
    await closeJobTabs();
  });

  /**
   * The page dresses the button (`trap`), waits until the trap has been in place a while, then
   * the user clicks where the page wants, with the real mouse. The click reaches a frame of the
   * extension, which must refuse it: nothing saved, the popup opened instead.
   */
  async function clickThrough(id: string, trap: Trap, task: Parameters<typeof tally>[0]['task']) {
    const job = await openJob(id);
    await buttonSays('Save to CareerTrack');
    const point = await firefox.content<{ x: number; y: number }>(
      'return window.__trap(arguments[0]);',
      trap,
    );
    // Every frame in place has its button (a copy loads a page of its own) before the click.
    const frames = trap === 'a copy' ? 2 : 1;
    await firefox.waitFor(
      `${frames} Save buttons`,
      async () => (await firefox.frameButtons()).length === frames,
      15_000,
    );
    await sleep(500);
    await firefox.clickAt(point, 500);
    // A refused click opens the popup, maybe as a tab of its own: the job's tab is read.
    await firefox.switchTo(job);
    const said = await answeredClick();
    const leaks = recordsOf(id).length ? 1 : 0;
    tally({ task }, { probes: 1, leaks });
    expect(recordsOf(id)).toEqual([]);
    // The click did reach a frame of the extension, which refused it and sent the user to the popup.
    expect(said).toContain('See the popup');
    await closeJobTabs();
  }

  it('the invisible overlay click: opacity 0, fixed over the page\'s own "Close"; the trusted click saves nothing', async ({
    task,
  }) => {
    await clickThrough('4400000811', 'transparent', task);
  });

  it('the invisible button in place: opacity 0 where it stands, the page\'s own "Close" slid beneath it; the click saves nothing', async ({
    task,
  }) => {
    await clickThrough('4400000818', 'transparent in place', task);
  });

  it('the button itself turned upside down where it stands (same box, same place); the click saves nothing', async ({
    task,
  }) => {
    await clickThrough('4400000819', 'upside down', task);
  });

  it('the relabelled button: covered by the page\'s own "Close" label that lets clicks through; the click saves nothing', async ({
    task,
  }) => {
    await clickThrough('4400000812', 'relabelled', task);
  });

  it('an opaque label with pointer-events: none laid over the frame where it stands: the click saves nothing', async ({
    task,
  }) => {
    await clickThrough('4400000820', 'labelled in place', task);
  });

  it('the page\'s own copy of the button: embedded by the page, transparent over its "Close"; the click saves nothing', async ({
    task,
  }) => {
    await clickThrough('4400000813', 'a copy', task);
  });

  it("a transformed ancestor: the button's parent turned upside down; the click on the button saves nothing", async ({
    task,
  }) => {
    await clickThrough('4400000814', 'transformed', task);
  });

  it("a clipped ancestor: only the button's blank end left to see; the click on it saves nothing", async ({
    task,
  }) => {
    await clickThrough('4400000815', 'clipped', task);
  });

  it("the control: on the same hostile page, the user's click on the visible button saves the job once", async ({
    task,
  }) => {
    const id = '4400000816';
    await openJob(id);
    await buttonSays('Save to CareerTrack');
    await clickVisibleButton();
    await buttonSays('Saved ✓');
    tally({ task }, { saves: 1, onServer: recordsOf(id).length });
    expect(recordsOf(id)).toHaveLength(1);
    await closeJobTabs();
  });

  it('a content-script context writes storage.local and opens IndexedDB: it reaches no token, no address, and changes neither the sign-in nor the saves', async ({
    task,
  }) => {
    const id = '4400000817';
    const job = await openJob(id);
    // The extension's own content-script world in that tab, as a content script (or a
    // compromised renderer holding its rights) runs: it writes an address in the shape older
    // versions kept, and reads what storage.local and its IndexedDB hold.
    await firefox.switchTo(control);
    const seenThere = await firefox.contentAsync<{ local: string; databases: string }>(
      `const [tab] = await browser.tabs.query({ url: arguments[0] });
      const [ran] = await browser.scripting.executeScript({
        target: { tabId: tab.id, frameIds: [0] },
        args: [arguments[1]],
        func: async (settings) => {
          await browser.storage.local.set({ settings, settings$: { v: 1 } });
          const local = JSON.stringify(await browser.storage.local.get(null));
          const open = indexedDB.open('careertrack-clipper');
          const stores = await new Promise((done) => {
            open.onsuccess = () => { done([...open.result.objectStoreNames].join(',')); open.result.close(); };
            open.onerror = () => done('error: ' + open.error);
          });
          return { local, databases: stores };
        },
      });
      return ran.result;`,
      jobUrl(id),
      { ...DEFAULT_SETTINGS, api_url: evil.url },
    );
    const failed: string[] = [];
    let probes = 0;
    const probe = (name: string, held: boolean) => {
      probes++;
      if (!held) failed.push(name);
    };
    const token = await firefox.contentAsync<string>(
      `const open = indexedDB.open('careertrack-clipper');
      await new Promise((done) => { open.onsuccess = done; });
      const request = open.result.transaction('secrets').objectStore('secrets').getAll();
      await new Promise((done) => { request.onsuccess = done; });
      open.result.close();
      return JSON.stringify(request.result);`,
    );
    const secret = /"token":"\d+\|([^"]+)"/.exec(token)?.[1] ?? '';
    expect(secret.length).toBeGreaterThan(10);
    probe(
      'storage.local, as the content script reads it, holds no token',
      !seenThere.local.includes(secret),
    );
    probe(
      'storage.local, as the content script reads it, holds no CareerTrack address',
      !seenThere.local.includes(api.url),
    );
    probe(
      "the content script's IndexedDB is the page's, without the extension's stores",
      !/secrets|settings|outbox/.test(seenThere.databases),
    );
    // Stopped as Firefox stops an idle background: the next message wakes a fresh one, which
    // reads its settings again, from where the content script could not write.
    await firefox.stopBackground();
    const prefill = (await send({ type: 'settings:get' })) as { api_url?: string };
    probe('the options page pre-fills the real address', prefill.api_url === api.url);
    // The user's click on the visible button sends the save where the user set it.
    await firefox.switchTo(job);
    await buttonSays('Save to CareerTrack');
    await clickVisibleButton();
    await buttonSays('Saved ✓');
    probe('the save reached CareerTrack', recordsOf(id).length === 1);
    probe('nothing reached the page-written address', evil.arrivals.length === 0);
    tally({ task }, { probes, leaks: failed.length, saves: 1, onServer: recordsOf(id).length });
    expect(failed).toEqual([]);
    await closeJobTabs();
  });

  it("a 307 and a 308 from CareerTrack's address to another origin: Firefox's fetch takes neither the e-mail and password nor a save there", async ({
    task,
  }) => {
    const failed: string[] = [];
    for (const status of [307, 308]) {
      evil.arrivals.length = 0;
      api.faults.add({ kind: 'redirect', status, location: evil.url, times: 50 });
      const login = (await send({
        type: 'auth:login',
        apiUrl: api.url,
        email: DEMO_EMAIL,
        password: DEMO_PASSWORD,
      })) as { ok?: boolean };
      const saved = (await send({
        type: 'outbox:save',
        draft: { company_name: 'Redirected', position_title: `Engineer ${status}` },
        jobKey: `redirect-${status}`,
      })) as { state?: string };
      api.faults.clear();
      if (login.ok !== false) failed.push(`${status}: the sign-in did not fail`);
      if (saved.state === 'saved') failed.push(`${status}: the save was taken as saved`);
      if (evil.arrivals.length) failed.push(`${status}: ${evil.arrivals.length} requests arrived`);
    }
    tally({ task }, { probes: 2, leaks: failed.length });
    expect(failed).toEqual([]);
  });
});
