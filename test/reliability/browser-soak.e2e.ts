// The soak's browser part: the built extension in headless Chromium, saving to the CareerTrack
// stand-in while the stand-in fails a third of its answers at random (seeded), is stopped for a
// while (connection refused), and holds a few requests past the extension's 20 s timeout; while
// the service worker is stopped in the middle of a sync, three times, each woken differently (the
// popup opening, a new save, the minute alarm); and while the browser is closed with saves waiting
// and started again on the same profile. Saves go in as the popup sends them (`outbox:save` from an
// extension page, in batches), through the popup's form and through the in-page button. At the
// end CareerTrack must hold exactly one record per save, with the save's fields.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAndReadOutcome, signInThroughOptions } from '../e2e/harness/careertrack';
import { type ExtensionBrowser, launchWithExtension } from '../e2e/harness/chromium';
import { type JobSiteServer, startJobSiteServer } from '../e2e/harness/job-site-server';
import {
  buttonSettles,
  clickSave,
  extensionDir,
  linkedInJobPage,
  popupFor,
  readOutbox,
  SoakCareerTrack,
  sendFrom,
  WorkerControl,
  waitFor,
} from './browser';
import { describeMix, type Mode, SEED, writeFaultLog } from './faults';
import { reconcile, tally } from './tally';

const BATCHES = 8;
const BATCH = 25;
const UI_SAVES = 6; // through the popup's form, and as many through the in-page button
const WAITING_AT_CLOSE = 20;
const API = { path: '/api/applications' };
/** Not a failure: keeps requests in flight long enough for the worker to be stopped during one. */
const HELD = 'held while the worker stops';
const SLOW = 'slow (1.5 s), answered';

/** The n-th save, as the popup's form sends it. */
function draft(n: number): Record<string, string> {
  return {
    company_name: `Soak Company ${n % 61}${n % 9 === 0 ? ' \u200b' : ''}`,
    position_title: `${['Backend Engineer', 'Ingénieur·e', '🚀 Growth', '<b>Lead</b>'][n % 4]} #${n}`,
    status: ['applied', 'interview', 'offer', 'rejected'][n % 4] ?? 'applied',
    location: n % 2 ? 'Remote' : 'Tartu, Estonia',
    salary_min: String(50_000 + n),
    salary_max: String(80_000 + n),
    source: 'LinkedIn',
    source_url: `https://www.linkedin.com/jobs/view/${5_000_000 + n}/`,
    applied_at: '2026-05-04',
    notes: n % 5 === 0 ? `Saved in the soak, batch ${Math.floor(n / BATCH)}.\nSecond line.` : '',
  };
}

function modes(seed: number): Mode[] {
  return [
    {
      name: '500 HTML page',
      plan: { ...API, kind: 'status', status: 500, body: 'html', rate: 0.11, seed },
    },
    {
      name: '503 Retry-After',
      plan: { ...API, kind: 'status', status: 503, retryAfter: 2, rate: 0.1, seed: seed + 1 },
    },
    { name: 'closed before handling', plan: { ...API, kind: 'drop', rate: 0.1, seed: seed + 2 } },
    // Cut off after the headers: Chromium resends a request whose reused connection closed before
    // any answer, which makes a second record out of sight of the extension (the last test here).
    {
      name: 'closed after commit (answer cut off)',
      plan: { ...API, kind: 'drop', phase: 'after', cut: true, rate: 0.12, seed: seed + 3 },
    },
    {
      name: SLOW,
      plan: { ...API, method: 'POST', kind: 'delay', delayMs: 1_500, rate: 0.1, seed: seed + 4 },
    },
  ];
}

interface Expected {
  /** What the record must hold (company and title as CareerTrack stores them). */
  fields: Record<string, string | number | null>;
  how: string;
}

