// Which content script a tab should have: the manifest's patterns, matched against its address.
import { describe, expect, it } from 'vitest';
import { declaredScriptOf } from '@/lib/background/content-scripts';

function browserWith(urls: Record<number, string>) {
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
      get: async (tabId: number) => (tabId in urls ? { url: urls[tabId] } : Promise.reject()),
    },
  };
}

describe('declaredScriptOf', () => {
  const browser = browserWith({
    3: 'https://www.linkedin.com/jobs/view/4400000055/',
    5: 'https://www.indeed.com/viewjob?jk=a1b2c3d4e5f6a7b8',
    8: 'https://careers.contoso.example/jobs/42',
    9: 'https://www.linkedin.com.evil.example/jobs/view/1/',
  });

  it("names the files of the script whose patterns match the tab's address", async () => {
    expect(await declaredScriptOf(browser, 3)).toEqual(['content-scripts/linkedin.js']);
    expect(await declaredScriptOf(browser, 5)).toEqual(['content-scripts/indeed.js']);
  });

  it('names none for a page no pattern matches, however its host starts', async () => {
    expect(await declaredScriptOf(browser, 8)).toBeUndefined();
    expect(await declaredScriptOf(browser, 9)).toBeUndefined();
  });

  it('names none for a tab whose address it may not read, or that is gone', async () => {
    expect(await declaredScriptOf(browser, 12)).toBeUndefined();
    expect(await declaredScriptOf({ ...browser, tabs: {} }, 3)).toBeUndefined();
  });
});
