/**
 * Pages that are no job, a list of jobs, broken or hostile: nothing throws, nothing becomes markup,
 * and the draft holds what the page supports and nothing else.
 */
import { describe, expect, it, vi } from 'vitest';
import { extractJob } from '@/lib/extract/any-page';
import { createExtractor, FALLBACKS } from '@/lib/extract/index';
import type { SiteExtractor } from '@/lib/extract/types';
import { parseHtml } from '../helpers/dom';

function run(html: string, url: string) {
  const doc = parseHtml(html, url);
  return { doc, draft: extractJob(doc, new URL(url)) };
}

const jsonLd = (data: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

const posting = (title: string, company: string) => ({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title,
  hiringOrganization: { '@type': 'Organization', name: company },
  jobLocation: { '@type': 'Place', address: { addressLocality: 'Oslo', addressCountry: 'NO' } },
  baseSalary: {
    '@type': 'MonetaryAmount',
    currency: 'NOK',
    value: { '@type': 'QuantitativeValue', minValue: 700000, maxValue: 800000, unitText: 'YEAR' },
  },
});

describe('hostile and empty pages', () => {
  it('a blog post is no job: no title, company, location or salary; only its address and site', () => {
    const { draft } = run(
      `<html><head><title>How we profile our build - Example Blog</title>
      <meta property="og:title" content="How we profile our build">
      <meta property="og:site_name" content="Example Blog">
      <link rel="canonical" href="https://blog.example.com/2026/01/profiling?utm_source=rss"></head>
      <body><article><h1>How we profile our build</h1><p>It cost us $12,000 a year in CI minutes.</p>
      <p>Location: our office</p></article></body></html>`,
      'https://blog.example.com/2026/01/profiling?utm_source=rss#comments',
    );
    expect(draft).toEqual({
      source: 'Example Blog',
      source_url: 'https://blog.example.com/2026/01/profiling',
      job_key: 'https://blog.example.com/2026/01/profiling',
      origins: { source: 'meta', source_url: 'meta' },
    });
  });

  it('a list of jobs (ItemList, several JobPostings) is not the job', () => {
    const list = {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, item: posting('Data Engineer', 'Initech') },
        { '@type': 'ListItem', position: 2, item: posting('QA Engineer', 'Umbrella') },
      ],
    };
    const { draft } = run(
      `<html><head><title>Search</title>${jsonLd(list)}${jsonLd(posting('Data Engineer', 'Initech'))}${jsonLd([posting('Web Developer', 'Hooli')])}</head>
      <body><ul><li>Data Engineer</li><li>QA Engineer</li></ul></body></html>`,
      'https://board.example.org/search?q=engineer',
    );
    expect(draft.company_name).toBeUndefined();
    expect(draft.location).toBeUndefined();
    expect(draft.salary_min).toBeUndefined();
    expect(draft.position_title).toBeUndefined();
    expect(draft.origins).toEqual({ source: 'url', source_url: 'url' });
  });

  it('JSON-LD: a bare object, an array, an @graph and @type lists are read; a job beside a list of others is the job', () => {
    const cases: unknown[] = [
      posting('Platform Engineer', 'Initech'),
      [{ '@type': 'WebSite', name: 'x' }, posting('Platform Engineer', 'Initech')],
      {
        '@graph': [
          { '@type': 'Organization' },
          { ...posting('Platform Engineer', 'Initech'), '@type': ['JobPosting', 'Thing'] },
        ],
      },
    ];
    for (const data of cases) {
      const { draft } = run(
        `<html><head>${jsonLd(data)}${jsonLd({ '@type': 'ItemList', itemListElement: [posting('Other', 'Other Co')] })}</head><body></body></html>`,
        'https://careers.example.org/p/1',
      );
      expect(draft).toMatchObject({
        position_title: 'Platform Engineer',
        company_name: 'Initech',
        location: 'Oslo, NO',
        salary_min: 700000,
        salary_max: 800000,
        origins: {
          position_title: 'jsonld',
          company_name: 'jsonld',
          location: 'jsonld',
          salary: 'jsonld',
        },
      });
    }
  });

  it('malformed JSON-LD is ignored without throwing; a good block beside it is still read', () => {
    const broken =
      '<script type="application/ld+json">{"@type": "JobPosting", "title": "Bro</script>';
    const alone = run(
      `<html><head>${broken}</head><body></body></html>`,
      'https://x.example/jobs/1',
    );
    expect(alone.draft.position_title).toBeUndefined();
    const beside = run(
      `<html><head>${broken}${jsonLd(posting('SRE', 'Initech'))}</head></html>`,
      'https://x.example/jobs/1',
    );
    expect(beside.draft.position_title).toBe('SRE');
  });

  it('a 1 MB title is cut to 255 characters, with a notice', () => {
    const long = 'Engineer '.repeat(120_000);
    const { draft } = run(
      `<html><head>${jsonLd(posting(long, 'Initech'))}<meta property="og:title" content="${long}"></head><body><h1>${long}</h1></body></html>`,
      'https://careers.example.org/jobs/1',
    );
    expect(draft.position_title?.length).toBeLessThanOrEqual(255);
    expect(draft.position_title?.startsWith('Engineer Engineer')).toBe(true);
    expect(draft.truncated).toEqual(['position_title']);
    expect(draft.company_name).toBe('Initech');
  });

  it('a 1 MB title in og:title, <title> and <h1> of an unknown site is cut too, quickly', () => {
    const long = `Engineer - ${'x - '.repeat(250_000)}`;
    const start = performance.now();
    const { draft } = run(
      `<html><head><title>${long}</title><meta property="og:title" content="${long}"></head><body><div><h1>${long}</h1></div></body></html>`,
      'https://careers.example.org/jobs/1',
    );
    expect(performance.now() - start).toBeLessThan(5000);
    expect(draft.position_title?.length).toBeLessThanOrEqual(255);
    expect(draft.truncated).toEqual(['position_title']);
  });

  it('markup and scripts inside text stay text; no element is made from them', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const inert: Document[] = [];
    const html = `<html><head><title>t</title>${jsonLd(posting(payload, `${payload} &amp; Co`))}</head><body>
      <section class="top-card-layout"><h1 class="top-card-layout__title">&lt;img src=x onerror=alert(1)&gt;<script>alert(2)</script><style>h1{}</style></h1>
      <a class="topcard__org-name-link" href="/company/x">&lt;b&gt;Bold&lt;/b&gt; Inc</a></section></body></html>`;
    const doc = parseHtml(html, 'https://www.linkedin.com/jobs/view/4000000001/');
    const parser = (doc.defaultView as unknown as typeof globalThis).DOMParser.prototype;
    const parse = parser.parseFromString;
    vi.spyOn(parser, 'parseFromString').mockImplementation(function (this: DOMParser, ...args) {
      const d = parse.apply(this, args);
      inert.push(d);
      return d;
    });
    const images = doc.querySelectorAll('img').length;
    const li = extractJob(doc, new URL('https://www.linkedin.com/jobs/view/4000000001/'));
    expect(li.position_title).toBe(payload);
    expect(li.company_name).toBe('<b>Bold</b> Inc');
    // From JSON-LD (another site): entities decoded, markup kept as characters.
    const other = extractJob(doc, new URL('https://careers.example.org/jobs/1'));
    expect(other.position_title).toBe(payload);
    expect(other.company_name).toBe(`${payload} & Co`);
    expect(doc.querySelectorAll('img').length).toBe(images);
    expect(inert.length).toBeGreaterThan(0);
    for (const d of inert) expect(d.querySelector('img, b, script')).toBeNull();
  });

  it('control, bidi and zero-width characters are stripped; white space collapses', () => {
    const { draft } = run(
      `<html><head>${jsonLd(posting('Sen\u200bior\u202e  Engi\u0007neer\ufeff\u2066', 'Ini\u200etech\u00ad'))}</head></html>`,
      'https://careers.example.org/jobs/1',
    );
    expect(draft.position_title).toBe('Senior Engineer');
    expect(draft.company_name).toBe('Initech');
  });

  it('empty strings are no answer: the next source is asked, or the field stays out', () => {
    const { draft } = run(
      `<html><head>${jsonLd({ '@type': 'JobPosting', title: '   ', hiringOrganization: { name: '' }, jobLocation: [], baseSalary: {} })}
      <meta property="og:title" content="Support Engineer"><meta property="og:site_name" content="  "></head><body><h1> </h1></body></html>`,
      'https://careers.example.org/jobs/1',
    );
    expect(draft.position_title).toBe('Support Engineer');
    expect(draft.origins.position_title).toBe('meta');
    expect('company_name' in draft).toBe(false);
    expect('location' in draft).toBe(false);
    expect('salary_min' in draft).toBe(false);
    expect(draft.source).toBe('careers.example.org');
  });

  it('a javascript: (or other site) canonical or og:url never becomes the source_url', () => {
    for (const [canonical, og] of [
      ['javascript:alert(1)', 'javascript:alert(2)'],
      ['data:text/html,hi', 'https://evil.example.net/jobs/1'],
      ['//evil.example.net/jobs/1', ' JaVaScRiPt:alert(3)'],
    ]) {
      const { draft } = run(
        `<html><head><link rel="canonical" href="${canonical}"><meta property="og:url" content="${og}">
        ${jsonLd({ ...posting('SRE', 'Initech'), url: 'javascript:alert(4)' })}</head></html>`,
        'https://careers.example.org/jobs/1?utm_source=x',
      );
      expect(draft.source_url).toBe('https://careers.example.org/jobs/1');
      expect(draft.origins.source_url).toBe('url');
    }
  });

  it('an address longer than 255 characters falls back to its path, never a cut URL', () => {
    const url = `https://careers.example.org/jobs/1?q=${'a'.repeat(400)}`;
    const { draft } = run('<html></html>', url);
    expect(draft.source_url).toBe('https://careers.example.org/jobs/1');
  });

  it('an extractor that throws breaks nothing: the waterfall goes on', () => {
    const broken: SiteExtractor = {
      name: 'Broken',
      matches: () => true,
      extract: () => {
        throw new Error('layout changed');
      },
    };
    const doc = parseHtml(
      `<html><head>${jsonLd(posting('SRE', 'Initech'))}</head></html>`,
      'https://x.example/jobs/1',
    );
    const draft = createExtractor([broken], FALLBACKS)(doc, new URL('https://x.example/jobs/1'));
    expect(draft).toMatchObject({
      position_title: 'SRE',
      source: 'Broken',
      origins: { position_title: 'jsonld' },
    });
  });

  it('an empty document, and deeply nested markup, do not throw', () => {
    expect(() => run('', 'https://www.linkedin.com/jobs/view/4000000001/')).not.toThrow();
    expect(() => run('', 'https://www.indeed.com/viewjob?jk=0123456789abcdef')).not.toThrow();
    const deep = `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`;
    const { draft } = run(
      `<html><head><title>Deep</title></head><body><section class="top-card-layout"><h1 class="top-card-layout__title">${deep}</h1></section></body></html>`,
      'https://www.linkedin.com/jobs/view/4000000001/',
    );
    expect(draft.position_title).toBe('x');
  });
});
