/**
 * The microdata and RDFa layer (lib/extract/microdata.ts) on small pages written here: a posting
 * typed in microdata, Job Bank's RDFa with an empty `typeof` and lower-case `joblocation`, a list
 * of postings (no single job), and microdata before JSON-LD where a page has both.
 */
import { describe, expect, it } from 'vitest';
import { draftOfPage } from '../helpers/draft';

const draftOf = (body: string, url = 'https://jobs.example.test/posting/77', head = '') =>
  draftOfPage(head, url, body);

const microdataPosting = `
<div itemscope itemtype="https://schema.org/JobPosting">
  <h2 itemprop="title">Hydrologist</h2>
  <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
    <img src="logo.png" alt="Fabrikam logo"><span itemprop="name">Fabrikam Water</span>
    <meta itemprop="description" content="We keep rivers clean.">
  </div>
  <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
    <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
      <span itemprop="streetAddress">1 Quay St</span>
      <span itemprop="addressLocality">Halifax</span>, <span itemprop="addressRegion">NS</span>
      <meta itemprop="addressCountry" content="CA">
    </div>
  </div>
  <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount">
    <meta itemprop="currency" content="CAD">
    <span itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue">
      <span itemprop="minValue">5,000</span> to <span itemprop="maxValue">6,000</span>
      <meta itemprop="unitText" content="MONTH"> a month
    </span>
  </div>
  <div itemprop="description"><p>Measure rivers.</p><p>Write reports.</p></div>
</div>`;

describe('microdata and RDFa JobPosting', () => {
  it("reads a posting typed in microdata: title, employer, place parts, monthly pay, its own description (not the employer's)", () => {
    const draft = draftOf(`<h1>Welcome to the board</h1>${microdataPosting}`);
    expect(draft).toMatchObject({
      position_title: 'Hydrologist',
      company_name: 'Fabrikam Water',
      location: 'Halifax, NS, CA',
      salary_min: 60000,
      salary_max: 72000,
      description: 'Measure rivers.\n\nWrite reports.',
    });
    expect(draft.origins).toMatchObject({
      position_title: 'microdata',
      company_name: 'microdata',
      location: 'microdata',
      salary: 'microdata',
    });
  });

  it("reads Job Bank's RDFa: an untyped item found by its hiringOrganization, lower-case joblocation", () => {
    const draft = draftOf(
      `<div vocab="" typeof="">
        <h1 property="name"><span property="title">cloud developer</span></h1>
        <span property="hiringOrganization" typeof="Organization"><span property="name"><strong>Zenith Algorithms</strong></span></span>
        <span property="joblocation" typeof="Place"><span property="address" typeof="PostalAddress"><span property="addressLocality">Toronto</span>, <span property="addressRegion">ON</span></span></span>
        <span property="baseSalary" typeof="MonetaryAmount"><span property="value" typeof="QuantitativeValue"><span property="currency" content="CAD">$</span><span property="minValue" content="45.00">45.00</span> to <span property="maxValue" content="50.00">50.00</span><span property="unitText">HOUR</span> hourly</span></span>
      </div>`,
      'https://www.jobbank.example.test/jobsearch/jobposting/48923117',
      '<title>cloud developer - Toronto, ON - Job posting - Job Bank</title><meta property="og:title" content="Job posting">',
    );
    expect(draft).toMatchObject({
      position_title: 'cloud developer',
      company_name: 'Zenith Algorithms',
      location: 'Toronto, ON',
      salary_min: 93600,
      salary_max: 104000,
      // The currency sits inside the QuantitativeValue, not on the MonetaryAmount.
      salary_posted: 'CAD 45–50 per hour',
    });
  });

  it('prefixed and full-IRI RDFa properties count, another vocabulary\'s "og:title" does not', () => {
    const draft = draftOf(
      `<div vocab="https://schema.org/" typeof="schema:JobPosting">
        <meta property="og:title" content="Browse our jobs">
        <span property="https://schema.org/title">Glaciologist</span>
        <span property="schema:hiringOrganization">Tailspin Research</span>
      </div>`,
    );
    expect(draft.position_title).toBe('Glaciologist');
    expect(draft.company_name).toBe('Tailspin Research');
  });

  it('a list of postings describes no single job', () => {
    const draft = draftOf(
      `${microdataPosting}${microdataPosting.replace('Hydrologist', 'Geologist')}`,
    );
    expect(draft.position_title).toBeUndefined();
    expect(draft.company_name).toBeUndefined();
    const untyped = (name: string) =>
      `<div typeof=""><span property="title">${name}</span><span property="hiringOrganization">${name} Ltd</span></div>`;
    expect(draftOf(untyped('Baker') + untyped('Cook')).company_name).toBeUndefined();
  });

  it('microdata, which marks what the page shows, comes before JSON-LD; JSON-LD fills the rest', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Senior Hydrologist',
      hiringOrganization: { name: 'Fabrikam' },
    });
    const draft = draftOf(
      microdataPosting,
      undefined,
      `<script type="application/ld+json">${ld}</script>`,
    );
    expect(draft).toMatchObject({
      position_title: 'Hydrologist',
      company_name: 'Fabrikam Water',
      location: 'Halifax, NS, CA',
    });
    expect(draft.origins).toMatchObject({ position_title: 'microdata', location: 'microdata' });
  });

  it('a place marked up alone, without its posting, beats a JSON-LD that says "remote"', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'ML Engineer',
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'Magyarország' },
    });
    const draft = draftOf(
      '<h1>ML Engineer</h1><div>Hibrid <span class="location-separator">•</span> <span itemprop="jobLocation" itemscope itemtype="https://schema.org/Place"><span itemprop="addressLocality">Magyarország,Pest,Budaörs</span></span></div>',
      undefined,
      `<script type="application/ld+json">${ld}</script>`,
    );
    expect(draft.location).toBe('Magyarország, Pest, Budaörs');
    expect(draft.origins.location).toBe('microdata');
  });
});
