// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { todayLocal } from '@/lib/draft-form';
import type { JobDraft } from '@/lib/extract/types';
import type { OutboxRowView, PageRequest, PageResponses, SaveOutcome } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { requestJobFromTab } from '@/lib/ui/tab-job';

vi.mock('@/lib/ui/tab-job', () => ({ requestJobFromTab: vi.fn() }));

const job: JobDraft = {
  company_name: 'Acme',
  position_title: 'Platform Engineer',
  location: 'Remote',
  source: 'LinkedIn',
  source_url: 'https://www.linkedin.com/jobs/view/123/',
  salary_min: 46550,
  salary_max: 52000,
  salary_posted: 'From $22.38 an hour',
  description: 'Build the platform.',
  job_key: 'linkedin:123',
  origins: { company_name: 'site', position_title: 'site' },
  truncated: ['position_title'],
};

/** The settings as the fake background keeps them (the real one: its IndexedDB). */
let stored: Settings = DEFAULT_SETTINGS;
const updateSettings = (patch: Partial<Settings>) => {
  stored = { ...stored, ...patch };
};
const getSettings = () => stored;

type Answers = {
  [T in keyof PageResponses]?: (message: Extract<PageRequest, { type: T }>) => unknown;
};

/** Answers as the background would, and records every message the page sent. */
function background(answers: Answers = {}) {
  const sent: PageRequest[] = [];
  const defaults: Answers = {
    'settings:get': () => stored,
    'settings:update': (m) => {
      updateSettings(m.defaults);
      return stored;
    },
    'outbox:list': () => ({ rows: [], waitingForSignIn: false }),
    'outbox:save': () => ({ state: 'saved', rowId: 1, serverId: 10 }),
  };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as PageRequest;
    sent.push(request);
    const answer = (answers[request.type] ?? defaults[request.type]) as
      | ((m: PageRequest) => unknown)
      | undefined;
    return Promise.resolve(answer?.(request) ?? { ok: true });
  });
  return {
    sent,
    ofType: <T extends PageRequest['type']>(type: T) =>
      sent.filter((m) => m.type === type) as Extract<PageRequest, { type: T }>[],
  };
}

const input = (name: string) =>
  document.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLTextAreaElement;

async function openPopup(draft: JobDraft | null = job) {
  vi.mocked(requestJobFromTab).mockResolvedValue(draft);
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('button', { name: 'Save' });
  return user;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/popup.html?tabId=7');
});
afterEach(() => {
  cleanup();
  vi.mocked(requestJobFromTab).mockReset();
  stored = DEFAULT_SETTINGS;
});

