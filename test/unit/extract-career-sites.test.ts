/**
 * The generic layer on company career sites (small pages written here, each after a real one of
 * batch 5): "Label: value" in one element, a key-information list apart from the heading (past a
 * logo's <h1>), the page's data about its job, the places under the heading, the pay in a line of
 * the text, a job id after the title, and the company named by the host.
 */
import { describe, expect, it } from 'vitest';
import { CAREER_HOSTS, type CareerSiteKey } from '@/lib/extract/career-hosts';
import { ATS_SITES, BOARD_SITES, CAREER_SITES, ENTERPRISE_SITES } from '@/lib/extract/career-sites';
import type { SiteExtractor } from '@/lib/extract/types';
import { draftOfPage } from '../helpers/draft';

const draftOf = draftOfPage;

const AVATURE_LIKE = 'https://acme.example/careers/JobDetail/Transplant-Coordinator/13859';

describe('generic layer on career sites', () => {
  it('reads "Label: value" in one element, past a logo h1; the title loses its job id', () => {
    const draft = draftOf(
      '<title>Transplant Coordinator - 13859 - Acme Health</title>',
      AVATURE_LIKE,
      `<header><h1><a href="/">Acme Health Home Page</a></h1></header>
       <div><div><h2 class="banner__title">Transplant Coordinator</h2></div>
         <div><div><strong>Work Location: Los Angeles, CA, USA</strong></div>
         <div><strong>Salary Range</strong>: $30.36 - 43.49 Hourly</div></div></div>`,
    );
    expect(draft).toMatchObject({
      position_title: 'Transplant Coordinator',
      location: 'Los Angeles, CA, USA',
      salary_min: 63149,
      salary_max: 90459,
    });
  });

  it('reads a labelled list apart from the heading, divs too', () => {
    const draft = draftOf(
      '<meta property="og:title" content="Account Manager, Singapore">',
      'https://acme.example/careers/JobDetail/Account-Manager/16889',
      `<h1>Acme</h1><main><section><div>Account Manager, Singapore</div></section>
       <section><div><div>Location</div><div>Singapore</div></div></section></main>`,
    );
    expect(draft.location).toBe('Singapore');
  });

  it("takes the place from the page's data about its job", () => {
    const draft = draftOf(
      '<title>Ops Manager</title>',
      'https://www.acme.example/in-en/careers/jobdetails?id=AIOC-1',
      '<div data-joblocation="Noida" data-jobtitle="Ops Manager"><h1>Ops Manager</h1><p>Full time</p></div>',
    );
    expect(draft.location).toBe('Noida');
  });

  it('takes the places on the line under the heading, not its button; and nothing else there', () => {
    const page = (line: string) =>
      draftOf(
        '<title>Program Manager - Acme</title>',
        'https://www.acme.example/company/careers/program-manager-8445',
        `<section><div><h1><div>Program Manager</div></h1><div>${line}<p><button>Apply now</button></p></div></div></section>`,
      );
    expect(page('Mountain View, California; San Francisco, California').location).toBe(
      'Mountain View, California; San Francisco, California',
    );
    expect(page('Full time, 5-10 years').location).toBeUndefined();
    expect(page('Engineering').location).toBeUndefined();
  });

  it('reads the pay from the first line of the text that starts by naming it', () => {
    const draft = draftOf(
      '<title>Project Manager</title>',
      'https://careers.acme.example/global/en/vacancy/project-manager',
      `<h1>Project Manager</h1><p>Join our 40,000 people.</p>
       <ul><li>Salary between €4,450 and €6,000 per month, depending on experience;</li>
       <li>38 hours, 5% bonus</li></ul>`,
    );
    expect(draft).toMatchObject({ salary_min: 53400, salary_max: 72000 });
  });

  it('names the company by a section about it whose name its host spells (iCIMS)', () => {
    const page = (host: string, about: string) =>
      draftOf(
        '<title>Engineering Intern in Phoenix, Arizona | Careers at Phoenix, AZ</title>',
        `https://${host}/jobs/27617/engineering-intern/job`,
        `<h1>Engineering Intern</h1><h2><span>About the team</span></h2><h2><span>${about}</span></h2>`,
      ).company_name;
    expect(page('careers-sargentlundy.icims.example', 'About Sargent &amp; Lundy')).toBe(
      'Sargent & Lundy',
    );
    expect(page('careers.acme.example', 'About Acme')).toBe('Acme');
    expect(page('careers-sargentlundy.icims.example', 'About Careers')).toBeUndefined();
    expect(page('careers.icims.example', 'About Careers')).toBeUndefined();
  });

  it("names the company on its own career site as its summary spells the host's name", () => {
    const head = (description: string) =>
      `<title>Ops Manager</title><meta property="og:description" content="${description}">`;
    const url = 'https://www.northwind.example/in-en/careers/jobdetails?id=1';
    const body = '<h1>Ops Manager</h1>';
    expect(
      draftOf(head('Learn more about the Ops Manager position at Northwind.'), url, body)
        .company_name,
    ).toBe('Northwind');
    // Not on an address that is no career site's, and never a lower-case word.
    expect(
      draftOf(head('Ops Manager at Northwind.'), 'https://www.northwind.example/jobs/1', body)
        .company_name,
    ).toBeUndefined();
    expect(draftOf(head('Ops Manager, northwind team.'), url, body).company_name).toBeUndefined();
  });
});

