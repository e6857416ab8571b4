/**
 * SEEK (seek.com.au, seek.co.nz, au.seek.com, nz.seek.com) and Jobstreet, SEEK's board in South-East
 * Asia (id.jobstreet.com, ...): the job page's `data-automation` attributes (2025-26). The
 * advertiser is the employer or its recruiter; `og:site_name` ("SEEK Australia") never is. Proved
 * by test/corpus/pages/seek/job-iterate.html.gz and jobstreet/job-id-ai-transformation-babarafi.html.gz.
 */
import { JOBSTREET_HOSTS, SEEK_HOSTS } from './career-hosts';
import { readFields } from './fields';
import type { SiteExtractor } from './types';

const at = (name: string): string => `[data-automation="${name}"]`;

const extract: SiteExtractor['extract'] = (doc) =>
  readFields(doc, {
    title: at('job-detail-title'),
    company: at('advertiser-name'),
    location: at('job-detail-location'),
    salary: at('job-detail-salary'),
    description: at('jobAdDetails'),
  });

export const seek: SiteExtractor = {
  name: 'SEEK',
  matches: (u) => SEEK_HOSTS.test(u.hostname),
  extract,
};

export const jobstreet: SiteExtractor = {
  name: 'Jobstreet',
  matches: (u) => JOBSTREET_HOSTS.test(u.hostname),
  extract,
};
