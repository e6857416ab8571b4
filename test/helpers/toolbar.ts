import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser's toolbar button, read as the code under test finds it: `action` (MV3), or
 * `browserAction` where test/setup-firefox.ts gives it Firefox MV2's shape.
 */
export function toolbar(): typeof fakeBrowser.action {
  const fake = fakeBrowser as unknown as Record<string, typeof fakeBrowser.action | undefined>;
  const surface = fake.action ?? fake.browserAction;
  if (!surface) throw new Error('the fake browser has no toolbar button');
  return surface;
}
