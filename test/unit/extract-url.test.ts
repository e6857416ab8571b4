/** The canonical job address and job key (lib/extract/url.ts), as a table. */
import { describe, expect, it } from 'vitest';
import { jobAddress } from '@/lib/extract/url';
import { parseHtml } from '../helpers/dom';

const LI = 'https://www.linkedin.com/jobs/view/4357993609/';

/** [address in the browser, expected source_url, expected job key] */
const TABLE: [string, string, string][] = [
  ['https://www.linkedin.com/jobs/view/4357993609', LI, 'linkedin:4357993609'],
  [
    'https://www.linkedin.com/jobs/view/4357993609/?trk=abc&refId=x&trackingId=y',
    LI,
    'linkedin:4357993609',
  ],
  [
    'https://au.linkedin.com/jobs/view/back-end-developer-at-turnit-4357993609?trk=public_jobs',
    LI,
    'linkedin:4357993609',
  ],
  ['https://de.linkedin.com/jobs/view/4357993609/#top', LI, 'linkedin:4357993609'],
  // A reference code in the title's slug is no job id: the id ends the slug.
  [
    'https://fr.linkedin.com/jobs/view/ing%C3%A9nieur-syst%C3%A8mes-h-f-092024-pst-erz-at-serma-ingenierie-4357993609',
    LI,
    'linkedin:4357993609',
  ],
  [
    'https://www.linkedin.com/jobs/search/?currentJobId=4357993609&keywords=go&geoId=1',
    LI,
    'linkedin:4357993609',
  ],
  [
    'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4357993609',
    LI,
    'linkedin:4357993609',
  ],
  [
    'https://www.linkedin.com/jobs/search-results/?currentJobId=4357993609&keywords=go',
    LI,
    'linkedin:4357993609',
  ],
  [
    'https://www.indeed.com/viewjob?jk=54f1f8af68d722d2&from=serp&vjs=3&tk=1abc',
    'https://www.indeed.com/viewjob?jk=54f1f8af68d722d2',
    'indeed:54f1f8af68d722d2',
  ],
  [
    'https://au.indeed.com/viewjob?jk=54f1f8af68d722d2',
    'https://au.indeed.com/viewjob?jk=54f1f8af68d722d2',
    'indeed:54f1f8af68d722d2',
  ],
  [
    'https://uk.indeed.com/jobs?q=go&l=Leeds&vjk=b974b400e0228d67',
    'https://uk.indeed.com/viewjob?jk=b974b400e0228d67',
    'indeed:b974b400e0228d67',
  ],
  [
    'https://indeed.com/viewjob?jk=b974b400e0228d67',
    'https://www.indeed.com/viewjob?jk=b974b400e0228d67',
    'indeed:b974b400e0228d67',
  ],
  [
    'https://ca.indeed.com/m/viewjob?jk=b974b400e0228d67&from=app',
    'https://ca.indeed.com/viewjob?jk=b974b400e0228d67',
    'indeed:b974b400e0228d67',
  ],
  [
    'https://jobs.lever.co/highspot/f222ad5c-b7dd-43c4-9008-ee1a53174afa/apply?lever-source=LinkedIn',
    'https://jobs.lever.co/highspot/f222ad5c-b7dd-43c4-9008-ee1a53174afa',
    'https://jobs.lever.co/highspot/f222ad5c-b7dd-43c4-9008-ee1a53174afa',
  ],
  [
    'https://job-boards.greenhouse.io/gitlab/jobs/8620720002?gh_src=8a4f2c1b1us&utm_source=x#app',
    'https://job-boards.greenhouse.io/gitlab/jobs/8620720002',
    'https://job-boards.greenhouse.io/gitlab/jobs/8620720002',
  ],
  [
    'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Munich/Test_JR1-1?source=jobboardlinkedin',
    'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Munich/Test_JR1-1',
    'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Munich/Test_JR1-1',
  ],
  // "source" is tracking on Workday only; elsewhere it may name the job.
  [
    'https://example.org/jobs?source=42&fbclid=x&gclid=y',
    'https://example.org/jobs?source=42',
    'https://example.org/jobs?source=42',
  ],
  [
    'https://boards.greenhouse.io/embed/job_app?for=gitlab&token=8620720002&gh_src=x',
    'https://boards.greenhouse.io/embed/job_app?for=gitlab&token=8620720002',
    'https://boards.greenhouse.io/embed/job_app?for=gitlab&token=8620720002',
  ],
  [
    'https://career.oneflow.com/jobs/8002146-senior-legal-counsel/applications/new',
    'https://career.oneflow.com/jobs/8002146-senior-legal-counsel',
    'https://career.oneflow.com/jobs/8002146-senior-legal-counsel',
  ],
  ['https://acme.example/apply', 'https://acme.example/apply', 'https://acme.example/apply'],
];

describe('jobAddress from the address alone', () => {
  it.each(TABLE)('%s', (address, url, key) => {
    const got = jobAddress(null, new URL(address));
    expect(got.url).toBe(url);
    expect(got.key).toBe(key);
  });
});

describe('jobAddress with the page', () => {
  const page = (head: string, at: string) =>
    jobAddress(parseHtml(`<html><head>${head}</head></html>`, at), new URL(at));

  it('takes the same site canonical link, upgraded to https, cleaned', () => {
    expect(
      page(
        '<link rel="canonical" href="http://job-boards.greenhouse.io/gitlab/jobs/8620720002?utm_medium=x">',
        'https://job-boards.greenhouse.io/gitlab/jobs/8620720002?gh_src=1',
      ),
    ).toEqual({
      url: 'https://job-boards.greenhouse.io/gitlab/jobs/8620720002',
      key: 'https://job-boards.greenhouse.io/gitlab/jobs/8620720002',
      origin: 'meta',
    });
  });

  it('then og:url, then the JSON-LD url; never another site or a non-http scheme', () => {
    const at = 'https://www.careers.example/jobs/1?utm_source=x';
    expect(
      page('<meta property="og:url" content="https://careers.example/jobs/1-sre">', at).url,
    ).toBe('https://careers.example/jobs/1-sre');
    expect(
      jobAddress(parseHtml('', at), new URL(at), () => ['/jobs/1-sre?ref=feed', 'jsonld']).url,
    ).toBe('https://www.careers.example/jobs/1-sre');
    expect(
      page(
        '<link rel="canonical" href="https://aggregator.example/jobs/9"><meta property="og:url" content="javascript:alert(1)">',
        at,
      ),
    ).toEqual({
      url: 'https://www.careers.example/jobs/1',
      key: 'https://www.careers.example/jobs/1',
      origin: 'url',
    });
  });

  it('LinkedIn and Indeed are rebuilt from the id whatever the page says', () => {
    const at = 'https://www.indeed.com/jobs?q=x&vjk=b974b400e0228d67';
    expect(page('<link rel="canonical" href="https://www.indeed.com/q-x-jobs.html">', at).url).toBe(
      'https://www.indeed.com/viewjob?jk=b974b400e0228d67',
    );
  });

  it('keeps a long address whole when it fits, else its path, else its site', () => {
    const long = `https://careers.example/jobs/1?id=${'x'.repeat(300)}`;
    expect(jobAddress(null, new URL(long)).url).toBe('https://careers.example/jobs/1');
    const longPath = `https://careers.example/${'p/'.repeat(200)}`;
    expect(jobAddress(null, new URL(longPath)).url).toBe('https://careers.example/');
  });
});
