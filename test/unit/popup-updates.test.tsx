// @vitest-environment happy-dom
// The popup on a page whose job is saved: the application in the same form, Update sending only
// what changed, "Save as a new application" as the second choice, and updates in the outbox.
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import type { JobDraft } from '@/lib/extract/types';
import type {
  OpenAnswer,
  OutboxRowView,
  PageRequest,
  PageResponses,
  SavedRecord,
} from '@/lib/messages';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { requestJobFromTab } from '@/lib/ui/tab-job';

vi.mock('@/lib/ui/tab-job', () => ({ requestJobFromTab: vi.fn() }));

const job: JobDraft = {
  company_name: 'Acme',
  position_title: 'Platform Engineer',
  source_url: 'https://www.linkedin.com/jobs/view/123/',
  job_key: 'linkedin:123',
  origins: { company_name: 'site', position_title: 'site' },
};

const fields: SavedRecord['fields'] = {
  company_name: 'Acme',
  position_title: 'Platform Engineer',
  status: 'applied',
  source_url: 'https://www.linkedin.com/jobs/view/123/',
  applied_at: '2026-05-01',
  notes: 'Sent the CV',
};
const record: SavedRecord = {
  rowId: 4,
  serverId: 40,
  jobKey: 'linkedin:123',
  fields,
  status: 'applied',
  next_step_at: null,
  state: 'synced',
  problem: null,
  savedAt: Date.UTC(2026, 4, 1, 12),
};
const local: OpenAnswer = { state: 'local', record, fields };

type Answers = {
  [T in keyof PageResponses]?: (message: Extract<PageRequest, { type: T }>) => unknown;
};

function background(answers: Answers = {}) {
  const sent: PageRequest[] = [];
  const defaults: Answers = {
    'settings:get': () => DEFAULT_SETTINGS,
    'outbox:list': () => ({ rows: [], waitingForSignIn: false }),
    'outbox:save': () => ({ state: 'saved', rowId: 9, serverId: 90 }),
    'application:open': (m) => (m.live ? { ...local, state: 'live' } : local),
    'application:update': (m) => ({ state: 'updated', rowId: m.rowId + 1 }),
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
    ofType: <T extends PageRequest['type']>(type: T) =>
      sent.filter((m) => m.type === type) as Extract<PageRequest, { type: T }>[],
  };
}

const input = (name: string) =>
  document.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLTextAreaElement;

async function openPopup() {
  vi.mocked(requestJobFromTab).mockResolvedValue(job);
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('button', { name: 'Update' });
  return user;
}

beforeEach(() => {
  window.history.replaceState(null, '', '/popup.html?tabId=7');
});
afterEach(() => {
  cleanup();
  vi.mocked(requestJobFromTab).mockReset();
});

describe('a saved job opens as itself', () => {
  it('shows the application in the form, says so, Update first and "Save as a new application" second', async () => {
    background();
    await openPopup();
    expect(screen.getByText(/Already saved on/)).toBeTruthy();
    expect(input('status').value).toBe('applied');
    expect(input('notes').value).toBe('Sent the CV');
    expect(input('applied_at').value).toBe('2026-05-01');
    const buttons = within(document.querySelector('.actions') as HTMLElement).getAllByRole(
      'button',
    );
    expect(buttons.map((b) => [b.textContent, b.className])).toEqual([
      ['Update', 'primary'],
      ['Save as a new application', ''],
    ]);
  });

  it('paints from the local copy without waiting for CareerTrack, then shows its record', async () => {
    let answer: (value: OpenAnswer) => void = () => {};
    const bg = background({
      'application:open': (m) => (m.live ? new Promise((r) => (answer = r)) : local),
    });
    await openPopup();
    expect(input('status').value).toBe('applied');
    expect(screen.getByText(/asking CareerTrack/)).toBeTruthy();
    await waitFor(() => expect(bg.ofType('application:open')).toHaveLength(2));
    answer({
      state: 'live',
      record,
      fields: { ...fields, status: 'interview', next_step_at: '2026-05-12' },
    });
    await waitFor(() => expect(input('status').value).toBe('interview'));
    expect(input('next_step_at').value).toBe('2026-05-12');
    expect(screen.getByText('As CareerTrack has it now.')).toBeTruthy();
  });

  it('CareerTrack unreachable: the copy, saying so', async () => {
    background({
      'application:open': (m) =>
        m.live ? { ...local, state: 'copy', reason: 'Could not reach it.' } : local,
    });
    await openPopup();
    expect(
      await screen.findByText("This is the extension's copy: Could not reach it."),
    ).toBeTruthy();
  });
});

