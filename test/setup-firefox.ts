/**
 * Firefox MV2 has `browserAction` and no `action`: the fake browser gets that shape, so that code
 * picking the toolbar button by what exists takes Firefox's path. WXT's fake implements only
 * `action` (its `browserAction` throws), so its in-memory badge moves over.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

const fake = fakeBrowser as unknown as Record<string, unknown>;
if (fake.action) {
  fake.browserAction = fake.action;
  delete fake.action;
}
