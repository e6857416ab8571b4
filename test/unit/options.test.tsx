// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { isLoopback, parseAddress, tokenRefusal } from '@/entrypoints/options/address';
import type { ConnectionVerdict, PageRequest, PageResponses } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

/** The settings as the fake background keeps them (the real one: its IndexedDB). */
let stored: Settings = DEFAULT_SETTINGS;
const updateSettings = (patch: Partial<Settings>) => {
  stored = { ...stored, ...patch };
};
const getSettings = () => stored;

type Answers = {
  [T in keyof PageResponses]?: (message: Extract<PageRequest, { type: T }>) => unknown;
};

function background(answers: Answers = {}) {
  const sent: PageRequest[] = [];
  const defaults: Answers = {
    'settings:get': () => stored,
    'settings:update': (m) => {
      updateSettings(m.defaults);
      return stored;
    },
    'auth:status': () => ({
      apiUrl: 'http://127.0.0.1:8000',
      email: null,
      signedIn: false,
      message: null,
    }),
  };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as PageRequest;
    sent.push(request);
    const answer = (answers[request.type] ?? defaults[request.type]) as
      | ((m: PageRequest) => unknown)
      | undefined;
    return Promise.resolve(answer?.(request) ?? { ok: true });
  });
  return <T extends PageRequest['type']>(type: T) =>
    sent.filter((m) => m.type === type) as Extract<PageRequest, { type: T }>[];
}

const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;

async function openOptions() {
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('button', { name: 'Test connection' });
  return user;
}

async function setAddress(user: ReturnType<typeof userEvent.setup>, address: string) {
  await user.clear(input('api_url'));
  await user.type(input('api_url'), address);
}

afterEach(() => {
  cleanup();
  stored = DEFAULT_SETTINGS;
});

