// The popup's two messages about a saved application, through the background's listener: open
// (the local copy at once, CareerTrack's record when asked) and update (through the outbox).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/background/database';
import { type Background, startBackground } from '@/lib/background/handlers';
import type { Sender } from '@/lib/messages';
import { newUser } from '../integration/api-helpers';
import { type RunningApi, startApi } from '../server/app';

const POPUP = (): Sender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
});
const JOB = 'linkedin:4242';
const draft = {
  company_name: 'Acme',
  position_title: 'Engineer',
  status: 'applied',
  applied_at: '2026-05-01',
  source_url: 'https://www.linkedin.com/jobs/view/4242/',
};

let api: RunningApi;
let user: Awaited<ReturnType<typeof newUser>>;
let bg: Background;
const timers = new Set<ReturnType<typeof setTimeout>>();

async function ask(message: unknown): Promise<any> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, POPUP());
  return answers[0];
}

beforeEach(async () => {
  api = await startApi({ db: ':memory:', faults: true });
  user = await newUser(api.url);
  bg = startBackground({
    browser: fakeBrowser,
    db: openDb(`application-handlers-${crypto.randomUUID()}`),
    timeoutMs: 2_000,
    saveWaitMs: 3_000,
    setTimer(callback, ms) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        callback();
      }, ms);
      timers.add(timer);
      return () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
    },
  });
  await bg.started;
  await ask({ type: 'auth:login', apiUrl: api.url, email: user.email, password: user.password });
  api.faults.clear();
});

afterEach(async () => {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  await bg.engine.nudge();
  bg.db.close();
  await bg.db.delete();
  await api.close();
});

async function saveJob(): Promise<{ rowId: number; serverId: number }> {
  const saved = await ask({ type: 'outbox:save', draft, jobKey: JOB });
  expect(saved.state).toBe('saved');
  return saved;
}

describe('application:open', () => {
  it('null-like "none" for a job never saved', async () => {
    expect(await ask({ type: 'application:open', jobKey: JOB, live: true })).toEqual({
      state: 'none',
    });
  });

  it('the local copy without asking CareerTrack, then CareerTrack’s record when asked', async () => {
    const { rowId, serverId } = await saveJob();
    api.faults.clear();
    const local = await ask({ type: 'application:open', jobKey: JOB });
    expect(local).toMatchObject({ state: 'local', record: { rowId, serverId }, fields: draft });
    expect(api.faults.log).toHaveLength(0);
    // Changed in CareerTrack itself: the live answer shows it.
    await fetch(`${api.url}/api/applications/${serverId}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${user.token}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ status: 'interview', next_step_at: '2026-05-12' }),
    });
    const live = await ask({ type: 'application:open', jobKey: JOB, live: true });
    expect(live).toMatchObject({
      state: 'live',
      fields: { status: 'interview', next_step_at: '2026-05-12', company_name: 'Acme' },
    });
  });

  it('CareerTrack down: the local copy, saying why', async () => {
    await saveJob();
    api.faults.add({ kind: 'status', status: 503 });
    expect(await ask({ type: 'application:open', jobKey: JOB, live: true })).toMatchObject({
      state: 'copy',
      fields: draft,
      reason: expect.stringMatching(/HTTP 503/),
    });
  });

  it('deleted in CareerTrack: said', async () => {
    const { serverId } = await saveJob();
    api.db.prepare('DELETE FROM job_applications WHERE id = ?').run(serverId);
    expect(await ask({ type: 'application:open', jobKey: JOB, live: true })).toMatchObject({
      state: 'deleted',
      message: 'This application was deleted in CareerTrack.',
    });
  });
});

describe('application:update', () => {
  it('updated once CareerTrack confirmed; the local copy holds the change', async () => {
    const { rowId } = await saveJob();
    const answer = await ask({
      type: 'application:update',
      rowId,
      changes: { status: 'interview', next_step_at: '2026-05-12' },
    });
    expect(answer).toMatchObject({ state: 'updated' });
    const patch = api.faults.log.filter((entry) => entry.method === 'PATCH');
    expect(patch).toHaveLength(1);
    expect(await ask({ type: 'application:open', jobKey: JOB })).toMatchObject({
      record: { state: 'synced', status: 'interview', next_step_at: '2026-05-12' },
    });
  });

  it('CareerTrack down: queued; invalid changes: the fields, nothing written', async () => {
    const { rowId } = await saveJob();
    api.faults.add({ kind: 'drop', times: 5 });
    expect(
      await ask({ type: 'application:update', rowId, changes: { status: 'offer' } }),
    ).toMatchObject({ state: 'queued' });
    const rows = await bg.db.outbox.count();
    expect(
      await ask({ type: 'application:update', rowId, changes: { next_step_at: '2026-04-01' } }),
    ).toEqual({
      state: 'invalid',
      fieldErrors: { next_step_at: ['Must be on or after the applied date.'] },
    });
    expect(await bg.db.outbox.count()).toBe(rows);
  });

  it('404: deleted, in words', async () => {
    const { rowId, serverId } = await saveJob();
    api.db.prepare('DELETE FROM job_applications WHERE id = ?').run(serverId);
    expect(
      await ask({ type: 'application:update', rowId, changes: { status: 'offer' } }),
    ).toMatchObject({ state: 'deleted', message: 'This application was deleted in CareerTrack.' });
  });
});
