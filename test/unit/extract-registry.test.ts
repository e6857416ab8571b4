/** The registry's waterfall: site, then JSON-LD, then og: meta, then <title>; origins recorded. */
import { describe, expect, it, vi } from 'vitest';
import { createExtractor, FALLBACKS } from '@/lib/extract/index';
import type { PartialJob, SiteExtractor } from '@/lib/extract/types';
import { parseHtml } from '../helpers/dom';

const URL_ = 'https://careers.example.org/jobs/7-sre?utm_campaign=x';

const HEAD = `<title>Title SRE - Example</title>
<meta property="og:title" content="Meta SRE - Example">
<meta property="og:site_name" content="Example">
<script type="application/ld+json">${JSON.stringify({
  '@type': 'JobPosting',
  title: 'JSON-LD SRE',
  hiringOrganization: { name: 'JSON-LD Co' },
  jobLocation: {
    address: { addressLocality: 'Oslo', addressRegion: 'Oslo', addressCountry: 'NO' },
  },
  description: '<p>First</p><p>Second &amp; last</p>',
})}</script>`;

function site(fields: PartialJob, name = 'Test site'): SiteExtractor {
  return { name, matches: (u) => u.hostname === 'careers.example.org', extract: () => fields };
}

function run(sites: SiteExtractor[], head = HEAD) {
  return createExtractor(sites, FALLBACKS)(
    parseHtml(`<html><head>${head}</head><body></body></html>`, URL_),
    new URL(URL_),
  );
}

describe('the waterfall', () => {
  it("reads the page's JSON-LD once, though the title layers ask for its names too", () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      // No pay anywhere: every layer is asked, the meta and title layers among them.
      const draft = run([site({})]);
      expect(draft.origins.salary).toBeUndefined();
      expect(draft.source).toBe('Test site');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it("the site's answer wins, field by field; JSON-LD fills the rest", () => {
    const draft = run([site({ position_title: '  Site  SRE ', company_name: '' })]);
    expect(draft).toMatchObject({
      position_title: 'Site SRE',
      company_name: 'JSON-LD Co',
      location: 'Oslo, NO',
      description: 'First\n\nSecond & last',
      source: 'Test site',
      source_url: 'https://careers.example.org/jobs/7-sre',
      job_key: 'https://careers.example.org/jobs/7-sre',
    });
    expect(draft.origins).toEqual({
      position_title: 'site',
      company_name: 'jsonld',
      location: 'jsonld',
      description: 'jsonld',
      source: 'site',
      source_url: 'url',
    });
  });

  it('without a site or JSON-LD: og: tags (site name cut from the title), then <title>', () => {
    const meta = run([], HEAD.replace(/<script[\s\S]*<\/script>/, ''));
    expect(meta).toMatchObject({
      position_title: 'Meta SRE',
      company_name: 'Example',
      source: 'Example',
    });
    expect(meta.origins).toMatchObject({
      position_title: 'meta',
      company_name: 'meta',
      source: 'meta',
    });
    // The site's name at the end of <title> is the source when it spells the host's ("example").
    const title = run([], '<title>Title SRE - Example</title>');
    expect(title).toMatchObject({ position_title: 'Title SRE', source: 'Example' });
    expect(title.origins).toMatchObject({ position_title: 'title', source: 'title' });
    // A name that is not the site's is not its source: the host is.
    const other = run([], '<title>Title SRE - Acme</title>');
    expect(other.source).toBe('careers.example.org');
    expect(other.origins).toMatchObject({ source: 'url' });
  });

  it('the first site that matches is the only one asked', () => {
    const draft = run([
      site({ position_title: 'First' }, 'First'),
      site({ position_title: 'Second' }, 'Second'),
    ]);
    expect(draft.position_title).toBe('First');
    expect(draft.source).toBe('First');
  });

  it('a salary: the first source with an amount; salary_posted is the posted text', () => {
    const draft = run(
      [site({ salary: { period: 'year', posted: 'competitive' } as never })],
      `${HEAD}`.replace(
        '"description"',
        '"baseSalary":{"currency":"EUR","value":{"minValue":50000,"maxValue":60000,"unitText":"YEAR"}},"description"',
      ),
    );
    expect(draft).toMatchObject({ salary_min: 50000, salary_max: 60000 });
    expect(draft.salary_posted).toContain('50,000');
    expect(draft.origins.salary).toBe('jsonld');
  });

  it('no salary anywhere: none in the draft and no origin for it', () => {
    const draft = run([site({ position_title: 'SRE' })]);
    expect(draft.salary_min).toBeUndefined();
    expect(draft.salary_max).toBeUndefined();
    expect(draft.salary_posted).toBeUndefined();
    expect(draft.origins.salary).toBeUndefined();
  });

  it('strings are cut to 255 and a description to 20,000, each listed in truncated', () => {
    const draft = run([
      site({
        company_name: `${'C'.repeat(300)}`,
        // Cut inside a surrogate pair, which is dropped whole.
        location: `ab${'😀'.repeat(200)}`,
        description: 'd'.repeat(25_000),
      }),
    ]);
    expect(draft.company_name).toHaveLength(255);
    expect(draft.location?.length).toBeLessThanOrEqual(255);
    expect(draft.location?.endsWith('😀')).toBe(true);
    expect(draft.description).toHaveLength(20_000);
    expect(draft.truncated).toEqual(['company_name', 'location', 'description']);
  });
});
