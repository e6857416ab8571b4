/**
 * The job on screen found by what does not change when a site re-skins: LinkedIn's 2026 layout by
 * its job screen, the link to the job and the company's accessible name; search pages whose address
 * names no job by the ids in their open pane; and a search with no job open says so instead of
 * taking the search's heading for a title. Each case runs through the full waterfall (`extractJob`,
 * as the popup's injected extractor and the CLI) and the site's content-script extractor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractJob } from '@/lib/extract/any-page';
import { indeed } from '@/lib/extract/indeed';
import { createExtractor } from '@/lib/extract/index';
import { linkedin } from '@/lib/extract/linkedin';
import { loadFixturePage, parseHtml } from '../helpers/dom';
import { loadCases, repoRoot } from '../helpers/fixtures';

const page = (file: string, url: string): Document =>
  parseHtml(readFileSync(join(repoRoot, 'test/pages', file), 'utf8'), url);

/** The popup's injected extractor and the site's own content script. */
const extractors = {
  extractJob,
  'content script': createExtractor([linkedin, indeed]),
};

describe.each(Object.entries(extractors))('%s', (_, extract) => {
  it('LinkedIn 2026 search-results: the open job of the SemanticJobDetails screen, not a card', () => {
    const url =
      'https://www.linkedin.com/jobs/search-results/?currentJobId=4520000002&keywords=data%20engineer&origin=JOBS_HOME';
    const draft = extract(page('linkedin-2026-search-results.html', url), new URL(url));
    expect(draft).toMatchObject({
      position_title: 'Senior Data Engineer',
      company_name: 'Contoso Health',
      location: 'Chicago, IL',
      salary_min: 197_600,
      salary_max: 280_800,
      salary_posted: '$95/hr - $135/hr',
      source: 'LinkedIn',
      source_url: 'https://www.linkedin.com/jobs/view/4520000002/',
      job_key: 'linkedin:4520000002',
    });
    expect(draft.description).toBe(
      'Contoso Health builds the records platform of 300 clinics.\n\nYou will own our streaming pipelines.',
    );
    expect(draft.no_job).toBeUndefined();
  });

  it('LinkedIn 2026 on another job of the same list: that job, by its id in the link', () => {
    const url = 'https://www.linkedin.com/jobs/search-results/?currentJobId=4520000002';
    const doc = page('linkedin-2026-search-results.html', url);
    // The pane now shows the promoted layout: the company's line comes before the title.
    const screen = doc.querySelector('[data-sdui-screen$="SemanticJobDetails"]');
    const top = screen?.querySelector('[componentkey^="JobDetails_TopCard"]');
    const title = top?.querySelector('a[href*="/jobs/view/"]')?.parentElement;
    if (!top || !title) throw new Error('the synthetic page lost its top card');
    top.append(title);
    const draft = extract(doc, new URL(url));
    expect(draft.position_title).toBe('Senior Data Engineer');
    expect(draft.company_name).toBe('Contoso Health');
  });

  it('LinkedIn signed-out search whose address names no job: the job open in the pane', () => {
    const url =
      'https://ie.linkedin.com/jobs/search/?keywords=Nurse&location=Ireland&position=2&pageNum=0';
    const draft = extract(page('linkedin-guest-search-pane.html', url), new URL(url));
    expect(draft).toMatchObject({
      position_title: 'Clinical Nurse Manager',
      company_name: 'Mercy University Hospital',
      location: 'Cork, County Cork, Ireland',
      source: 'LinkedIn',
      source_url: 'https://www.linkedin.com/jobs/view/4530000002/',
      job_key: 'linkedin:4530000002',
    });
    expect(draft.no_job).toBeUndefined();
  });

  it('LinkedIn signed-out search with no job open: no title from the heading, and it says so', () => {
    const url = 'https://ie.linkedin.com/jobs/search/?keywords=Nurse&location=Ireland';
    const doc = page('linkedin-guest-search-pane.html', url);
    doc.querySelector('.details-pane__content')?.replaceChildren();
    const draft = extract(doc, new URL(url));
    expect(draft.no_job).toBe(true);
    expect(draft.position_title).toBeUndefined();
    expect(draft.company_name).toBeUndefined();
    expect(draft.source).toBe('LinkedIn');
    expect(draft.source_url).not.toContain('/jobs/view/');
  });

  it("Indeed search without vjk (real page): the pane's job, by the jk of its links", () => {
    const aceone = loadCases().find((c) => c.file.includes('search-pane-aceone'));
    if (!aceone) throw new Error('the corpus lost search-pane-aceone');
    const url = 'https://www.indeed.com/jobs?q=Frontend&l=Egypt%2C+AR';
    const draft = extract(loadFixturePage({ file: aceone.file, url }), new URL(url));
    expect(draft).toMatchObject({
      position_title: 'PHP Developer – PHP, JavaScript, JSON',
      company_name: 'AceOne Technologies',
      source: 'Indeed',
      source_url: 'https://www.indeed.com/viewjob?jk=b974b400e0228d67',
      job_key: 'indeed:b974b400e0228d67',
    });
    expect(draft.no_job).toBeUndefined();
  });

  it('Indeed search with no job open: nothing taken from the search, and it says so', () => {
    const url = 'https://uk.indeed.com/jobs?q=data+engineer&l=Leeds';
    const doc = page('indeed-search-third.html', url);
    doc.querySelector('.jobsearch-RightPane')?.remove();
    const draft = extract(doc, new URL(url));
    expect(draft.no_job).toBe(true);
    expect(draft.position_title).toBeUndefined();
    expect(draft.source_url).not.toContain('viewjob');
  });
});

it('LinkedIn "<title> at <company> — <place> | LinkedIn Jobs": the place is read too', () => {
  const url = 'https://www.linkedin.com/jobs/view/4540000001/';
  const doc = parseHtml(
    '<html><head><title>Site Reliability Engineer at Tailspin Toys — Lyon, France | LinkedIn Jobs</title></head><body><main><p>Loading…</p></main></body></html>',
    url,
  );
  expect(extractJob(doc, new URL(url))).toMatchObject({
    position_title: 'Site Reliability Engineer',
    company_name: 'Tailspin Toys',
    location: 'Lyon, France',
  });
});
