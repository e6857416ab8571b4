/**
 * Layouts no real saved page covers, on the small synthetic pages in test/pages (each says what it
 * models in its first line). Exact expectations: the right job, not a similar one beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractJob } from '@/lib/extract/any-page';
import { indeed } from '@/lib/extract/indeed';
import { createExtractor, FALLBACKS } from '@/lib/extract/index';
import { linkedin } from '@/lib/extract/linkedin';
import { parseHtml } from '../helpers/dom';
import { repoRoot } from '../helpers/fixtures';

function page(file: string, url: string): Document {
  return parseHtml(readFileSync(join(repoRoot, 'test/pages', file), 'utf8'), url);
}

function extract(file: string, url: string) {
  return extractJob(page(file, url), new URL(url));
}

describe('synthetic pages', () => {
  it('every page says in its first line that it is synthetic', () => {
    for (const file of readdirSync(join(repoRoot, 'test/pages'))) {
      const first = readFileSync(join(repoRoot, 'test/pages', file), 'utf8').split('\n')[0];
      expect(first, file).toMatch(/^<!-- Synthetic page .* -->$/);
    }
  });

  it('LinkedIn signed-in job view: the top card, not the "more jobs" cards', () => {
    const draft = extract(
      'linkedin-job-view.html',
      'https://www.linkedin.com/jobs/view/4400000001/?refId=abc&trackingId=def&trk=flagship',
    );
    expect(draft).toMatchObject({
      position_title: 'Senior Platform Engineer',
      company_name: 'Northwind Traders',
      location: 'Lisbon, Portugal',
      salary_min: 70000,
      salary_max: 85000,
      source: 'LinkedIn',
      source_url: 'https://www.linkedin.com/jobs/view/4400000001/',
      job_key: 'linkedin:4400000001',
      origins: { position_title: 'site', company_name: 'site', location: 'site', salary: 'site' },
    });
    expect(draft.description).toBe(
      'About the job\n\nWe run the platform that ships our logistics software.\n\nKubernetes\n\nTerraform',
    );
  });

  it('LinkedIn signed-in search: the open pane named by currentJobId, not the first cards', () => {
    const draft = extract(
      'linkedin-search-second-card.html',
      'https://www.linkedin.com/jobs/search/?currentJobId=4400000013&keywords=backend&geoId=1',
    );
    expect(draft).toMatchObject({
      position_title: 'Backend Engineer (Go)',
      company_name: 'Wide World Importers',
      location: 'Berlin, Germany',
      salary_min: 75000,
      salary_max: 90000,
      source_url: 'https://www.linkedin.com/jobs/view/4400000013/',
      job_key: 'linkedin:4400000013',
    });
  });

  it("LinkedIn 2026 layout (hashed classes, no <h1>): title from <title>, company from the pane's /company/ link", () => {
    const draft = extract(
      'linkedin-2026-hashed.html',
      'https://www.linkedin.com/jobs/search-results/?currentJobId=4500000002&keywords=staff',
    );
    expect(draft).toMatchObject({
      position_title: 'Staff Engineer',
      company_name: 'Acme Corp',
      location: 'Denver, CO',
      salary_min: 165000,
      salary_max: 195000,
      source: 'LinkedIn',
      source_url: 'https://www.linkedin.com/jobs/view/4500000002/',
      job_key: 'linkedin:4500000002',
    });
    expect(draft.description).toBe('About the job\n\nLead the design of our billing platform.');
  });

  it('LinkedIn signed-out page whose classes changed: "<company> hiring <title> in <location>" in <title>', () => {
    const url = 'https://no.linkedin.com/jobs/view/data-analyst-at-contoso-4600000001?trk=x';
    const doc = parseHtml(
      '<html><head><title>Contoso hiring Data Analyst in Oslo, Norway | LinkedIn</title></head><body><main><section class="a1"><h1 class="b2">Data Analyst</h1><a href="https://no.linkedin.com/company/contoso">Contoso</a></section><ul><li><a href="https://no.linkedin.com/company/other">Other Co</a></li></ul></main></body></html>',
      url,
    );
    expect(extractJob(doc, new URL(url))).toMatchObject({
      position_title: 'Data Analyst',
      company_name: 'Contoso',
      location: 'Oslo, Norway',
      source_url: 'https://www.linkedin.com/jobs/view/4600000001/',
    });
  });

  it('Indeed search: the pane of the job vjk= names (the third card), with the hidden suffix dropped', () => {
    const draft = extract(
      'indeed-search-third.html',
      'https://uk.indeed.com/jobs?q=data+engineer&l=Leeds&vjk=5555eeee6666ffff',
    );
    expect(draft).toMatchObject({
      position_title: 'Data Engineer',
      company_name: 'Coho Winery',
      location: 'Leeds LS11',
      salary_min: 52000,
      salary_max: 58000,
      salary_posted: '£52,000 - £58,000 a year',
      source: 'Indeed',
      source_url: 'https://uk.indeed.com/viewjob?jk=5555eeee6666ffff',
      job_key: 'indeed:5555eeee6666ffff',
    });
    expect(draft.description).toBe('Build our data platform on dbt and Snowflake.');
  });

  it('Indeed search before the pane has loaded: the card vjk= names, never the first card', () => {
    const url = 'https://uk.indeed.com/jobs?q=data+engineer&l=Leeds&vjk=5555eeee6666ffff';
    const doc = page('indeed-search-third.html', url);
    doc.querySelector('.jobsearch-RightPane')?.remove();
    const draft = extractJob(doc, new URL(url));
    expect(draft).toMatchObject({
      position_title: 'Data Engineer',
      company_name: 'Coho Winery',
      location: 'Hybrid work in Leeds LS11',
      job_key: 'indeed:5555eeee6666ffff',
    });
    expect(draft.salary_min).toBeUndefined();
  });

  it('Ashby: heading, labelled left-pane sections, company from "<title> @ <company>"', () => {
    const draft = extract(
      'ashby-job.html',
      'https://jobs.ashbyhq.com/litware/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/application?utm_source=x',
    );
    expect(draft).toMatchObject({
      position_title: 'Senior Backend Engineer',
      company_name: 'Litware Labs',
      location: 'Toronto, Ontario',
      salary_min: 150000,
      salary_max: 175000,
      source: 'Ashby',
      source_url: 'https://jobs.ashbyhq.com/litware/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    });
    expect(draft.description).toBe(
      'Litware builds lab software.\n\nYou will own our ingestion services.',
    );
  });

  it('a title holding the pay keeps its whole text and gives the salary (career site)', () => {
    const draft = extract(
      'title-salary-career.html',
      'https://careers.proseware.example/jobs/42-backend-engineer?utm_source=linkedin',
    );
    expect(draft).toMatchObject({
      position_title: 'Backend Engineer (€60k–€75k)',
      company_name: 'Proseware',
      salary_min: 60000,
      salary_max: 75000,
      source: 'Proseware',
      source_url: 'https://careers.proseware.example/jobs/42-backend-engineer',
      origins: { position_title: 'meta', salary: 'meta' },
    });
  });

  it('a title holding the pay keeps its whole text and gives the salary (Lever)', () => {
    const draft = extract(
      'title-salary-lever.html',
      'https://jobs.lever.co/wingtip/6d1f0c2a-1b2c-4d3e-8f90-a1b2c3d4e5f6?lever-source=LinkedIn',
    );
    expect(draft).toMatchObject({
      position_title: 'Site Reliability Engineer - $140,000 - $165,000',
      company_name: 'Wingtip Toys',
      location: 'Chicago, IL',
      salary_min: 140000,
      salary_max: 165000,
      source: 'Lever',
      source_url: 'https://jobs.lever.co/wingtip/6d1f0c2a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    });
  });

  it('a registry of LinkedIn and Indeed only reads those sites and leaves the rest to JSON-LD and meta', () => {
    const small = createExtractor([linkedin, indeed], FALLBACKS);
    const url = 'https://jobs.ashbyhq.com/litware/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    const draft = small(page('ashby-job.html', url), new URL(url));
    expect(draft.source).toBe('jobs.ashbyhq.com');
    expect(draft.company_name).toBeUndefined();
    expect(draft.position_title).toBe('Senior Backend Engineer');
    expect(draft.origins.position_title).toBe('meta');
    const li = 'https://www.linkedin.com/jobs/view/4400000001/';
    expect(small(page('linkedin-job-view.html', li), new URL(li)).company_name).toBe(
      'Northwind Traders',
    );
  });
});
