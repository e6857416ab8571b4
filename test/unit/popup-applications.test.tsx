// @vitest-environment happy-dom
// The popup's Applications tab: CareerTrack's list, its filters, and the copy said to be a copy.
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApplicationsView } from '@/entrypoints/popup/ApplicationsView';
import type { ApplicationsAnswer, ApplicationView, PageRequest } from '@/lib/messages';

type ListRequest = Extract<PageRequest, { type: 'applications:list' }>;

const application = (id: number, fields: Partial<ApplicationView> = {}): ApplicationView => ({
  id,
  company_name: 'Acme',
  position_title: `Engineer ${id}`,
  status: 'applied',
  location: null,
  source_url: `https://www.linkedin.com/jobs/view/${id}/`,
  applied_at: '2026-12-01T00:00:00.000000Z',
  next_step_at: null,
  created_at: '2026-12-01T09:00:00.000000Z',
  updated_at: '2026-12-01T09:00:00.000000Z',
  ...fields,
});

/** Answers `applications:list` as given and records each query. */
function background(answer: (request: ListRequest) => ApplicationsAnswer) {
  const asked: ListRequest['query'][] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as ListRequest;
    asked.push(request.query);
    return Promise.resolve(answer(request));
  });
  return asked;
}

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('Applications tab', () => {
  it('asks nothing until shown, then lists each application with status, date and link', async () => {
    const asked = background(() => ({
      state: 'live',
      applications: [
        application(1, { status: 'interview', next_step_at: '2026-12-12T00:00:00.000000Z' }),
        application(2, { company_name: 'Globex', source_url: 'javascript:alert(1)' }),
      ],
    }));
    const { rerender } = render(<ApplicationsView shown={false} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);

    rerender(<ApplicationsView shown />);
    const list = await screen.findByRole('list', { name: 'Applications' });
    const first = within(list).getByRole('listitem', { name: 'Engineer 1 at Acme' });
    expect(within(first).getByRole('link', { name: 'Engineer 1' }).getAttribute('href')).toBe(
      'https://www.linkedin.com/jobs/view/1/',
    );
    expect(first.textContent).toContain('Interview');
    expect(first.textContent).toMatch(/next step .*2026/);
    // A stored address that is not the web's stays text.
    const second = within(list).getByRole('listitem', { name: 'Engineer 2 at Globex' });
    expect(within(second).queryByRole('link')).toBeNull();
    expect(asked).toEqual([{}]);
  });

  it('filters by status at once and by company once the typing pauses', async () => {
    const asked = background(({ query }) => ({
      state: 'live',
      applications: query.company ? [application(3, { company_name: 'Globex' })] : [],
    }));
    const user = userEvent.setup();
    render(<ApplicationsView shown />);
    await screen.findByText('No applications match.');

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Filter by status' }),
      'Technical test',
    );
    await waitFor(() => expect(asked.at(-1)).toEqual({ status: 'technical_test' }));

    await user.type(screen.getByRole('searchbox', { name: 'Search by company' }), 'Glob');
    await screen.findByRole('listitem', { name: 'Engineer 3 at Globex' });
    // One request for the whole word, not one per key.
    expect(asked.slice(2)).toEqual([{ status: 'technical_test', company: 'Glob' }]);
  });

  it('says when the list is a copy, from when, and why', async () => {
    background(() => ({
      state: 'copy',
      applications: [application(4)],
      savedAt: Date.UTC(2026, 11, 5, 14, 5),
      reason: 'Could not reach http://127.0.0.1:8000. Is CareerTrack running, and are you online?',
    }));
    render(<ApplicationsView shown />);
    const note = await screen.findByRole('status');
    expect(note.textContent).toMatch(/^A copy from .*2026.*: Could not reach/);
    expect(screen.getByRole('listitem', { name: 'Engineer 4 at Acme' })).toBeTruthy();
  });

  it('signed out: says so and offers the options page', async () => {
    background(() => ({ state: 'signin', message: 'Sign in to CareerTrack to send your saves.' }));
    render(<ApplicationsView shown />);
    expect((await screen.findByRole('status')).textContent).toContain('Sign in to CareerTrack');
    expect(screen.getByRole('button', { name: 'Open options to sign in' })).toBeTruthy();
  });
});