describe('generic layer on ATS-hosted career sites (batch 6)', () => {
  it('iCIMS: the place in its title is no decoration of the job, and "Careers at <place>" names no company', () => {
    const draft = draftOf(
      '<title>Controls Intern - Nuclear (Summer 2027) in Phoenix, Arizona | Careers at Phoenix, AZ</title><meta property="og:site_name" content="careers">',
      'https://careers-acme.icims.example/jobs/27617/controls-intern/job',
      `<h1>Controls Intern - Nuclear (Summer 2027)</h1>
       <dl><div><dt><span class="sr-only field-label">City</span></dt><dd><span>Phoenix</span></dd></div></dl>`,
    );
    expect(draft).toMatchObject({
      position_title: 'Controls Intern - Nuclear (Summer 2027)',
      location: 'Phoenix',
    });
    expect(draft.company_name).toBeUndefined();
  });

  it('SuccessFactors: "Career Opportunities: " goes from the title', () => {
    const draft = draftOf(
      '<title>Career Opportunities: Software Engineering Summer Intern (14588)</title>',
      'https://career8.successfactors.example/portalcareer?jobId=14588&company=AcmeProd',
    );
    expect(draft.position_title).toBe('Software Engineering Summer Intern (14588)');
  });

  it('a "Careers at <company>" banner names the company, and the title loses it', () => {
    const draft = draftOf(
      '<title>2027 Summer Internship Program - APAC - Fabrikam</title>',
      'https://fabrikam.tal.example/vx/candidate/so/pm/1/pl/1/opp/11984-2027-Summer-Internship/en-GB',
      `<header><h1>Careers at Fabrikam</h1></header>
       <main><h1 class="section">2027 Summer Internship Program - APAC</h1>
       <p><button>Apply</button></p></main>
       <form><div><label><span>Cities</span><span> </span></label><div>Hong Kong, Singapore</div></div></form>`,
    );
    expect(draft).toMatchObject({
      position_title: '2027 Summer Internship Program - APAC',
      company_name: 'Fabrikam',
      location: 'Hong Kong, Singapore',
    });
  });
});

describe('SmartRecruiters', () => {
  it("reads its one-click application's top bar, and the company from the logo or the title", () => {
    const url =
      'https://jobs.smartrecruiters.com/oneclick-ui/company/AcmeSR/publication/b614e003-ab3f-41b3';
    const bar = (alt: string) =>
      `<div data-test="topbar"><img alt="${alt}" data-test="topbar-logo">
       <p data-test="topbar-job-title">Python AI Engineer</p>
       <p data-test="topbar-location">Business Park, Sofia, Bulgaria</p></div>
       <h1 class="visually-hidden">Python AI Engineer</h1>`;
    const title = '<title>Easy apply - Python AI Engineer - Acme-Bulgaria</title>';
    expect(draftOf(title, url, bar('Acme Bulgaria Logo'))).toMatchObject({
      position_title: 'Python AI Engineer',
      company_name: 'Acme Bulgaria',
      location: 'Business Park, Sofia, Bulgaria',
      source: 'SmartRecruiters',
    });
    expect(draftOf(title, url, bar('')).company_name).toBe('Acme-Bulgaria');
  });
});

