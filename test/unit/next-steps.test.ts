// The day's next steps, gathered from the outbox and the applications' copy, and the toolbar badge
// that counts them when nothing waits in the outbox.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_ALERT, BADGE_NEUTRAL, BADGE_NEXT_STEPS, badgeFor } from '@/lib/background/badge';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { type Background, startBackground } from '@/lib/background/handlers';
import { knownNextSteps, latestPerApplication, type NextStep } from '@/lib/background/next-steps';
import { NEXT_STEPS_ALARM } from '@/lib/background/reminders';
import { queueUpdate } from '@/lib/background/updates';
import type { ApplicationView } from '@/lib/messages';
import type { OutboxState } from '@/lib/outbox-row';
import { outboxRow } from '../helpers/next-steps';
import { toolbar } from '../helpers/toolbar';

const TODAY = '2026-12-06';
const TOMORROW = '2026-12-07';
/** 10:00 on TODAY in the machine's time zone: the background's "today" is the user's. */
const MORNING = new Date(2026, 11, 6, 10, 0).getTime();

let db: ClipperDb;
let bg: Background | undefined;

afterEach(() => {
  bg?.db.close();
  bg = undefined;
  db?.close();
});

const fresh = () => {
  db = openDb(`next-steps-${crypto.randomUUID()}`);
  return db;
};

async function addRow(
  n: number,
  next_step_at: string | undefined,
  state: OutboxState = 'synced',
  serverId: number | null = state === 'synced' ? 100 + n : null,
  updatedAt = MORNING - 3_600_000,
) {
  return db.outbox.add(outboxRow({ n, next_step_at, state, serverId, updatedAt }));
}

const listed = (id: number, next_step_at: string | null): ApplicationView => ({
  id,
  company_name: `Listed ${id}`,
  position_title: 'Analyst',
  status: 'interview',
  location: null,
  source_url: `https://jobs.example/listed/${id}`,
  applied_at: null,
  next_step_at,
  created_at: '2026-11-01T00:00:00.000000Z',
  updated_at: '2026-11-01T00:00:00.000000Z',
});

async function keepCopy(applications: ApplicationView[], savedAt = MORNING - 60_000) {
  await db.copies.put({
    key: 'applications',
    api_url: 'http://127.0.0.1:8000',
    saved_at: savedAt,
    applications,
  });
}

const names = (steps: NextStep[]) => steps.map((step) => step.company_name).sort();

describe('the day’s next steps', () => {
  it('come from saves waiting or synced, on that day only; a refused save is no application', async () => {
    fresh();
    await addRow(1, TODAY, 'pending');
    await addRow(2, TODAY, 'sending');
    await addRow(3, TODAY, 'synced');
    await addRow(4, TODAY, 'attention');
    await addRow(5, TOMORROW, 'synced');
    await addRow(6, undefined, 'synced');
    expect(names(await knownNextSteps(db, TODAY))).toEqual(['Company 1', 'Company 2', 'Company 3']);
    expect(names(await knownNextSteps(db, TOMORROW))).toEqual(['Company 5']);
  });

  it('come from the last copy of the applications list too', async () => {
    fresh();
    await keepCopy([listed(7, TODAY), listed(8, TOMORROW), listed(9, null)]);
    const [step, ...others] = await knownNextSteps(db, TODAY);
    expect(others).toEqual([]);
    expect(step).toMatchObject({
      serverId: 7,
      company_name: 'Listed 7',
      position_title: 'Analyst',
      source_url: 'https://jobs.example/listed/7',
    });
  });

  it('count an application known from both a save and the copy once', async () => {
    fresh();
    await addRow(1, TODAY, 'synced', 42);
    await keepCopy([{ ...listed(42, TODAY), company_name: 'Company 1' }]);
    const steps = await knownNextSteps(db, TODAY);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ serverId: 42, jobKey: 'job-1' });
  });

  it('follow the latest source: a date moved in CareerTrack since the save counts on its new day', async () => {
    fresh();
    await addRow(1, TODAY, 'synced', 42, MORNING - 86_400_000);
    await keepCopy([{ ...listed(42, TOMORROW), company_name: 'Company 1' }], MORNING - 60_000);
    expect(await knownNextSteps(db, TODAY)).toEqual([]);
    expect(names(await knownNextSteps(db, TOMORROW))).toEqual(['Company 1']);
  });

  it('follow a later change made here: a step set to the day counts, one moved away does not', async () => {
    fresh();
    const moved = await addRow(1, TODAY, 'synced', 41, MORNING - 86_400_000);
    const set = await addRow(2, undefined, 'synced', 42, MORNING - 86_400_000);
    // The copy, older than the changes below, still shows the first one on the day.
    await keepCopy([{ ...listed(41, TODAY), company_name: 'Company 1' }], MORNING - 3_600_000);
    const change = { db, now: () => MORNING };
    expect(await queueUpdate(change, moved, { next_step_at: TOMORROW })).toMatchObject({
      kind: 'queued',
    });
    expect(await queueUpdate(change, set, { next_step_at: TODAY })).toMatchObject({
      kind: 'queued',
    });
    const today = await knownNextSteps(db, TODAY);
    expect(names(today)).toEqual(['Company 2']);
    expect(today[0]).toMatchObject({ serverId: 42, jobKey: 'job-2' });
    expect(names(await knownNextSteps(db, TOMORROW))).toEqual(['Company 1']);
  });

  it('join sources by any name in common, the newest winning', () => {
    const step = (patch: Partial<NextStep>): NextStep => ({
      serverId: null,
      jobKey: null,
      company_name: 'Acme',
      position_title: 'Engineer',
      source_url: null,
      next_step_at: TODAY,
      asOf: 0,
      ...patch,
    });
    const merged = latestPerApplication([
      step({ serverId: 42, asOf: 3, next_step_at: TOMORROW }),
      step({ jobKey: 'k', asOf: 1 }),
      step({ serverId: 42, jobKey: 'k', asOf: 2 }),
      step({ serverId: 43, asOf: 1 }),
    ]);
    expect(merged).toHaveLength(2);
    expect(merged.find((one) => one.jobKey === 'k')).toMatchObject({
      serverId: 42,
      next_step_at: TOMORROW,
      asOf: 3,
    });
  });
});

