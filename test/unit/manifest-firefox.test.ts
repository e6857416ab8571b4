import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeSurface } from '@/lib/background/badge';
import { buildManifest, FIREFOX_MIN_VERSION, GECKO_ID } from '@/lib/manifest';

// Firefox's own schema for the key (addons-linter's copy: CommonDataCollectionPermission).
const DATA_TYPES = new Set([
  'authenticationInfo',
  'bookmarksInfo',
  'browsingActivity',
  'financialAndPaymentInfo',
  'healthInfo',
  'locationInfo',
  'personalCommunications',
  'personallyIdentifyingInfo',
  'searchTerms',
  'websiteActivity',
  'websiteContent',
]);

describe.each([2, 3] as const)('the Firefox MV%i manifest', (version) => {
  const gecko = buildManifest('firefox', version).browser_specific_settings?.gecko;

  it('names the add-on and the oldest Firefox that asks consent for what is sent', () => {
    expect(gecko?.id).toBe(GECKO_ID);
    expect(gecko?.strict_min_version).toBe(FIREFOX_MIN_VERSION);
    expect(Number.parseInt(FIREFOX_MIN_VERSION, 10)).toBeGreaterThanOrEqual(140);
  });

  it('declares the page content it sends, in Firefox’s own terms', () => {
    const required = gecko?.data_collection_permissions.required ?? [];
    expect(required).toContain('websiteContent');
    for (const type of required) expect(DATA_TYPES.has(type), type).toBe(true);
  });
});

it('Chrome’s manifest carries no Firefox settings', () => {
  expect('browser_specific_settings' in buildManifest('chrome', 3)).toBe(false);
});

// Only under vitest.firefox.config.ts: proof that the project runs as Firefox's MV2 event page.
describe.runIf(import.meta.env.FIREFOX)('the fake browser as Firefox MV2', () => {
  it('is built for Firefox MV2', () => {
    expect(import.meta.env.BROWSER).toBe('firefox');
    expect(Number(import.meta.env.MANIFEST_VERSION)).toBe(2);
  });

  it('has browserAction and no action, so the badge takes the MV2 path', () => {
    const fake = fakeBrowser as unknown as Record<string, unknown>;
    expect(fake.action).toBeUndefined();
    expect(badgeSurface(fakeBrowser)).toBe(fake.browserAction);
  });
});
