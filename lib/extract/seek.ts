/**
 * SEEK (seek.com.au, seek.co.nz, au.seek.com, nz.seek.com): the job page's `data-automation`
 * attributes (2025-26). The advertiser is the employer or its recruiter; `og:site_name` ("SEEK
 * Australia") never is. Proved by test/corpus/pages/seek/job-iterate.html.
 */
import { readFields } from './fields';
import type { SiteExtractor } from './types';

const at = (name: string): string => `[data-automation="${name}"]`;

export const seek: SiteExtractor = {
  name: 'SEEK',
  matches: (u) => /(^|\.)seek\.(com|com\.au|co\.nz)$/.test(u.hostname),
  extract: (doc) =>
    readFields(doc, {
      title: at('job-detail-title'),
      company: at('advertiser-name'),
      location: at('job-detail-location'),
      salary: at('job-detail-salary'),
      description: at('jobAdDetails'),
    }),
};
