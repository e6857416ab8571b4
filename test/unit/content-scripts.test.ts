// Which content script a tab should have: the manifest's patterns, matched against its address.
import { describe, expect, it } from 'vitest';
import { declaredScriptFor } from '@/lib/background/content-scripts';

const browser = {
  runtime: {
    getManifest: () => ({
      content_scripts: [
        { matches: ['https://www.linkedin.com/*'], js: ['content-scripts/linkedin.js'] },
        { matches: [], js: ['content-scripts/never.js'] },
        { matches: ['https://www.indeed.com/*'], js: ['content-scripts/indeed.js'] },
      ],
    }),
  },
};

describe('declaredScriptFor', () => {
  it("names the files of the script whose patterns match the page's address", () => {
    expect(declaredScriptFor(browser, 'https://www.linkedin.com/jobs/view/4400000055/')).toEqual([
      'content-scripts/linkedin.js',
    ]);
    expect(
      declaredScriptFor(browser, 'https://www.indeed.com/viewjob?jk=a1b2c3d4e5f6a7b8'),
    ).toEqual(['content-scripts/indeed.js']);
  });

  it('names none for a page no pattern matches, however its host starts', () => {
    expect(declaredScriptFor(browser, 'https://careers.contoso.example/jobs/42')).toBeUndefined();
    expect(
      declaredScriptFor(browser, 'https://www.linkedin.com.evil.example/jobs/view/1/'),
    ).toBeUndefined();
  });

  it('names none for a tab whose address it may not read', () => {
    expect(declaredScriptFor(browser, undefined)).toBeUndefined();
  });
});