describe('Update', () => {
  it('sends only the changed fields, then only what changes after', async () => {
    const bg = background();
    const user = await openPopup();
    await screen.findByText('As CareerTrack has it now.');
    await user.selectOptions(input('status'), 'interview');
    await user.type(input('next_step_at'), '2026-05-12');
    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByText('Updated in CareerTrack')).toBeTruthy();
    expect(bg.ofType('application:update')).toEqual([
      {
        type: 'application:update',
        rowId: 4,
        changes: { status: 'interview', next_step_at: '2026-05-12' },
      },
    ]);
    await user.selectOptions(input('status'), 'offer');
    await user.click(screen.getByRole('button', { name: 'Update' }));
    await waitFor(() => expect(bg.ofType('application:update')).toHaveLength(2));
    expect(bg.ofType('application:update')[1]?.changes).toEqual({ status: 'offer' });
    expect(bg.ofType('outbox:save')).toEqual([]);
  });

  it('nothing changed: says so and sends nothing', async () => {
    const bg = background();
    const user = await openPopup();
    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByText('Nothing changed: there is nothing to update.')).toBeTruthy();
    expect(bg.ofType('application:update')).toEqual([]);
  });

  it('queued while CareerTrack is unreachable, said as for a save', async () => {
    background({
      'application:update': () => ({ state: 'queued', rowId: 5, reason: 'Could not reach it.' }),
    });
    const user = await openPopup();
    await user.selectOptions(input('status'), 'offer');
    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByText(/^Queued/)).toBeTruthy();
  });

  it("CareerTrack's field errors land on the fields", async () => {
    background({
      'application:update': () => ({
        state: 'invalid',
        fieldErrors: {
          next_step_at: ['The next step at field must be a date after or equal to applied at.'],
        },
      }),
    });
    const user = await openPopup();
    await user.type(input('next_step_at'), '2026-05-12');
    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(
      await screen.findByText(
        'The next step at field must be a date after or equal to applied at.',
      ),
    ).toBeTruthy();
    expect(input('next_step_at').getAttribute('aria-invalid')).toBe('true');
  });

  it('deleted in CareerTrack: said, and "Save as a new application" saves the fields anew', async () => {
    const bg = background({
      'application:update': () => ({
        state: 'deleted',
        message: 'This application was deleted in CareerTrack.',
      }),
    });
    const user = await openPopup();
    await user.selectOptions(input('status'), 'offer');
    await user.click(screen.getByRole('button', { name: 'Update' }));
    expect(await screen.findByText('This application was deleted in CareerTrack.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save as a new application' }));
    await waitFor(() => expect(bg.ofType('outbox:save')).toHaveLength(1));
    expect(bg.ofType('outbox:save')[0]).toMatchObject({
      force: true,
      jobKey: 'linkedin:123',
      draft: { status: 'offer', company_name: 'Acme' },
    });
  });

  it('"Save as a new application" is a new save, forced past "already saved"', async () => {
    const bg = background();
    const user = await openPopup();
    await user.click(screen.getByRole('button', { name: 'Save as a new application' }));
    expect(await screen.findByText('Saved to CareerTrack')).toBeTruthy();
    expect(bg.ofType('outbox:save')[0]).toMatchObject({
      force: true,
      draft: { notes: 'Sent the CV' },
    });
    expect(bg.ofType('application:update')).toEqual([]);
  });
});

describe('updates in the outbox', () => {
  const row = (over: Partial<OutboxRowView>): OutboxRowView => ({
    id: 1,
    kind: 'update',
    job_key: 'linkedin:1',
    draft: { company_name: 'Acme', position_title: 'Engineer', status: 'offer' },
    state: 'pending',
    last_error: null,
    field_errors: null,
    next_attempt_at: 0,
    created_at: Date.UTC(2026, 4, 1, 12),
    updated_at: Date.UTC(2026, 4, 1, 12),
    synced_at: null,
    ...over,
  });

  it('are worded as updates; a deleted one offers "Save as a new application"', async () => {
    const rows = [
      row({ id: 1, state: 'held' }),
      row({
        id: 2,
        state: 'attention',
        deleted: true,
        last_error: 'This application was deleted in CareerTrack.',
      }),
    ];
    const bg = background({ 'outbox:list': () => ({ rows, waitingForSignIn: false }) });
    const user = await openPopup();
    await user.click(await screen.findByRole('tab', { name: 'Outbox (2)' }));
    const waiting = screen.getByRole('region', { name: 'Waiting' });
    expect(within(waiting).getByText('Update: Engineer at Acme')).toBeTruthy();
    expect(within(waiting).getByText(/Changed .* · waits for the change before it/)).toBeTruthy();
    const attention = screen.getByRole('region', { name: 'Needs attention' });
    expect(
      within(attention).getByText('This application was deleted in CareerTrack.'),
    ).toBeTruthy();
    expect(within(attention).queryByRole('button', { name: 'Retry now' })).toBeNull();
    await user.click(within(attention).getByRole('button', { name: 'Save as a new application' }));
    await waitFor(() =>
      expect(bg.ofType('outbox:delete')).toEqual([{ type: 'outbox:delete', id: 2 }]),
    );
    expect(bg.ofType('outbox:save')[0]).toMatchObject({
      force: true,
      draft: { status: 'offer' },
      jobKey: 'linkedin:1',
    });
  });
});
