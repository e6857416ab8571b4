// The popup's read of a tab's job, done by the background: the page's answer is untrusted, so
// only what parses as a job draft reaches the form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/lib/background/database';
import { startBackground } from '@/lib/background/handlers';
import { injectedExtractorFor, readJobFromTab, type TabReader } from '@/lib/background/tab-job';
import { EXTRACT_JOB } from '@/lib/content/protocol';
import type { Sender } from '@/lib/messages';

const job = {
  company_name: 'Acme',
  position_title: 'Engineer',
  source_url: 'https://www.linkedin.com/jobs/view/123/',
  job_key: 'linkedin:123',
  origins: { company_name: 'site', position_title: 'site' },
};

const ASK = `ask 4 ${JSON.stringify({ type: EXTRACT_JOB })}`;

/** A tab whose content script answers `answers` in turn (the last one thereafter). */
function reader(
  fromContentScript: unknown,
  fromInjection: unknown,
  declared?: string[],
  url = 'https://careers.contoso.example/jobs/42',
) {
  const calls: string[] = [];
  const answers = Array.isArray(fromContentScript) ? [...fromContentScript] : [fromContentScript];
  const tabs: TabReader = {
    ask: async (tabId, message) => {
      calls.push(`ask ${tabId} ${JSON.stringify(message)}`);
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (answer instanceof Error) throw answer;
      return answer;
    },
    inject: async (tabId, files) => {
      calls.push(`inject ${tabId} ${files.join(' ')}`);
      if (fromInjection instanceof Error) throw fromInjection;
      return fromInjection;
    },
    address: async () => url,
    declaredScript: (address) => (address === url ? declared : undefined),
  };
  return { tabs, calls };
}

describe('readJobFromTab', () => {
  it("takes the content script's answer and injects nothing", async () => {
    const { tabs, calls } = reader(job, undefined);
    expect(await readJobFromTab(4, tabs)).toEqual(job);
    expect(calls).toEqual([ASK]);
  });

  it('injects the generic extractor where no content script answers', async () => {
    const { tabs, calls } = reader(new Error('Could not establish connection'), job);
    expect(await readJobFromTab(4, tabs)).toEqual(job);
    expect(calls).toEqual([ASK, 'inject 4 /extractor.js']);
  });

  it("gives a job site's tab that lost its content script that script again, and asks it", async () => {
    const lost = new Error('Could not establish connection');
    const { tabs, calls } = reader([lost, job], undefined, ['content-scripts/linkedin.js']);
    expect(await readJobFromTab(4, tabs)).toEqual(job);
    expect(calls).toEqual([ASK, 'inject 4 content-scripts/linkedin.js', ASK]);
  });

  it("does not fall back to the generic extractor on a job site's tab", async () => {
    const lost = new Error('Could not establish connection');
    const { tabs, calls } = reader(lost, job, ['content-scripts/indeed.js']);
    expect(await readJobFromTab(4, tabs)).toBeNull();
    expect(calls).toEqual([ASK, 'inject 4 content-scripts/indeed.js', ASK]);
  });

  it("injects a career site's own extractor on its pages, by the tab's address", async () => {
    const lost = new Error('Could not establish connection');
    const greenhouse = 'https://job-boards.greenhouse.io/gitlab/jobs/8001';
    const { tabs, calls } = reader(lost, job, undefined, greenhouse);
    expect(await readJobFromTab(4, tabs)).toEqual(job);
    expect(calls).toEqual([ASK, 'inject 4 /extractor-ats.js']);
  });

  it('drops an answer that is not a job draft: markup in a number, an oversized title', async () => {
    const forged = { ...job, salary_min: '<img src=x onerror=alert(1)>' };
    const oversized = { ...job, position_title: 'x'.repeat(256) };
    expect(await readJobFromTab(4, reader(forged, undefined).tabs)).toBeNull();
    expect(await readJobFromTab(4, reader(forged, oversized).tabs)).toBeNull();
  });

  it('gives null on a page no extension may read', async () => {
    const refused = new Error('Cannot access contents of the page');
    expect(await readJobFromTab(4, reader(undefined, refused).tabs)).toBeNull();
  });
});

describe('injectedExtractorFor', () => {
  it("names the script with a career site's rules by its host, the generic one elsewhere", () => {
    expect(injectedExtractorFor('https://acme.wd5.myworkdayjobs.com/en-US/External/job/X_1')).toBe(
      '/extractor-enterprise.js',
    );
    expect(injectedExtractorFor('https://jobs.lever.co/acme/1')).toBe('/extractor-ats.js');
    expect(injectedExtractorFor('https://au.seek.com/job/1')).toBe('/extractor-boards.js');
    expect(injectedExtractorFor('https://id.jobstreet.com/job/1')).toBe('/extractor-boards.js');
    expect(injectedExtractorFor('https://www.glassdoor.co.in/job-listing/x')).toBe(
      '/extractor-boards.js',
    );
  });

  it('gives the generic script to a look-alike host, an unknown address or none', () => {
    expect(injectedExtractorFor('https://greenhouse.io.evil.example/jobs/1')).toBe('/extractor.js');
    expect(injectedExtractorFor('https://careers.contoso.example/jobs/42')).toBe('/extractor.js');
    expect(injectedExtractorFor('not an address')).toBe('/extractor.js');
    expect(injectedExtractorFor(undefined)).toBe('/extractor.js');
  });
});

describe("the background's job:read", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks the tab and answers the parsed job to the popup', async () => {
    const asked = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(async () => ({ ...job, unexpected: 'dropped' }));
    const bg = startBackground({
      browser: fakeBrowser,
      db: openDb(`tab-job-${crypto.randomUUID()}`),
    });
    await bg.started;
    const popup: Sender = {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/popup.html'),
    };
    expect(await bg.handle({ type: 'job:read', tabId: 9 }, popup)).toEqual(job);
    expect(asked).toHaveBeenCalledWith(9, { type: EXTRACT_JOB });
  });
});
