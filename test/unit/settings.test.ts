// The background's remembered settings: one storage read for many, forgotten on any change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, rememberSettings, settingsItem, updateSettings } from '@/lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const remembered = () => rememberSettings(fakeBrowser.storage.local.onChanged);

describe('rememberSettings', () => {
  it('reads storage.local once for any number of reads', async () => {
    const settings = remembered();
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    for (let i = 0; i < 5; i++) expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('sees a write from another context (a page, or a content script) once it lands', async () => {
    const settings = remembered();
    await settings.get();
    await updateSettings({ default_status: 'interview' });
    expect((await settings.get()).default_status).toBe('interview');
    // Whatever writes it, the value is parsed: junk falls back to the defaults.
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, api_url: 42 } as never);
    expect((await settings.get()).api_url).toBe(DEFAULT_SETTINGS.api_url);
  });

  it('its own update is seen at once, and stored for the other contexts', async () => {
    const settings = remembered();
    await settings.get();
    await settings.update({ api_url: 'https://ct.example', email: 'a@b.test' });
    expect(await settings.get()).toMatchObject({
      api_url: 'https://ct.example',
      email: 'a@b.test',
    });
    expect(await settingsItem.getValue()).toMatchObject({ api_url: 'https://ct.example' });
  });

  it('a failed read is not remembered', async () => {
    const settings = remembered();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage failed'));
    await expect(settings.get()).rejects.toThrow('storage failed');
    expect(await settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
