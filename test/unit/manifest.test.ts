import { describe, expect, it } from 'vitest';
import { SAVE_COMMAND } from '@/lib/background/triggers';
import { buildManifest } from '@/lib/manifest';

describe('manifest', () => {
  it('asks for no host beyond loopback and the job sites', () => {
    const manifest = buildManifest('chrome', 3);
    for (const host of manifest.host_permissions) {
      expect(host).toMatch(
        /^(http:\/\/(127\.0\.0\.1|localhost)\/\*|https:\/\/[^/]*(linkedin|indeed)\.com\/\*)$/,
      );
    }
  });

  it('offers the shortcut and the context menu, under each browser own permission name', () => {
    for (const [browser, version, menus] of [
      ['chrome', 3, 'contextMenus'],
      ['firefox', 2, 'menus'],
      ['firefox', 3, 'menus'],
    ] as const) {
      const manifest = buildManifest(browser, version);
      expect(manifest.permissions).toContain(menus);
      expect(manifest.commands[SAVE_COMMAND]).toEqual({
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the job on this page',
      });
    }
  });
});
