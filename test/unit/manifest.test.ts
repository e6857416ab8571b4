import { describe, expect, it } from 'vitest';
import { SAVE_COMMAND } from '@/lib/background/triggers';
import {
  buildManifest,
  INDEED_MATCHES,
  JOB_COUNTRY_HOSTS,
  JOB_SITE_MATCHES,
  LINKEDIN_MATCHES,
} from '@/lib/manifest';

describe('manifest', () => {
  it('asks for no host beyond loopback and the job sites', () => {
    const manifest = buildManifest('chrome', 3);
    for (const host of manifest.host_permissions) {
      expect(host).toMatch(
        /^(http:\/\/(127\.0\.0\.1|localhost)\/\*|https:\/\/[^/]*(linkedin|indeed)\.com\/\*)$/,
      );
    }
  });

  it("sees Indeed Apply's addresses through its one host, with no content script or frame there", () => {
    for (const [browser, version] of [
      ['chrome', 3],
      ['firefox', 2],
      ['firefox', 3],
    ] as const) {
      const manifest = buildManifest(browser, version);
      expect(manifest.host_permissions).toContain('https://smartapply.indeed.com/*');
      expect(JSON.stringify(manifest.web_accessible_resources)).not.toContain('smartapply');
    }
    expect(JOB_SITE_MATCHES.join(' ')).not.toContain('smartapply');
  });

  it('reaches only the hosts that show jobs: www., the bare domain and the country sites', () => {
    for (const [matches, domain] of [
      [LINKEDIN_MATCHES, 'linkedin.com'],
      [INDEED_MATCHES, 'indeed.com'],
    ] as const) {
      for (const pattern of matches) {
        expect(pattern).toMatch(
          new RegExp(`^https://([a-z]{2}\\.|www\\.)?${domain.replace('.', '\\.')}/\\*$`),
        );
        expect(pattern).not.toContain('*.');
      }
      expect(matches).toContain(`https://www.${domain}/*`);
      expect(matches).toContain(`https://uk.${domain}/*`);
      expect(matches).toHaveLength(JOB_COUNTRY_HOSTS.length + 2);
    }
    for (const [browser, version] of [
      ['chrome', 3],
      ['firefox', 2],
      ['firefox', 3],
    ] as const) {
      const hosts = buildManifest(browser, version).host_permissions;
      expect(hosts.filter((host) => host.includes('*.'))).toEqual([]);
      for (const subdomain of ['business', 'employers', 'secure', 'learning'])
        expect(hosts.join(' ')).not.toContain(`//${subdomain}.`);
      // Indeed Apply's host alone, for its addresses (the test above).
      expect(hosts.filter((host) => host.includes('//smartapply.'))).toEqual([
        'https://smartapply.indeed.com/*',
      ]);
    }
  });

  it("offers the in-page button's frame to the job sites' pages only", () => {
    expect(buildManifest('chrome', 3).web_accessible_resources).toEqual([
      { resources: ['save-frame.html'], matches: [...LINKEDIN_MATCHES, ...INDEED_MATCHES] },
    ]);
    // MV2 names no sites: any page may embed it, and the background then checks the tab's job.
    expect(buildManifest('firefox', 2).web_accessible_resources).toEqual(['save-frame.html']);
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

  it('asks for notifications only when the user wants reminders, never at install', () => {
    for (const [browser, version] of [
      ['chrome', 3],
      ['firefox', 2],
      ['firefox', 3],
    ] as const) {
      const manifest = buildManifest(browser, version);
      expect(manifest.optional_permissions).toContain('notifications');
      expect(manifest.permissions as string[]).not.toContain('notifications');
    }
    // MV2 keeps the CareerTrack origins beside it; MV3 has a key of their own for them.
    expect(buildManifest('firefox', 2).optional_permissions).toContain('https://*/*');
    expect(buildManifest('chrome', 3).optional_permissions).not.toContain('https://*/*');
  });
});