describe('soak in Chromium: the built extension against a failing CareerTrack', () => {
  const api = new SoakCareerTrack();
  let jobSite: JobSiteServer;
  let browser: ExtensionBrowser;
  let control: Page;
  let worker: WorkerControl;
  const profile = mkdtempSync(join(tmpdir(), 'clipper-soak-profile-'));
  const launch = () =>
    launchWithExtension({
      userDataDir: profile,
      extensionDir: extensionDir(),
      hostMap: { 'www.linkedin.com': jobSite.port },
    });
  /** The extension page that sends the saves and reads the outbox, and the worker's controls. */
  const attach = async () => {
    control = await browser.context.newPage();
    await control.goto(browser.extensionUrl('options.html'));
    worker = await WorkerControl.attach(control);
    await waitFor(() => worker.running, 10_000, 'the service worker');
  };

  beforeAll(async () => {
    await api.start();
    jobSite = await startJobSiteServer();
    browser = await launch();
    await signInThroughOptions(browser, api.url);
    await attach();
  });

  afterAll(async () => {
    await worker?.detach();
    await browser?.close();
    await jobSite?.close();
    await api.dispose();
    rmSync(profile, { recursive: true, force: true });
  });

  it(`${BATCHES * BATCH + 3 * 3 + 2 * UI_SAVES + WAITING_AT_CLOSE} saves through faults, 3 worker stops and a browser restart: each saved exactly once`, async ({
    task,
  }) => {
    const started = Date.now();
    const expected = new Map<string, Expected>();
    const answers = new Map<string, { state?: string; serverId?: number } | 'no answer'>();
    const notes: string[] = [];
    let next = 0;

    const expectDraft = (n: number) => {
      const d = draft(n);
      expected.set(d.source_url as string, {
        how: 'outbox:save',
        fields: {
          company_name: (d.company_name as string).replace(/[\s\u200b]+$/u, ''),
          position_title: d.position_title as string,
          status: d.status as string,
          location: d.location as string,
          salary_min: Number(d.salary_min),
          salary_max: Number(d.salary_max),
          source: 'LinkedIn',
          notes: d.notes || null,
          applied_at: '2026-05-04',
        },
      });
      return d;
    };
    /** `count` saves at once, as `outbox:save` from the extension page; answers kept. */
    const batch = async (count: number) => {
      const drafts = Array.from({ length: count }, () => expectDraft(next++));
      const replies = await Promise.all(
        drafts.map((d) =>
          sendFrom(control, {
            type: 'outbox:save',
            draft: d,
            jobKey: `soak:${d.source_url}`,
          }).catch(() => 'no answer' as const),
        ),
      );
      drafts.forEach((d, i) => answers.set(d.source_url as string, replies[i] as never));
      return replies;
    };

    /**
     * Stops the worker while CareerTrack holds one of its requests: a few saves are sent without
     * waiting for their answers, and once a create is held on the server, every worker stops.
     */
    const stopMidSync = async (phase: 'before' | 'after') => {
      api.faults.arm([
        {
          name: HELD,
          plan: { ...API, method: 'POST', kind: 'delay', delayMs: 4_000, phase, times: 3 },
        },
      ]);
      const seen = api.faults.seen;
      const inFlight = batch(3);
      // A create on the server, not answered yet: held here, or slow, or past the 20 s timeout.
      const creating = () =>
        api.faults.all.some((e) => e.seq > seen && e.method === 'POST' && e.outcome === 'pending');
      // A pass blocked on a slow request takes new rows only once it ends (up to the 20 s timeout).
      await waitFor(creating, 45_000, 'a create in progress on the server', 20);
      const leased = (await readOutbox(control)).filter((row) => row.state === 'sending').length;
      const starts = worker.starts;
      await worker.stop();
      await inFlight;
      expect(leased, 'rows leased when the worker stopped').toBeGreaterThan(0);
      notes.push(`stopped with ${leased} sending`);
      return starts;
    };

    api.faults.arm(modes(SEED));

    // Batches, CareerTrack stopped for a while, and the 20 s timeout.
    await batch(BATCH);
    await api.stop();
    const offline = await batch(BATCH);
    expect(offline.every((a) => (a as { state?: string }).state === 'queued')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await api.start();
    await batch(BATCH);
    api.faults.arm([
      {
        name: 'slower than the 20 s timeout',
        plan: { ...API, method: 'POST', kind: 'delay', delayMs: 21_000, phase: 'after', times: 3 },
      },
    ]);
    await batch(BATCH);

    // 1. Stopped mid-sync; woken by the popup opening (its outbox:list).
    let since = await stopMidSync('after');
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await worker.started(since, 15_000, 'the popup to wake the worker');
    await popup.close();
    await batch(BATCH);

    // 2. Stopped mid-sync; woken by a new save.
    since = await stopMidSync('before');
    await batch(BATCH);
    await worker.started(since, 15_000, 'a save to wake the worker');
    await batch(BATCH);

    // 3. Stopped mid-sync; nothing is sent to it: the minute alarm wakes it, and it sends.
    since = await stopMidSync('after');
    const stoppedAt = Date.now();
    await worker.started(since, 75_000, 'the alarm to wake the worker');
    const woke = Date.now() - stoppedAt;
    const syncedBefore = (await readOutbox(control)).filter((r) => r.state === 'synced').length;
    await waitFor(
      async () =>
        (await readOutbox(control)).filter((r) => r.state === 'synced').length > syncedBefore,
      75_000,
      'the alarm-woken worker to send',
      500,
    );
    notes.push(`alarm woke it after ${Math.round(woke / 1000)} s`);
    await batch(BATCH);

    // Through the popup's form and through the in-page button, on synthetic LinkedIn pages.
    const openJob = async (k: number) => {
      const id = 4_500_000 + k;
      const job = {
        id,
        title: `Platform Engineer ${k}`,
        company: `Button Co ${k}`,
        location: 'Lisbon, Portugal',
      };
      jobSite.page(`/jobs/view/${id}/`, linkedInJobPage(job));
      const page = await browser.context.newPage();
      await page.goto(`https://www.linkedin.com/jobs/view/${id}/`);
      await buttonSettles(page, /^Save to CareerTrack$/);
      expected.set(`https://www.linkedin.com/jobs/view/${id}/`, {
        how: k < UI_SAVES ? 'popup' : 'button',
        fields: {
          company_name: job.company,
          position_title: job.title,
          location: job.location,
          source: 'LinkedIn',
        },
      });
      return { page, url: `https://www.linkedin.com/jobs/view/${id}/` };
    };
    const honest: string[] = [];
    for (let k = 0; k < 2 * UI_SAVES; k++) {
      const { page, url } = await openJob(k);
      if (k < UI_SAVES) {
        const form = await popupFor(browser, control, page);
        await waitFor(
          async () => (await form.locator('[name="position_title"]').inputValue()) !== '',
          10_000,
          'the popup to read the page',
        );
        const said = await saveAndReadOutcome(form);
        answers.set(url, { state: said });
        if (
          said.includes('Saved to CareerTrack') &&
          !api.records().some((r) => r.source_url === url)
        )
          honest.push(`popup said saved for ${url} before CareerTrack had it`);
        await form.close();
      } else {
        await clickSave(page);
        const said = await buttonSettles(page, /^(Saved ✓|Queued|Queued \(offline\)|Not saved)$/);
        answers.set(url, { state: said });
        if (said === 'Saved ✓' && !api.records().some((r) => r.source_url === url))
          honest.push(`button said saved for ${url} before CareerTrack had it`);
      }
      await page.close();
    }

    // The browser closed with saves waiting (CareerTrack down), and started on the same profile.
    await api.stop();
    const waiting = await batch(WAITING_AT_CLOSE);
    expect(waiting.every((a) => (a as { state?: string }).state === 'queued')).toBe(true);
    const waitingUrls = Array.from(
      { length: WAITING_AT_CLOSE },
      (_, i) => draft(next - WAITING_AT_CLOSE + i).source_url,
    );
    await worker.detach();
    await browser.close();
    await api.start();
    browser = await launch();
    // Nothing is asked of the restarted extension: its start-up sends what waits (the drain below
    // sees the rest through, as faults still fail a third of the answers).
    const arrived = () => {
      const stored = new Set(api.records().map((r) => r.source_url));
      return waitingUrls.filter((url) => stored.has(url as string)).length;
    };
    const restarted = Date.now();
    // An attempt without an answer (here: connection refused) is retried once its 60 s lease is
    // over, by the restarted worker's timer or, once Chrome stopped it idle, by the minute alarm.
    await waitFor(
      () => arrived() >= WAITING_AT_CLOSE / 4,
      150_000,
      'saves left waiting to reach CareerTrack after the restart',
      250,
    );
    notes.push(
      `browser restarted: ${arrived()} of ${WAITING_AT_CLOSE} waiting saves sent within ${Math.round((Date.now() - restarted) / 1000)} s, unasked`,
    );
    await attach();

    // Drain: "Retry now" for rows waiting on a long backoff; rows whose unanswered request may
    // still be running wait for their lease (the extension does not look them up before it ends).
    const drained = waitFor(
      async () => {
        const rows = await readOutbox(control);
        const now = Date.now();
        const stuck = rows.filter(
          (r) =>
            r.state === 'pending' &&
            r.next_attempt_at > now + 3_000 &&
            (r.lookup_after ?? 0) <= now,
        );
        await Promise.all(
          stuck
            .slice(0, 10)
            .map((r) => sendFrom(control, { type: 'outbox:retry', id: r.id }).catch(() => null)),
        );
        return rows.every((r) => r.state === 'synced');
      },
      240_000,
      'every save to be synced',
      3_000,
    );
    await drained.catch(async (error) => {
      const left = (await readOutbox(control)).filter((r) => r.state !== 'synced');
      console.error(`not synced: ${JSON.stringify(left.slice(0, 20), null, 1)}`);
      throw error;
    });

    // Exactly one record per save, with the save's fields.
    const rows = await readOutbox(control);
    const records = api.records();
    const counted = reconcile(
      [...expected.keys()],
      records.map((r) => String(r.source_url)),
    );
    const requests = api.faults.seen;
    const failures = api.faults.failed.filter((e) => e.mode !== SLOW && e.mode !== HELD).length;
    const mix = api.faults.byMode();
    const log = writeFaultLog('browser-soak', [
      { seed: SEED, saves: expected.size, requests, mix },
      ...api.faults.failed.map(({ seq, method, path, mode, outcome, status, handledStatus }) => ({
        seq,
        method,
        path,
        mode,
        outcome,
        status,
        handledStatus,
      })),
    ]);
    tally(
      { task },
      {
        saves: counted.saves,
        onServer: counted.onServer,
        lost: counted.lost.length,
        duplicates: counted.duplicates,
        requests,
        faulted: failures,
        note: `seed ${SEED}; ${describeMix(mix)}; CareerTrack stopped 2x; ${notes.join('; ')}; ${Math.round((Date.now() - started) / 1000)} s; log ${log}`,
      },
    );
    if (counted.lost.length || counted.duplicates) {
      const twice = new Set(
        records.map((r) => String(r.source_url)).filter((url, i, all) => all.indexOf(url) !== i),
      );
      const path = writeFaultLog('browser-soak-diagnosis', [
        ...[...twice].map((url) => ({
          url,
          records: records.filter((r) => r.source_url === url).map((r) => [r.id, r.created_at]),
          rows: rows.filter((r) => r.source_url === url),
          answer: answers.get(url),
        })),
        ...counted.lost.map((url) => ({
          lost: url,
          rows: rows.filter((r) => r.source_url === url),
        })),
        ...api.faults.all.map(({ seq, at, method, path, faultId, phase, outcome, status }) => ({
          seq,
          at,
          method,
          path,
          faultId,
          phase,
          outcome,
          status,
        })),
      ]);
      console.error(`soak diagnosis: ${path}`);
    }
    expect(counted.lost).toEqual([]);
    expect(counted.duplicates).toBe(0);
    expect(failures / requests).toBeGreaterThanOrEqual(0.3);
    expect(honest).toEqual([]);
    expect(mix['slower than the 20 s timeout']).toBe(3);

    const byUrl = new Map(records.map((r) => [String(r.source_url), r]));
    const mismatches: string[] = [];
    for (const [url, want] of expected) {
      const record = byUrl.get(url) as unknown as Record<string, unknown> | undefined;
      for (const [field, value] of Object.entries(want.fields)) {
        const actual =
          field === 'applied_at' ? String(record?.[field] ?? '').slice(0, 10) : record?.[field];
        if (actual !== value)
          mismatches.push(`${want.how} ${url} ${field}: ${String(actual)} != ${value}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // "Saved" was said only with the id of the record that holds the save.
    for (const [url, answer] of answers) {
      if (answer !== 'no answer' && answer.state === 'saved') {
        expect(records.find((r) => r.id === answer.serverId)?.source_url).toBe(url);
      }
    }
    expect(rows.length).toBe(expected.size);
    const idOf = new Map(records.map((r) => [r.id, r.source_url]));
    expect(rows.filter((r) => idOf.get(r.server_id ?? -1) !== r.source_url)).toEqual([]);
  }, 900_000);
  it('a known limit outside the extension: Chromium resends a create whose reused connection closed with no answer', async () => {
    // Not one of the soak's saves. The stand-in stores the record, then closes the keep-alive
    // connection before answering: Chromium's network stack sends the POST again by itself and
    // the extension sees one 201. CareerTrack has no idempotency key, and fetch cannot opt out of
    // keep-alive, so no client code can tell. This test fails when Chromium stops doing it.
    api.faults.clear();
    api.faults.add({ ...API, method: 'POST', kind: 'drop', phase: 'after', times: 1 });
    // A request first, so that the create goes over a kept-alive connection.
    await sendFrom(control, { type: 'connection:test', apiUrl: api.url });
    const url = 'https://www.linkedin.com/jobs/view/4999999/';
    const answer = await sendFrom(control, {
      type: 'outbox:save',
      draft: { company_name: 'Resent By Chromium', position_title: 'Canary', source_url: url },
      jobKey: 'canary',
    });
    expect(answer).toMatchObject({ state: 'saved' });
    expect(api.records().filter((r) => r.source_url === url)).toHaveLength(2);
  });
});
