/**
 * The generic layer on career sites with no extractor of their own (small pages written here):
 * the organisation the page names beats the site's own name, titles lose the board's, company's and
 * place's decorations, a home-page og:url is not the job's address, places are not repeated, and
 * "<title> at <company> — <place>" titles give all three.
 */
import { describe, expect, it } from 'vitest';
import { draftOfPage } from '../helpers/draft';

const draftOf = draftOfPage;

const ld = (posting: object) =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', ...posting })}</script>`;

describe('generic layer', () => {
  it('"<title> at <company> — <place>": the company is not the site name, the place is read', () => {
    const draft = draftOf(
      '<title>Payroll Specialist at Northwind Traders — Leeds, UK | Example Jobs</title><meta property="og:site_name" content="Example Jobs Australia">',
      'https://www.examplejobs.test/job/123',
    );
    expect(draft).toMatchObject({
      position_title: 'Payroll Specialist',
      company_name: 'Northwind Traders',
      location: 'Leeds, UK',
      source: 'Example Jobs Australia',
    });
  });

  it("the hiring organisation beats og:site_name, and the title loses the board's and place's decorations", () => {
    const draft = draftOf(
      `<title>Welder - Toronto, ON - Job posting - Job Bank</title><meta property="og:site_name" content="Job Bank">${ld({ hiringOrganization: { name: 'Contoso Steel' }, jobLocation: { address: { addressLocality: 'Toronto', addressRegion: 'ON', addressCountry: 'CA' } } })}`,
      'https://www.jobbank.test/jobsearch/jobposting/4242',
    );
    expect(draft).toMatchObject({
      position_title: 'Welder',
      company_name: 'Contoso Steel',
      location: 'Toronto, ON, CA',
    });
  });

  it('a board without og:site_name is named by its JSON-LD WebSite, not its host', () => {
    const site = `<script type="application/ld+json">${JSON.stringify({ '@type': 'WebSite', name: 'Hellowork', url: 'https://www.hellowork.test/' })}</script>`;
    const draft = draftOf(
      `<title>Formateur H/F - Bruz</title>${site}${ld({ title: 'Formateur H/F', hiringOrganization: { name: 'UIMM' } })}`,
      'https://www.hellowork.test/fr-fr/emplois/83763446.html',
    );
    expect(draft).toMatchObject({ source: 'Hellowork', company_name: 'UIMM' });
  });

  it("a board named for jobs is no employer; the title loses the job id its address holds; a wage tile's pay", () => {
    const page = (url: string) =>
      draftOf(
        '<title>Senior WordPress Developer 1742846 - OnlineJobs.ph</title>',
        url,
        `<h1 class="job__title">Senior WordPress Developer</h1>
         <div><h3>WAGE / SALARY</h3><p>$12 to $16 Hour</p></div>`,
      );
    const draft = page(
      'https://www.onlinejobs.ph/jobseekers/job/Senior-WordPress-Developer-1742846',
    );
    expect(draft).toMatchObject({
      position_title: 'Senior WordPress Developer',
      salary_min: 24960,
      salary_max: 33280,
    });
    expect(draft.company_name).toBeUndefined();
    // A number the address does not hold is part of the title.
    expect(page('https://www.onlinejobs.ph/jobseekers/job/wordpress').position_title).toBe(
      'Senior WordPress Developer 1742846',
    );
  });

  it('a menu link named "Locations" is no label: the next link is no place', () => {
    const draft = draftOf(
      '<title>Director of eCommerce at Blueprint</title>',
      'https://startup.example/director-of-ecommerce-blueprint-6161068',
      `<nav><a href="/locations"><div>Locations</div></a><a href="/tags"><div>Tags</div></a></nav>
       <main><h1>Director of eCommerce</h1><p>Blueprint</p></main>`,
    );
    expect(draft.location).toBeUndefined();
  });

  it('a place labelled in Vietnamese ("Địa điểm") is read without its label', () => {
    const draft = draftOf(
      '<title>React Native Developer</title>',
      'https://www.topcv.example/viec-lam/react-native-developer/2129313.html',
      `<h1>React Native Developer</h1><div><div class="title">Địa điểm</div>
       <div class="value"><span><a href="/x">Hà Nội</a></span></div></div>`,
    );
    expect(draft.location).toBe('Hà Nội');
  });

  it('a decoration naming the company goes, a title part that only starts like a region stays', () => {
    const draft = draftOf(
      `<title>Growth Lead - Online Marketing | Tailspin Toys</title>${ld({ hiringOrganization: 'Tailspin Toys', jobLocation: { address: { addressRegion: 'ON' } } })}`,
      'https://careers.tailspin.test/jobs/7',
    );
    expect(draft.position_title).toBe('Growth Lead - Online Marketing');
    const job = draftOf(
      '<title>Data Engineer Job in Melbourne VIC - Fabrikam</title><meta property="og:site_name" content="Fabrikam">',
      'https://jobs.fabrikam.test/job/9',
    );
    expect(job.position_title).toBe('Data Engineer');
  });

  it("an og:url or canonical that is the site's home page is not the job's address", () => {
    const url = 'https://careers.contoso.test/jobs/551-platform-engineer?utm_source=feed';
    const draft = draftOf(
      '<title>Platform Engineer - Contoso</title><meta property="og:url" content="https://careers.contoso.test/"><link rel="canonical" href="https://careers.contoso.test/">',
      url,
    );
    expect(draft.source_url).toBe('https://careers.contoso.test/jobs/551-platform-engineer');
    expect(draft.origins.source_url).toBe('url');
  });

  it('an og:url written percent-encoded whole is read as the address it encodes', () => {
    const draft = draftOf(
      '<title>Parking staff</title><meta property="og:url" content="https%3A%2F%2Fjobs.fabrikam.test%2Fjb%2Fl7b69">',
      'https://jobs.fabrikam.test/jb/l7b69?from=search',
    );
    expect(draft.source_url).toBe('https://jobs.fabrikam.test/jb/l7b69');
    expect(draft.origins.source_url).toBe('meta');
  });

  it('places are not repeated: Workday\'s "Canada, QC, Montreal" with country Canada', () => {
    const draft = draftOf(
      `<title>Analyst</title>${ld({ title: 'Analyst', hiringOrganization: 'Litware', jobLocation: { '@type': 'Place', address: { addressLocality: 'Canada, QC, Montreal', addressCountry: 'Canada' } } })}`,
      'https://litware.wd3.example.test/en-US/careers/job/Montreal/Analyst_R1',
    );
    expect(draft.location).toBe('Montreal, QC, Canada');
  });

  it('a labelled "Place of work" anywhere on the page beats the JSON-LD country suffix', () => {
    const draft = draftOf(
      `<title>Chemist - Job Offer at Fabrikam - jobs.test</title>${ld({ title: 'Chemist', hiringOrganization: 'Fabrikam', jobLocation: { address: { addressLocality: 'Basel', addressCountry: 'Switzerland' } } })}`,
      'https://www.jobs.test/en/vacancies/detail/1/',
      '<main><header><h1>Chemist</h1></header><section><ul><li><span>Place of work:</span><span>Basel</span></li></ul></section></main>',
    );
    expect(draft.location).toBe('Basel');
  });
});