describe('sign in', () => {
  it('sends auth:login with the address and says who is signed in', async () => {
    const sent = background({ 'auth:login': (m) => ({ ok: true, email: m.email }) });
    const user = await openOptions();
    expect(input('api_url').value).toBe('http://127.0.0.1:8000');
    await user.type(input('email'), 'ada@example.com');
    await user.type(input('password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in as ada@example.com')).toBeTruthy();
    expect(sent('auth:login')).toEqual([
      {
        type: 'auth:login',
        apiUrl: 'http://127.0.0.1:8000',
        email: 'ada@example.com',
        password: 'secret-pass',
      },
    ]);
  });

  it('shows why a sign-in failed and keeps the form', async () => {
    background({
      'auth:login': () => ({ ok: false, error: 'The provided credentials are incorrect.' }),
    });
    const user = await openOptions();
    await user.type(input('email'), 'ada@example.com');
    await user.type(input('password'), 'wrong');
    await user.type(input('password'), '{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The provided credentials are incorrect.',
    );
    expect(input('email').value).toBe('ada@example.com');
  });

  it('signs in with a pasted token', async () => {
    const sent = background({ 'auth:token': () => ({ ok: true, email: null }) });
    const user = await openOptions();
    await user.type(input('token'), '1|abcdef');
    await user.click(screen.getByRole('button', { name: 'Use token' }));
    expect(await screen.findByText('Signed in with a pasted token')).toBeTruthy();
    expect(sent('auth:token')).toEqual([
      { type: 'auth:token', apiUrl: 'http://127.0.0.1:8000', token: '1|abcdef' },
    ]);
  });

  it('shows the current session and signs out', async () => {
    const sent = background({
      'auth:status': () => ({
        apiUrl: 'http://127.0.0.1:8000',
        email: 'ada@example.com',
        signedIn: true,
        message: null,
      }),
    });
    const user = await openOptions();
    expect(screen.getByText('Signed in as ada@example.com')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Signed out.')).toBeTruthy();
    expect(sent('auth:logout')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('refuses to send a token over plain http to another computer', async () => {
    const sent = background();
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const user = await openOptions();
    await setAddress(user, 'http://tracker.example.com');
    await user.type(input('email'), 'ada@example.com');
    await user.type(input('password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /never sent over plain http:\/\/ to another computer.*https:\/\/tracker\.example\.com/,
    );
    expect(sent('auth:login')).toHaveLength(0);
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for the permission of a non-loopback https origin on the click, then signs in', async () => {
    const sent = background({ 'auth:login': (m) => ({ ok: true, email: m.email }) });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const user = await openOptions();
    await setAddress(user, 'https://tracker.example.com:8443/careertrack/');
    await user.type(input('email'), 'ada@example.com');
    await user.type(input('password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Signed in as ada@example.com')).toBeTruthy();
    // No port in the pattern: Firefox refuses one, Chrome treats its absence as any port.
    expect(request).toHaveBeenCalledWith({ origins: ['https://tracker.example.com/*'] });
    expect(sent('auth:login')[0]?.apiUrl).toBe('https://tracker.example.com:8443/careertrack');
  });

  it('does not sign in when the permission is refused', async () => {
    const sent = background();
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const user = await openOptions();
    await setAddress(user, 'https://tracker.example.com');
    await user.type(input('email'), 'ada@example.com');
    await user.type(input('password'), 'secret-pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not allow/);
    expect(sent('auth:login')).toHaveLength(0);
  });
});

describe('test connection', () => {
  const verdicts: [ConnectionVerdict, string][] = [
    ['unreachable', 'Not reachable: is CareerTrack running at http://127.0.0.1:8000?'],
    ['not-careertrack', 'That address answers, but not as a CareerTrack API.'],
    ['token-rejected', 'CareerTrack rejected the saved token: sign in again.'],
    ['signed-out', 'CareerTrack answers, but you are not signed in.'],
    ['connected', 'Connected as ada@example.com'],
  ];

  it.each(verdicts)('says %s in plain words', async (verdict, words) => {
    const sent = background({
      'connection:test': () => ({
        verdict,
        message: 'CareerTrack answers, but you are not signed in.',
        ...(verdict === 'connected' ? { email: 'ada@example.com' } : {}),
      }),
    });
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    const user = await openOptions();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(words)).toBeTruthy();
    expect(sent('connection:test')).toEqual([
      { type: 'connection:test', apiUrl: 'http://127.0.0.1:8000' },
    ]);
    // This computer's CareerTrack is granted by the manifest: no prompt.
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for the origin of another computer before testing it', async () => {
    background({ 'connection:test': () => ({ verdict: 'unreachable', message: '' }) });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const user = await openOptions();
    await setAddress(user, 'https://tracker.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    // Asked within the click itself, before any await, while the user's gesture still counts.
    expect(request).toHaveBeenCalledWith({ origins: ['https://tracker.example.com/*'] });
    expect(
      await screen.findByText(
        'Not reachable: is CareerTrack running at https://tracker.example.com?',
      ),
    ).toBeTruthy();
  });

  it('explains an address that is not one, beside the field', async () => {
    const sent = background();
    const user = await openOptions();
    await setAddress(user, 'tracker');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(input('api_url').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/starting with http:\/\/ or https:\/\//)).toBeTruthy();
    expect(sent('connection:test')).toHaveLength(0);
  });
});

describe('defaults', () => {
  it('shows the stored defaults and saves each change', async () => {
    updateSettings({ default_status: 'interview', fill_applied_date: false });
    background();
    const user = await openOptions();
    expect(input('default_status').value).toBe('interview');
    expect(input('fill_applied_date').checked).toBe(false);
    await user.selectOptions(input('default_status'), 'offer');
    await user.click(screen.getByLabelText(/Fill the applied date/));
    await user.click(screen.getByLabelText('Add the job description to the notes'));
    await waitFor(async () =>
      expect(getSettings()).toMatchObject({
        default_status: 'offer',
        fill_applied_date: true,
        description_to_notes: true,
      }),
    );
  });
});

describe('applications sent', () => {
  it('offers "Save as applied when I send an application", off by default, and stores it', async () => {
    background();
    const user = await openOptions();
    expect(input('save_when_applied').checked).toBe(false);
    await user.click(screen.getByLabelText('Save as applied when I send an application'));
    await waitFor(async () => expect(getSettings()).toMatchObject({ save_when_applied: true }));
  });
});

describe('address rules', () => {
  it('knows loopback addresses', () => {
    for (const host of ['localhost', '127.0.0.1', '127.4.5.6', '[::1]']) {
      expect(isLoopback(host)).toBe(true);
    }
    for (const host of ['example.com', '128.0.0.1', '10.0.0.1', 'localhost.example.com']) {
      expect(isLoopback(host)).toBe(false);
    }
  });

  it('lets a token go over https anywhere and over http only to this computer', () => {
    const refusal = (typed: string) => {
      const address = parseAddress(typed);
      if (!address.ok) throw new Error(address.error);
      return tokenRefusal(address);
    };
    expect(refusal('http://127.0.0.1:8000')).toBeNull();
    expect(refusal('http://localhost:8000/')).toBeNull();
    expect(refusal('http://[::1]:8000')).toBeNull();
    expect(refusal('https://tracker.example.com')).toBeNull();
    expect(refusal('http://192.168.1.20:8000')).toMatch(/never sent over plain http/);
  });
});
