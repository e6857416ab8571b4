// The settings store: one row in the background's IndexedDB, remembered, moved once from the
// storage.local of older versions, and out of reach of anything that writes storage.local.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ClipperDb, openDb } from '@/lib/background/database';
import { readSettings, rememberSettings } from '@/lib/background/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/settings';

let db: ClipperDb;
let dbCount = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = openDb(`settings-test-${++dbCount}`);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const local = () => fakeBrowser.storage.local;
const remembered = () => rememberSettings(db, local());
/** What a content script can do: write storage.local, in the shape older versions read. */
const pageWrites = (value: unknown) => local().set({ settings: value, settings$: { v: 1 } });

describe('rememberSettings', () => {
  it('reads IndexedDB once for any number of reads', async () => {
    const settings = remembered();
    await settings.get();
    const read = vi.spyOn(db.settings, 'get');
    for (let i = 0; i < 5; i++) expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(read).not.toHaveBeenCalled();
  });

  it('its own update is seen at once and stored in IndexedDB, not in storage.local', async () => {
    const settings = remembered();
    await settings.get();
    await settings.update({ api_url: 'https://ct.example', email: 'a@b.test' });
    expect(await settings.get()).toMatchObject({
      api_url: 'https://ct.example',
      email: 'a@b.test',
    });
    expect((await db.settings.get('settings'))?.value).toMatchObject({
      api_url: 'https://ct.example',
    });
    expect(await local().get(null)).toEqual({});
  });

  it('a page may change the defaults only: the address is not part of its patch', async () => {
    const settings = remembered();
    await settings.updateDefaults({ default_status: 'interview' });
    await settings.updateDefaults({ api_url: 'https://evil.example' } as never);
    expect(await settings.get()).toMatchObject({
      default_status: 'interview',
      api_url: DEFAULT_SETTINGS.api_url,
    });
  });

  it('"save as applied when I send an application": off when never set (older versions), then as chosen', async () => {
    const older = Object.entries(DEFAULT_SETTINGS).filter(([key]) => key !== 'save_when_applied');
    await db.settings.put({ key: 'settings', value: Object.fromEntries(older) as never });
    const settings = remembered();
    expect((await settings.get()).save_when_applied).toBe(false);
    await settings.updateDefaults({ save_when_applied: true });
    expect((await db.settings.get('settings'))?.value).toMatchObject({ save_when_applied: true });
  });

  it('a failed read is not remembered', async () => {
    const settings = remembered();
    vi.spyOn(db.settings, 'get').mockRejectedValueOnce(new Error('storage failed'));
    await expect(settings.get()).rejects.toThrow('storage failed');
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('the move from storage.local', () => {
  it('moves what an older version stored, once, and deletes it there', async () => {
    await local().set({
      settings: { ...DEFAULT_SETTINGS, api_url: 'https://ct.example', default_status: 'offer' },
      settings$: { v: 1 },
    });
    expect(await readSettings(db, local())).toMatchObject({
      api_url: 'https://ct.example',
      default_status: 'offer',
    });
    expect(await local().get(null)).toEqual({});
    expect((await db.settings.get('settings'))?.value.api_url).toBe('https://ct.example');
  });

  it('a storage.local write after the move changes nothing, in a new worker too', async () => {
    const settings = remembered();
    await settings.update({ api_url: 'https://ct.example' });
    await pageWrites({ ...DEFAULT_SETTINGS, api_url: 'https://evil.example' });
    expect((await settings.get()).api_url).toBe('https://ct.example');
    // A stopped worker forgets its copy: the next one reads IndexedDB again.
    expect((await remembered().get()).api_url).toBe('https://ct.example');
    expect((await readSettings(db, local())).api_url).toBe('https://ct.example');
  });

  it('junk stored by an older version takes the defaults', async () => {
    await pageWrites({ api_url: 42, default_status: 'hired', fill_applied_date: 'yes' });
    expect(await readSettings(db, local())).toEqual(DEFAULT_SETTINGS);
  });
});