describe('popup form', () => {
  it('opens prefilled from the job in the tab named by ?tabId and nudges the outbox', async () => {
    const bg = background();
    await openPopup();
    expect(requestJobFromTab).toHaveBeenCalledWith(7);
    expect(input('company_name').value).toBe('Acme');
    expect(input('position_title').value).toBe('Platform Engineer');
    expect(input('status').value).toBe('applied');
    expect(input('location').value).toBe('Remote');
    expect(input('salary_min').value).toBe('46550');
    expect(input('salary_max').value).toBe('52000');
    expect(input('source').value).toBe('LinkedIn');
    expect(input('source_url').value).toBe('https://www.linkedin.com/jobs/view/123/');
    expect(input('applied_at').value).toBe(todayLocal());
    expect(input('next_step_at').value).toBe('');
    expect(input('notes').value).toBe('Salary as posted: From $22.38 an hour');
    expect(screen.getByText('Shortened to fit CareerTrack: title.')).toBeTruthy();
    // Every input is reachable by its visible label.
    expect(screen.getByLabelText('Company')).toBe(input('company_name'));
    expect(screen.getByLabelText('Source URL')).toBe(input('source_url'));
    await waitFor(() => expect(bg.ofType('outbox:list')).toHaveLength(1));
  });

  it('marks what it read from the page and what the user must type, and waits in the first to type', async () => {
    background();
    await openPopup({ ...job, company_name: undefined, origins: { position_title: 'site' } });
    const described = (name: string) =>
      (input(name).getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(described('company_name')).toBe('Not on the page: type it');
    expect(described('position_title')).toBe('Read from the page');
    expect(described('location')).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(input('company_name')));
  });

  it('puts the cursor in the title when only the title is missing, nowhere when nothing is', async () => {
    background();
    await openPopup({ ...job, position_title: undefined });
    await waitFor(() => expect(document.activeElement).toBe(input('position_title')));
    cleanup();
    await openPopup();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement?.getAttribute('name')).toBeNull();
  });

  it('reads the active tab of the current window without ?tabId', async () => {
    window.history.replaceState(null, '', '/popup.html');
    background();
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 12 } as never]);
    await openPopup();
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(requestJobFromTab).toHaveBeenCalledWith(12);
  });

  it('starts from the remembered defaults', async () => {
    updateSettings({ default_status: 'interview', fill_applied_date: true });
    background();
    await openPopup();
    expect(input('status').value).toBe('interview');
    expect(input('applied_at').value).toBe('');
  });

  it('adds the description to the notes with the remembered checkbox', async () => {
    background();
    const user = await openPopup();
    await user.click(screen.getByLabelText('Add the job description to the notes'));
    expect(input('notes').value).toBe(
      'Salary as posted: From $22.38 an hour\n\nBuild the platform.',
    );
    await waitFor(async () => expect(getSettings().description_to_notes).toBe(true));
  });

  it('renders page text as text, never as markup', async () => {
    background();
    await openPopup({ ...job, company_name: '<img src=x onerror=alert(1)>' });
    expect(input('company_name').value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('saving', () => {
  const outcomes: [SaveOutcome, string][] = [
    [{ state: 'saved', rowId: 1, serverId: 9 }, 'Saved to CareerTrack'],
    [
      { state: 'queued', rowId: 1, reason: 'CareerTrack did not answer.' },
      'Queued: will send when CareerTrack is reachable',
    ],
    [{ state: 'signin', rowId: 1 }, 'Sign in to send'],
    [
      { state: 'invalid', rowId: 1, fieldErrors: { company_name: ['Taken.'] } },
      'Fix the highlighted fields',
    ],
    [
      { state: 'error', message: 'The outbox could not be opened.' },
      'The outbox could not be opened.',
    ],
  ];

  it.each(outcomes)('says %j in plain words', async (outcome, words) => {
    const bg = background({ 'outbox:save': () => outcome });
    const user = await openPopup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(words)).toBeTruthy();
    expect(bg.ofType('outbox:save')[0]).toMatchObject({
      jobKey: 'linkedin:123',
      draft: { company_name: 'Acme', position_title: 'Platform Engineer', salary_min: 46550 },
    });
    // The draft stays in the form whatever the answer.
    expect(input('company_name').value).toBe('Acme');
  });

  it('shows the duplicate date and resends with force on "Save anyway"', async () => {
    const bg = background({
      'outbox:save': (message) =>
        message.force
          ? { state: 'saved', rowId: 2, serverId: 11 }
          : { state: 'duplicate', savedAt: '2026-03-04', status: 'applied', rowId: 1 },
    });
    const user = await openPopup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const date = new Date(2026, 2, 4).toLocaleDateString(undefined, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    expect(await screen.findByText(`Already saved on ${date}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    expect(await screen.findByText('Saved to CareerTrack')).toBeTruthy();
    expect(bg.ofType('outbox:save').map((m) => m.force)).toEqual([undefined, true]);
  });

  it('opens the options page from "Sign in to send"', async () => {
    background({ 'outbox:save': () => ({ state: 'signin', rowId: 1 }) });
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const user = await openPopup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Open options to sign in' }));
    expect(open).toHaveBeenCalled();
  });

  it('shows "Saving…" and disables the button only while the request is in flight', async () => {
    let finish: (outcome: SaveOutcome) => void = () => {};
    background({ 'outbox:save': () => new Promise((resolve) => (finish = resolve)) });
    const user = await openPopup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const busy = await screen.findByRole('button', { name: 'Saving…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    finish({ state: 'queued', rowId: 1, reason: '' });
    const save = await screen.findByRole('button', { name: 'Save' });
    expect((save as HTMLButtonElement).disabled).toBe(false);
  });

  it('saves on Enter in an input, on Ctrl+Enter in the notes, not on Enter there', async () => {
    const bg = background();
    const user = await openPopup();
    await user.type(input('location'), '{Enter}');
    await waitFor(() => expect(bg.ofType('outbox:save')).toHaveLength(1));
    await user.type(input('notes'), '{Enter}');
    expect(bg.ofType('outbox:save')).toHaveLength(1);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(bg.ofType('outbox:save')).toHaveLength(2));
  });

  it('closes on Escape', async () => {
    background();
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const user = await openPopup();
    await user.click(input('company_name'));
    await user.keyboard('{Escape}');
    expect(close).toHaveBeenCalled();
  });
});

describe('field errors', () => {
  it('shows the schema error beside a field on blur', async () => {
    background();
    const user = await openPopup();
    await user.clear(input('company_name'));
    await user.tab();
    const field = input('company_name');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // Described by its mark ("Not on the page: type it", now that it is empty), then the error.
    const error = document.getElementById(
      field.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '',
    );
    expect(error?.textContent).toBe('Company is required.');
    // Fixing it clears the message on the next blur.
    await user.type(field, 'Acme');
    await user.tab();
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('on a failed submit shows every error, sends nothing and focuses the first', async () => {
    const bg = background();
    const user = await openPopup();
    await user.clear(input('position_title'));
    await user.clear(input('source_url'));
    await user.type(input('source_url'), 'not an address');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Fix the highlighted fields')).toBeTruthy();
    expect(screen.getByText('Position is required.')).toBeTruthy();
    expect(screen.getByText(/Enter a full web address/)).toBeTruthy();
    expect(document.activeElement).toBe(input('position_title'));
    expect(bg.ofType('outbox:save')).toHaveLength(0);
  });

  it("maps a 422's field messages onto the fields and resends the parked row", async () => {
    const bg = background({
      'outbox:save': () => ({
        state: 'invalid',
        rowId: 4,
        fieldErrors: {
          source_url: ['The source url field must be a valid URL.'],
          location: ['The location is odd.'],
        },
      }),
      'outbox:resend': () => ({ state: 'saved', rowId: 4, serverId: 12 }),
    });
    const user = await openPopup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The source url field must be a valid URL.')).toBeTruthy();
    expect(input('source_url').getAttribute('aria-invalid')).toBe('true');
    expect(input('location').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input('location'));
    // The server's message stays while the refused value does.
    await user.tab();
    expect(screen.getByText('The location is odd.')).toBeTruthy();

    await user.clear(input('location'));
    await user.type(input('location'), 'Berlin');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved to CareerTrack')).toBeTruthy();
    expect(bg.ofType('outbox:resend')[0]).toMatchObject({ id: 4, draft: { location: 'Berlin' } });
  });
});

describe('outbox view', () => {
  const row = (over: Partial<OutboxRowView>): OutboxRowView => ({
    id: 1,
    job_key: 'linkedin:1',
    draft: { company_name: 'Acme', position_title: 'Engineer', status: 'applied' },
    state: 'pending',
    last_error: null,
    field_errors: null,
    next_attempt_at: 0,
    created_at: Date.UTC(2026, 4, 1, 12),
    updated_at: Date.UTC(2026, 4, 1, 12),
    synced_at: null,
    ...over,
  });
  const rows = [
    row({ id: 1, state: 'pending', last_error: 'CareerTrack did not answer.' }),
    row({
      id: 2,
      state: 'attention',
      draft: {
        company_name: 'Globex',
        position_title: '<b>Boss</b>',
        status: 'applied',
        source_url: 'bad',
      },
      last_error: 'CareerTrack refused some fields.',
      field_errors: { source_url: ['The source url field must be a valid URL.'] },
    }),
    row({
      id: 3,
      state: 'synced',
      synced_at: Date.UTC(2026, 4, 2, 12),
      draft: { company_name: 'Initech', position_title: 'Dev', status: 'applied' },
    }),
  ];

  async function openOutbox(answers: Answers = {}) {
    const bg = background({ 'outbox:list': () => ({ rows, waitingForSignIn: false }), ...answers });
    const user = await openPopup();
    await user.click(await screen.findByRole('tab', { name: 'Outbox (2)' }));
    return { bg, user };
  }

  it('lists rows by state with their errors, as text', async () => {
    await openOutbox();
    const attention = screen.getByRole('region', { name: 'Needs attention' });
    expect(within(attention).getByText('<b>Boss</b> at Globex')).toBeTruthy();
    expect(within(attention).getByText('CareerTrack refused some fields.')).toBeTruthy();
    expect(
      within(attention).getByText('Source URL: The source url field must be a valid URL.'),
    ).toBeTruthy();
    expect(document.querySelector('.outbox b')).toBeNull();
    expect(
      within(screen.getByRole('region', { name: 'Waiting' })).getByText('Engineer at Acme'),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Recently synced' })).getByText('Dev at Initech'),
    ).toBeTruthy();
  });

  it('retries a row now', async () => {
    const { bg, user } = await openOutbox({
      'outbox:retry': () => ({ state: 'queued', rowId: 1, reason: '' }),
    });
    const item = screen.getByRole('listitem', { name: 'Engineer at Acme' });
    await user.click(within(item).getByRole('button', { name: 'Retry now' }));
    await waitFor(() =>
      expect(bg.ofType('outbox:retry')).toEqual([{ type: 'outbox:retry', id: 1 }]),
    );
    expect(
      await within(item).findByText('Queued: will send when CareerTrack is reachable'),
    ).toBeTruthy();
  });

  it('edits a row in the form and resends it', async () => {
    const { bg, user } = await openOutbox({
      'outbox:resend': () => ({ state: 'queued', rowId: 2, reason: '' }),
    });
    const item = screen.getByRole('listitem', { name: '<b>Boss</b> at Globex' });
    await user.click(within(item).getByRole('button', { name: 'Edit and resend' }));
    expect(input('company_name').value).toBe('Globex');
    expect(input('source_url').value).toBe('bad');
    await user.clear(input('source_url'));
    await user.type(input('source_url'), 'https://globex.example/jobs/1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bg.ofType('outbox:resend')).toHaveLength(1));
    expect(bg.ofType('outbox:resend')[0]).toMatchObject({
      id: 2,
      draft: { company_name: 'Globex', source_url: 'https://globex.example/jobs/1' },
    });
    expect(bg.ofType('outbox:save')).toHaveLength(0);
    // Back to the page's job, as it was.
    await user.click(screen.getByRole('button', { name: "Back to this page's job" }));
    expect(input('company_name').value).toBe('Acme');
  });

  it('asks before deleting an unsent row', async () => {
    const { bg, user } = await openOutbox();
    const item = screen.getByRole('listitem', { name: 'Engineer at Acme' });
    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(within(item).getByText('Delete unsent save?')).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: 'No' }));
    expect(bg.ofType('outbox:delete')).toHaveLength(0);
    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    await user.click(within(item).getByRole('button', { name: 'Yes' }));
    await waitFor(() =>
      expect(bg.ofType('outbox:delete')).toEqual([{ type: 'outbox:delete', id: 1 }]),
    );
  });

  it('deletes a synced row without asking', async () => {
    const { bg, user } = await openOutbox();
    const item = screen.getByRole('listitem', { name: 'Dev at Initech' });
    await user.click(within(item).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(bg.ofType('outbox:delete')).toEqual([{ type: 'outbox:delete', id: 3 }]),
    );
  });
});

describe('a search with no job open', () => {
  it('says so plainly instead of taking the search for a job', async () => {
    background();
    const { position_title: _title, company_name: _company, ...rest } = job;
    await openPopup({ ...rest, job_key: 'https://www.linkedin.com/jobs/search', no_job: true });
    expect(screen.getByText(/No job is open on this search/)).toBeTruthy();
    expect(input('position_title').value).toBe('');
  });
});
