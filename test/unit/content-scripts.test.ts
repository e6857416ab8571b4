// Which content script a tab should have: the manifest's patterns, matched by the browser.
import { describe, expect, it } from 'vitest';
import { declaredScriptOf, type ScriptsBrowser } from '@/lib/background/content-scripts';

function browserWith(tabsByPattern: Record<string, number[]>): ScriptsBrowser {
  return {
    runtime: {
      getManifest: () => ({
        content_scripts: [
          { matches: ['https://www.linkedin.com/*'], js: ['content-scripts/linkedin.js'] },
          { matches: [], js: ['content-scripts/never.js'] },
          { matches: ['https://www.indeed.com/*'], js: ['content-scripts/indeed.js'] },
        ],
      }),
    },
    tabs: {
      query: async ({ url }) =>
        url.flatMap((pattern) => tabsByPattern[pattern] ?? []).map((id) => ({ id })),
    },
  };
}

describe('declaredScriptOf', () => {
  const browser = browserWith({
    'https://www.linkedin.com/*': [3],
    'https://www.indeed.com/*': [5],
  });

  it("names the files of the script whose patterns match the tab's page", async () => {
    expect(await declaredScriptOf(browser, 3)).toEqual(['content-scripts/linkedin.js']);
    expect(await declaredScriptOf(browser, 5)).toEqual(['content-scripts/indeed.js']);
  });

  it('names none for a tab no pattern matches', async () => {
    expect(await declaredScriptOf(browser, 8)).toBeUndefined();
  });

  it('names none when the browser cannot query the tabs', async () => {
    const refusing = { ...browser, tabs: { query: () => Promise.reject(new Error('no')) } };
    expect(await declaredScriptOf(refusing, 3)).toBeUndefined();
  });
});
