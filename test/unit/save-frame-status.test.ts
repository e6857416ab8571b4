// @vitest-environment happy-dom
// The in-page button's frame itself (entrypoints/save-frame/), as the extension page it is: its
// HTML from the file, its script run by importing it, the background stood in by a listener on
// WXT's fake browser, Chromium's IntersectionObserver v2 stood in by the test. What the frame says
// of a saved job, and how its status select acts (or does not) on the user's choice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTLE_MS } from '@/entrypoints/save-frame/status';
import { type ButtonState, FRAME_STATE, FRAME_STATUS } from '@/lib/content/protocol';

const HTML = readFileSync(
  join(import.meta.dirname, '../../entrypoints/save-frame/index.html'),
  'utf8',
);

/** What the background answers: `state` to "what do I show?", `changed` to a status chosen. */
let background: { state: ButtonState; changed: ButtonState; asked: Array<Record<string, unknown>> };
/** Whether Chromium's IntersectionObserver v2 sees the frame whole and unoccluded. */
let unoccluded = true;

class FakeVisibilityObserver {
  trackVisibility = true;
  constructor(private readonly report: (entries: object[]) => void) {}
  observe() {
    this.report([{ isVisible: unoccluded, intersectionRatio: 1, time: performance.now() - 5_000 }]);
  }
  disconnect() {}
}

const button = () => document.querySelector('button') as HTMLButtonElement;
const select = () => document.querySelector('select') as HTMLSelectElement;
const statusRequests = () => background.asked.filter((m) => m.type === FRAME_STATUS);

/** The browser's own event for what the user did: only those are trusted, and only they count. */
function userEvent<E extends Event>(event: E, trusted = true): E {
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  return event;
}

/** The user picks `value` in the select (its list, or an arrow key on it closed). */
function choose(value: string, trusted = true) {
  select().value = value;
  select().dispatchEvent(userEvent(new Event('change', { bubbles: true }), trusted));
}

function load() {
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    HTML,
    'text/html',
  ).documentElement.innerHTML;
}

async function openFrame() {
  load();
  vi.resetModules();
  await import('@/entrypoints/save-frame/main');
  await vi.waitFor(() => expect(background.asked).toContainEqual({ type: FRAME_STATE }));
  await vi.advanceTimersByTimeAsync(0);
}

const INTERVIEW: ButtonState = {
  text: 'Interview · next step Dec 12',
  title: 'Interview · next step Dec 12 · Saved on Dec 6',
  status: 'interview',
};

// The first import transforms the frame's modules, which takes longer than a test may.
beforeAll(async () => {
  load();
  await import('@/entrypoints/save-frame/main');
}, 30_000);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  unoccluded = true;
  vi.stubGlobal('IntersectionObserver', FakeVisibilityObserver);
  background = {
    state: INTERVIEW,
    changed: { text: 'Offer', title: 'Offer · changed in CareerTrack', status: 'offer' },
    asked: [],
  };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as Record<string, unknown>;
    background.asked.push(request);
    if (request.type === FRAME_STATE) return Promise.resolve({ ...background.state, tabId: 7 });
    if (request.type === FRAME_STATUS) return Promise.resolve(background.changed);
    return undefined;
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('what the frame shows of a saved job', () => {
  it('names the status and next step, whole in the tooltip and description, the select on it', async () => {
    await openFrame();
    expect(button().textContent).toBe('Interview · next step Dec 12');
    expect(button().title).toBe('Interview · next step Dec 12 · Saved on Dec 6');
    // Too long for the fixed frame: the style ellipses it, the title keeps it whole.
    expect(HTML).toMatch(/button \{[^}]*text-overflow: ellipsis/);
    expect(select().value).toBe('interview');
    expect(select().getAttribute('aria-disabled')).toBe('false');
    expect(select().getAttribute('aria-label')).toBe('Status');
    expect([...select().options].map((o) => o.value)).toEqual([
      '',
      'applied',
      'interview',
      'offer',
      'rejected',
    ]);
  });

  it('an unsaved job: the same two controls, both in the Tab order, the select inert', async () => {
    background.state = { text: '', title: '' };
    await openFrame();
    expect(button().textContent).toBe('Save to CareerTrack');
    expect(select().disabled).toBe(false);
    expect(select().tabIndex).toBe(0);
    expect(select().getAttribute('aria-disabled')).toBe('true');
    expect(select().value).toBe('');
    const arrow = userEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', cancelable: true }));
    select().dispatchEvent(arrow);
    expect(arrow.defaultPrevented).toBe(true);
    const tab = userEvent(new KeyboardEvent('keydown', { key: 'Tab', cancelable: true }));
    select().dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    // A change that got through anyway is undone and sends nothing.
    choose('offer');
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(statusRequests()).toEqual([]);
    expect(select().value).toBe('');
    expect(button().textContent).toBe('Save to CareerTrack');
  });
});

describe('a status chosen in the frame', () => {
  it('sends the one the user rests on, with what the frame saw, then shows the answer', async () => {
    await openFrame();
    choose('offer');
    expect(button().textContent).toBe('Offer…');
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(statusRequests()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    // No job in it: the background takes the job from the tab's address.
    expect(statusRequests()).toEqual([{ type: FRAME_STATUS, status: 'offer', visible: true }]);
    await vi.waitFor(() => expect(button().textContent).toBe('Offer'));
    expect(button().title).toBe('Offer · changed in CareerTrack');
    expect(select().value).toBe('offer');
  });

  it('arrowing through the list sends only the last status, once', async () => {
    await openFrame();
    choose('offer');
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    choose('rejected');
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    expect(button().textContent).toBe('Rejected…');
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(statusRequests()).toEqual([{ type: FRAME_STATUS, status: 'rejected', visible: true }]);
  });

  it('back to the saved status before it settles: nothing sent, the status named again', async () => {
    await openFrame();
    choose('offer');
    choose('interview');
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(statusRequests()).toEqual([]);
    expect(button().textContent).toBe('Interview · next step Dec 12');
  });

  it('tells the background when its own check saw the frame covered or transparent', async () => {
    unoccluded = false;
    await openFrame();
    choose('offer');
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(statusRequests()).toEqual([{ type: FRAME_STATUS, status: 'offer', visible: false }]);
  });

  it('ignores a change the user did not make (an event the frame dispatched itself)', async () => {
    await openFrame();
    choose('offer', false);
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
    expect(statusRequests()).toEqual([]);
    expect(select().value).toBe('interview');
  });

  it('says "Not changed" when the background does not answer, keeping the saved status', async () => {
    await openFrame();
    background.changed = undefined as unknown as ButtonState;
    choose('rejected');
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    await vi.waitFor(() => expect(button().textContent).toBe('Not changed'));
    expect(select().value).toBe('interview');
  });
});
