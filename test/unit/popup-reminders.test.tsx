// @vitest-environment happy-dom
// The popup asks for the notifications permission when a next step date is first set, in the
// input's own handler, once; refused, it says so once and the save goes ahead.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as Options } from '@/entrypoints/options/App';
import { NOT_ALLOWED } from '@/entrypoints/options/RemindersSection';
import { App } from '@/entrypoints/popup/App';
import type { JobDraft } from '@/lib/extract/types';
import type { PageRequest } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { REMINDERS_OFF } from '@/lib/ui/notifications-permission';
import { requestJobFromTab } from '@/lib/ui/tab-job';
import { answerPrompts, grant, promptsShown } from '../helpers/fake-permissions';

vi.mock('@/lib/ui/tab-job', () => ({ requestJobFromTab: vi.fn() }));

const job: JobDraft = {
  company_name: 'Acme',
  position_title: 'Platform Engineer',
  source_url: 'https://www.linkedin.com/jobs/view/123/',
  job_key: 'linkedin:123',
  origins: { company_name: 'site', position_title: 'site' },
};

let stored: Settings = DEFAULT_SETTINGS;
let sent: PageRequest[] = [];

/** The background as the pages meet it: the settings it keeps, a save that succeeds. */
function background() {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as PageRequest;
    sent.push(request);
    if (request.type === 'settings:get') return Promise.resolve(stored);
    if (request.type === 'settings:update') {
      stored = { ...stored, ...request.defaults };
      return Promise.resolve(stored);
    }
    if (request.type === 'outbox:list')
      return Promise.resolve({ rows: [], waitingForSignIn: false });
    if (request.type === 'outbox:save')
      return Promise.resolve({ state: 'saved', rowId: 1, serverId: 10 });
    if (request.type === 'auth:status')
      return Promise.resolve({ apiUrl: '', email: null, signedIn: false, message: null });
    return Promise.resolve({ ok: true });
  });
}

const nextStep = () => document.querySelector('[name="next_step_at"]') as HTMLInputElement;
const ofType = <T extends PageRequest['type']>(type: T) =>
  sent.filter((m) => m.type === type) as Extract<PageRequest, { type: T }>[];

async function openPopup() {
  vi.mocked(requestJobFromTab).mockResolvedValue(job);
  render(<App />);
  await screen.findByRole('button', { name: 'Save' });
}

beforeEach(() => {
  window.history.replaceState(null, '', '/popup.html?tabId=7');
  sent = [];
  background();
});
afterEach(() => {
  cleanup();
  stored = DEFAULT_SETTINGS;
});

describe('the popup’s next step date', () => {
  it('asks for notifications in the input’s handler the first time a date is set, and only then', async () => {
    answerPrompts(true);
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await openPopup();
    fireEvent.input(nextStep(), { target: { value: '' } });
    expect(request).not.toHaveBeenCalled();
    fireEvent.input(nextStep(), { target: { value: '2026-12-10' } });
    // No await in between: the prompt must open while the browser handles the input.
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await waitFor(() => expect(stored.next_step_reminders).toBe('on'));
    fireEvent.input(nextStep(), { target: { value: '' } });
    fireEvent.input(nextStep(), { target: { value: '2026-12-11' } });
    expect(request).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(REMINDERS_OFF)).toBeNull();
  });

  it('never asks a user who answered before, nor at opening', async () => {
    stored = { ...DEFAULT_SETTINGS, next_step_reminders: 'off' };
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await openPopup();
    expect(request).not.toHaveBeenCalled();
    fireEvent.input(nextStep(), { target: { value: '2026-12-10' } });
    expect(request).not.toHaveBeenCalled();
  });

  it('refused: says once that reminders are off, remembers it, and saves anyway', async () => {
    answerPrompts(false);
    await openPopup();
    fireEvent.input(nextStep(), { target: { value: '2026-12-10' } });
    expect(await screen.findByText(REMINDERS_OFF)).toBeTruthy();
    await waitFor(() => expect(stored.next_step_reminders).toBe('off'));
    expect(promptsShown()).toBe(1);
    fireEvent.input(nextStep(), { target: { value: '2026-12-12' } });
    expect(promptsShown()).toBe(1);
    expect(screen.getAllByText(REMINDERS_OFF)).toHaveLength(1);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(ofType('outbox:save')).toHaveLength(1));
    expect(ofType('outbox:save')[0]?.draft.next_step_at).toBe('2026-12-12');
  });
});

describe('the options’ reminders switch', () => {
  async function openOptions() {
    render(<Options />);
    await screen.findByRole('button', { name: 'Test connection' });
    const box = () =>
      screen.getByRole('checkbox', {
        name: 'Show a notification on the day of a next step',
      }) as HTMLInputElement;
    await waitFor(() => expect(box().disabled).toBe(false));
    return box;
  }

  it('is on once granted, turns off and on again, asking for the permission in the click', async () => {
    grant('notifications');
    const box = await openOptions();
    expect(box().checked).toBe(true);
    const user = userEvent.setup();
    await user.click(box());
    await waitFor(() => expect(stored.next_step_reminders).toBe('off'));
    expect(box().checked).toBe(false);
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await user.click(box());
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await waitFor(() => expect(stored.next_step_reminders).toBe('on'));
    expect(box().checked).toBe(true);
  });

  it('stays off when the browser refuses, and says why', async () => {
    answerPrompts(false);
    const box = await openOptions();
    expect(box().checked).toBe(false);
    await userEvent.setup().click(box());
    expect(await screen.findByText(NOT_ALLOWED)).toBeTruthy();
    expect(box().checked).toBe(false);
    expect(stored.next_step_reminders).toBe('unasked');
  });
});