describe('career sites with rules of their own, on pages of batch 7', () => {
  it("Greenhouse: pay written only in the description's text, not the funding beside it", () => {
    const draft = draftOf(
      '<title>Job Application for Software Engineer II at Alma</title>',
      'https://job-boards.greenhouse.io/alma/jobs/8369573002',
      `<div class="job__title"><h1>Software Engineer II</h1></div>
       <div class="job__description"><p>We raised $220.5M in funding.</p>
       <p><strong>Salary Band: </strong>$145,000-$155,000</p></div>`,
    );
    expect(draft).toMatchObject({ salary_min: 145000, salary_max: 155000, company_name: 'Alma' });
  });

  it('Lever: the first category is the place, where the page lost its class names', () => {
    const draft = draftOf(
      '<title>Palantir Technologies - Administrative Business Partner</title>',
      'https://jobs.lever.co/palantir/6ed76ce8-4156-4b60-b120-403538bd66cd/apply',
      `<div class="posting-header"><h2>Administrative Business Partner</h2>
       <div class="posting-categories"><div class="sort-by-time">Singapore, Singapore</div>
       <div class="sort-by-team">Administrative /</div><div class="sort-by-time">Hybrid</div></div></div>`,
    );
    expect(draft).toMatchObject({
      location: 'Singapore, Singapore',
      company_name: 'Palantir Technologies',
    });
  });

  it("Workday: the site id's spelling of the tenant, dashes and all, names the company", () => {
    const url = (site: string) =>
      `https://gresearch.wd103.myworkdayjobs.com/en-US/${site}/job/London-UK/Quant-Research-Internship_R3691/apply`;
    const company = (site: string) =>
      draftOf('<title>Quant Research Internship</title>', url(site)).company_name;
    expect(company('G-Research')).toBe('G-Research');
    expect(company('External')).toBe('Gresearch');
    expect(company('GRes')).toBe('Gresearch');
  });

  it('Oracle Cloud HCM: the apply header names the job and its first place; the site, the company', () => {
    const draft = draftOf(
      `<meta property="og:title" content="JPMC Candidate Experience page Careers">
       <meta property="og:site_name" content="JPMC Candidate Experience page">
       <title>2027 Internal Audit Analyst - Summer Intern - JPMC Candidate Experience page Careers</title>`,
      'https://jpmc.fa.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1001/job/210765547/apply/email',
      `<h1>Are You Still With Us?</h1><header><div class="app-header__current-page-title-container">
       <div>2027 Internal Audit Analyst - Summer Intern</div><div>...</div></div>
       <ul><li class="posting-locations">Location: <span class="text-color-primary"><ul>
       <li>Jersey City, NJ, United States</li><li>Plano, TX, United States</li></ul></span></li></ul></header>`,
    );
    expect(draft).toMatchObject({
      position_title: '2027 Internal Audit Analyst - Summer Intern',
      company_name: 'JPMC',
      location: 'Jersey City, NJ, United States',
      source: 'Oracle Cloud HCM',
    });
  });
});

describe("the injected scripts' sites", () => {
  it('hold each site with rules of its own in the script the background injects on its pages', () => {
    const sites = { ats: ATS_SITES, enterprise: ENTERPRISE_SITES, boards: BOARD_SITES };
    for (const [key, site] of Object.entries(CAREER_SITES) as [CareerSiteKey, SiteExtractor][]) {
      for (const [group, list] of Object.entries(sites))
        expect(list.includes(site), `${key} in ${group}`).toBe(CAREER_HOSTS[key].script === group);
    }
    expect(Object.values(sites).flat()).toHaveLength(Object.keys(CAREER_SITES).length);
  });
});