it('finds the next steps of saves written before the index existed (database version 3)', async () => {
  const name = `next-steps-upgrade-${crypto.randomUUID()}`;
  // Version 3 as the previous release declared it.
  const old = new Dexie(name);
  old.version(1).stores({
    outbox: '++id, job_key, [state+next_attempt_at], [state+lease_until], [state+updated_at]',
    secrets: 'key',
  });
  old.version(2).stores({ copies: 'key' });
  old.version(3).stores({ settings: 'key' });
  await old
    .table('outbox')
    .add(
      outboxRow({ n: 1, next_step_at: TODAY, state: 'synced', serverId: 1, updatedAt: MORNING }),
    );
  old.close();
  db = openDb(name);
  expect(names(await knownNextSteps(db, TODAY))).toEqual(['Company 1']);
  expect(await db.reminders.count()).toBe(0);
});

describe('the toolbar badge', () => {
  it('counts the day’s next steps in their own colour and title when nothing waits', () => {
    const none = { waiting: 0, attention: 0, signinNeeded: false };
    expect(badgeFor({ ...none, nextStepsToday: 2 })).toEqual({
      text: '2',
      color: BADGE_NEXT_STEPS,
      title: 'CareerTrack Clipper: 2 next steps today',
    });
    expect(badgeFor({ ...none, nextStepsToday: 1 }).title).toBe(
      'CareerTrack Clipper: 1 next step today',
    );
    expect(badgeFor({ ...none, nextStepsToday: 0 })).toEqual({
      text: '',
      color: BADGE_NEUTRAL,
      title: 'CareerTrack Clipper',
    });
  });

  it('keeps the outbox first: waiting or refused saves are what it counts then', () => {
    expect(
      badgeFor({ waiting: 3, attention: 0, signinNeeded: false, nextStepsToday: 2 }),
    ).toMatchObject({ text: '3', color: BADGE_NEUTRAL, title: 'CareerTrack Clipper' });
    expect(
      badgeFor({ waiting: 0, attention: 1, signinNeeded: false, nextStepsToday: 2 }),
    ).toMatchObject({ text: '1', color: BADGE_ALERT });
  });

  async function started(now: { value: number }) {
    bg = startBackground({
      browser: fakeBrowser,
      db,
      clock: { now: () => now.value },
      setTimer: () => () => {},
    });
    await bg.started;
    return bg;
  }

  const shown = async () => ({
    text: await toolbar().getBadgeText({}),
    title: await toolbar().getTitle({}),
  });

  it('is drawn by the background from the outbox and the copy, and yields to a waiting save', async () => {
    fresh();
    await addRow(1, TODAY, 'synced');
    await keepCopy([listed(7, TODAY), listed(8, TOMORROW)]);
    const background = await started({ value: MORNING });
    expect(await shown()).toEqual({
      text: '2',
      title: 'CareerTrack Clipper: 2 next steps today',
    });
    await addRow(2, TOMORROW, 'pending');
    await background.refreshBadge();
    expect(await shown()).toEqual({ text: '1', title: 'CareerTrack Clipper' });
  });

  it('moves on to the next day’s steps when the day’s alarm fires', async () => {
    fresh();
    await addRow(1, TODAY, 'synced');
    await addRow(2, TOMORROW, 'synced');
    await addRow(3, TOMORROW, 'synced');
    const now = { value: MORNING };
    await started(now);
    expect((await shown()).text).toBe('1');
    now.value = new Date(2026, 11, 7, 0, 0, 1).getTime();
    await fakeBrowser.alarms.onAlarm.trigger({
      name: NEXT_STEPS_ALARM,
      scheduledTime: now.value,
    } as never);
    expect(await shown()).toEqual({
      text: '2',
      title: 'CareerTrack Clipper: 2 next steps today',
    });
  });
});
