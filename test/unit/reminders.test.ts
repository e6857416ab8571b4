// Next steps' notifications: once per application and day, across restarts of the background, only
// with the optional permission and the option on; a click opens the job's page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { type Background, startBackground } from '@/lib/background/handlers';
import { NEXT_STEPS_ALARM, nextDayStart } from '@/lib/background/reminders';
import type { OutboxState } from '@/lib/outbox-row';
import { answerPrompts, grant, revoke } from '../helpers/fake-permissions';
import { outboxRow } from '../helpers/next-steps';

const TODAY = '2026-12-06';
const TOMORROW = '2026-12-07';
const MORNING = new Date(2026, 11, 6, 10, 0).getTime();
const POPUP = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
});

let db: ClipperDb;
const running: Background[] = [];

afterEach(() => {
  for (const bg of running.splice(0)) bg.db.close();
});

function fresh() {
  db = openDb(`reminders-${crypto.randomUUID()}`);
}

async function addRow(
  n: number,
  next_step_at: string | undefined,
  options: { state?: OutboxState; sourceUrl?: string; serverId?: number | null } = {},
) {
  const state = options.state ?? 'synced';
  await db.outbox.add(
    outboxRow({
      n,
      next_step_at,
      state,
      serverId: options.serverId !== undefined ? options.serverId : state === 'synced' ? n : null,
      updatedAt: MORNING - 3_600_000,
      sourceUrl: options.sourceUrl,
    }),
  );
}

/** A background as a worker start makes it, on the same database as the ones before. */
async function start(now: { value: number } = { value: MORNING }) {
  const bg = startBackground({
    browser: fakeBrowser,
    // Each start opens the database anew, as a new worker does.
    db: openDb(db.name),
    clock: { now: () => now.value },
    setTimer: () => () => {},
  });
  running.push(bg);
  await bg.started;
  return bg;
}

const shown = async () => fakeBrowser.notifications.getAll() as Promise<Record<string, any>>;

describe('a notification on the day of a next step', () => {
  it('shows the company, the title and "Next step today", once per application', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY);
    await addRow(2, TOMORROW);
    await start();
    const notifications = Object.values(await shown());
    expect(notifications).toEqual([
      {
        type: 'basic',
        iconUrl: fakeBrowser.runtime.getURL('/icon/128.png'),
        title: 'Company 1: Next step today',
        message: 'Engineer 1',
      },
    ]);
  });

  it('never twice the same day, also after the background restarts or the user dismissed it', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start();
    expect(create).toHaveBeenCalledTimes(1);
    for (const id of Object.keys(await shown())) await fakeBrowser.notifications.clear(id);
    await start();
    await start();
    expect(create).toHaveBeenCalledTimes(1);
    expect(await shown()).toEqual({});
  });

  it('comes again on the day of a later step, when the day’s alarm fires', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY);
    await addRow(2, TOMORROW);
    const now = { value: MORNING };
    await start(now);
    expect(Object.values(await shown()).map((n) => n.message)).toEqual(['Engineer 1']);
    now.value = new Date(2026, 11, 7, 0, 0, 1).getTime();
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_STEPS_ALARM, scheduledTime: 0 } as never);
    expect(Object.values(await shown()).map((n) => n.message)).toEqual([
      'Engineer 1',
      'Engineer 2',
    ]);
    // And the next day's alarm is set, at the start of the day after.
    expect(await fakeBrowser.alarms.get(NEXT_STEPS_ALARM)).toMatchObject({
      scheduledTime: new Date(2026, 11, 8).getTime(),
    });
  });

  it('keeps its one notification when a waiting save syncs during the day', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY, { state: 'pending' });
    await start();
    const [row] = await db.outbox.toArray();
    await db.outbox.update(row?.id ?? 0, { state: 'synced', server_id: 55, updated_at: MORNING });
    await start();
    expect(Object.keys(await shown())).toHaveLength(1);
  });

  it('shows nothing without the permission', async () => {
    fresh();
    await addRow(1, TODAY);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start();
    expect(create).not.toHaveBeenCalled();
    // Granted since, then taken back: still nothing.
    grant('notifications');
    revoke('notifications');
    await start();
    expect(create).not.toHaveBeenCalled();
  });

  it('shows nothing where the browser has no notifications API', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY);
    const fake = fakeBrowser as unknown as { notifications?: unknown };
    const notifications = fake.notifications;
    delete fake.notifications;
    try {
      await start();
    } finally {
      fake.notifications = notifications;
    }
    expect(await shown()).toEqual({});
  });

  it('shows nothing once the user turned reminders off, and the day’s steps when turned on', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY);
    const bg = await start();
    await bg.settings.updateDefaults({ next_step_reminders: 'off' });
    await db.reminders.clear();
    for (const id of Object.keys(await shown())) await fakeBrowser.notifications.clear(id);
    await start();
    expect(await shown()).toEqual({});
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'settings:update', defaults: { next_step_reminders: 'on' } },
      POPUP(),
    );
    await vi.waitFor(async () => expect(Object.keys(await shown())).toHaveLength(1));
  });

  it('shows the day’s steps as soon as the permission is granted', async () => {
    fresh();
    await addRow(1, TODAY);
    await start();
    expect(await shown()).toEqual({});
    answerPrompts(true);
    await fakeBrowser.permissions.request({ permissions: ['notifications'] });
    await vi.waitFor(async () => expect(Object.keys(await shown())).toHaveLength(1));
  });
});

