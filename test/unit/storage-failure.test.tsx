// @vitest-environment happy-dom
// IndexedDB unavailable (Firefox's "never remember history" mode: `indexedDB.open` throws
// InvalidStateError) or full (a write fails with QuotaExceededError): a save fails loudly, in words,
// is never reported as saved or queued, and the popup keeps the draft in its form. Through the real
// background handler and the real popup, over WXT's fake browser.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/popup/App';
import { type ClipperDb, openDb } from '@/lib/background/database';
import {
  type Background,
  type BackgroundBrowser,
  startBackground,
} from '@/lib/background/handlers';
import { FRAME_SAVE } from '@/lib/content/protocol';
import type { JobDraft } from '@/lib/extract/types';
import type { Sender } from '@/lib/messages';
import { requestJobFromTab } from '@/lib/ui/tab-job';

vi.mock('@/lib/ui/tab-job', () => ({ requestJobFromTab: vi.fn() }));

const NOT_AVAILABLE =
  "Not saved: the browser's storage for extensions is not available (a private window, or a browser setting?). Nothing was sent to CareerTrack.";
const FULL = "Not saved: the browser's storage is full. Nothing was sent to CareerTrack.";

/** Firefox with "never remember history": opening any database throws InvalidStateError. */
function neverRememberHistory(): ClipperDb {
  const factory = new IDBFactory();
  factory.open = () => {
    throw new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
  };
  return openDb(`broken-${crypto.randomUUID()}`, { indexedDB: factory, IDBKeyRange });
}

/** A disk with no room left: the database opens and reads, every write to the outbox fails. */
function fullDisk(): ClipperDb {
  const db = openDb(`full-${crypto.randomUUID()}`);
  const quota: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'quota-exceeded',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) =>
            name === 'outbox'
              ? Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                )
              : table.mutate(request),
        };
      },
    }),
  };
  db.use(quota);
  return db;
}

const POPUP: Sender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};
/** The in-page button's frame in a LinkedIn job's tab. */
const FRAME: Sender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/save-frame.html'),
  tab: { id: 7, url: 'https://www.linkedin.com/jobs/view/4400000123/' } as Sender['tab'],
  frameId: 2,
};

const job: JobDraft = {
  company_name: 'Northwind Traders',
  position_title: 'Senior Platform Engineer',
  location: 'Lisbon, Portugal',
  source: 'LinkedIn',
  source_url: 'https://www.linkedin.com/jobs/view/4400000123/',
  salary_min: 70_000,
  salary_max: 85_000,
  job_key: 'linkedin:4400000123',
  origins: {},
};

/**
 * The real background on `db`. The fake browser's sendMessage gives listeners an empty sender:
 * its messages are handed on as the popup's, as Chrome would send them.
 */
function startOn(db: ClipperDb): Background {
  const onMessage = {
    addListener(listener: (message: unknown, sender: Sender) => Promise<unknown> | undefined) {
      fakeBrowser.runtime.onMessage.addListener((message: unknown) => listener(message, POPUP));
    },
  };
  const browser = {
    ...fakeBrowser,
    runtime: { ...fakeBrowser.runtime, id: fakeBrowser.runtime.id, onMessage },
  } as unknown as BackgroundBrowser;
  return startBackground({
    browser,
    db,
    // The tab's content script: it reads this job, and the user sees the frame.
    askTab: async () => ({ ...job, origins: {} }),
    checkFrame: async () => true,
    saveWaitMs: 500,
    timeoutMs: 1_000,
    openPopup: async () => {},
  });
}

let bg: Background | undefined;
beforeEach(() => {
  // The failing storage is reported where it belongs; here it would only be noise.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  window.history.replaceState(null, '', '/popup.html?tabId=7');
});
afterEach(async () => {
  cleanup();
  await bg?.started;
  bg?.db.close();
  bg = undefined;
});

const draft = {
  company_name: 'Northwind Traders',
  position_title: 'Senior Platform Engineer',
  source_url: 'https://www.linkedin.com/jobs/view/4400000123/',
};

describe.each([
  ['unavailable (never remember history)', neverRememberHistory, NOT_AVAILABLE],
  ['full (quota exceeded)', fullDisk, FULL],
])('storage %s', (_, broken, words) => {
  it('a save from the popup fails in words, and is neither saved nor queued', async () => {
    bg = startOn(broken());
    const answer = await bg.handle(
      { type: 'outbox:save', draft, jobKey: 'linkedin:4400000123' },
      POPUP,
    );
    expect(answer).toEqual({ state: 'error', message: words });
  });

  it('the page\'s Save button says "Not saved", with the reason as its description', async () => {
    bg = startOn(broken());
    const answer = await bg.handle({ type: FRAME_SAVE, visible: true }, FRAME);
    expect(answer).toEqual({ text: 'Not saved', title: words });
  });

  it('the popup shows the words and keeps the draft in the form', async () => {
    bg = startOn(broken());
    vi.mocked(requestJobFromTab).mockResolvedValue(job);
    const user = userEvent.setup();
    render(<App />);
    await screen.findByRole('button', { name: 'Save' });
    // The user adds a note before saving: it must survive the failure too.
    const notes = document.querySelector('[name="notes"]') as HTMLTextAreaElement;
    await user.type(notes, 'Referred by Ana.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(words);
    expect(screen.queryByText('Saved to CareerTrack')).toBeNull();
    expect(screen.queryByText(/^Queued/)).toBeNull();
    const value = (name: string) =>
      (document.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    expect(value('company_name')).toBe('Northwind Traders');
    expect(value('position_title')).toBe('Senior Platform Engineer');
    expect(value('location')).toBe('Lisbon, Portugal');
    expect(value('salary_min')).toBe('70000');
    expect(value('notes')).toBe('Referred by Ana.');
    // Save stays available to try again once storage is back.
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
  });
});