describe('a click on the notification', () => {
  it('opens the job’s page, and the notification goes', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY, { sourceUrl: 'https://www.linkedin.com/jobs/view/123/' });
    await start();
    const [id] = Object.keys(await shown());
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id as string);
    expect(create).toHaveBeenCalledWith({ url: 'https://www.linkedin.com/jobs/view/123/' });
    expect(await shown()).toEqual({});
  });

  it('opens nothing but a web page', async () => {
    fresh();
    grant('notifications');
    await db.copies.put({
      key: 'applications',
      api_url: 'http://127.0.0.1:8000',
      saved_at: MORNING,
      applications: [
        {
          id: 9,
          company_name: 'Evil',
          position_title: 'Script',
          status: 'applied',
          location: null,
          source_url: 'javascript:alert(1)',
          applied_at: null,
          next_step_at: TODAY,
          created_at: '',
          updated_at: '',
        },
      ],
    });
    await start();
    const [id] = Object.keys(await shown());
    expect(id).toBeDefined();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id as string);
    expect(create).not.toHaveBeenCalled();
  });

  it('is heard by a background woken by it (the listener is there from the start)', async () => {
    fresh();
    grant('notifications');
    await addRow(1, TODAY);
    await start();
    const [id] = Object.keys(await shown());
    for (const bg of running) bg.db.close();
    (
      fakeBrowser.notifications.onClicked as unknown as { removeAllListeners(): void }
    ).removeAllListeners();
    // A new worker: registers synchronously, before its start-up work is done.
    const bg = startBackground({
      browser: fakeBrowser,
      db: openDb(db.name),
      clock: { now: () => MORNING },
      setTimer: () => () => {},
    });
    running.push(bg);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id as string);
    expect(create).toHaveBeenCalledWith({ url: 'https://jobs.example/1' });
    await bg.started;
  });
});

it('the day’s alarm is set at start, for the start of the user’s next day', async () => {
  fresh();
  await start();
  expect(await fakeBrowser.alarms.get(NEXT_STEPS_ALARM)).toMatchObject({
    scheduledTime: nextDayStart(MORNING),
  });
  expect(nextDayStart(MORNING)).toBe(new Date(2026, 11, 7).getTime());
  // A later start keeps it where it is.
  await start({ value: MORNING + 3_600_000 });
  expect((await fakeBrowser.alarms.get(NEXT_STEPS_ALARM))?.scheduledTime).toBe(
    new Date(2026, 11, 7).getTime(),
  );
});
