/**
 * SimplyHired (Indeed's second board): the job page's `data-testid` attributes (2025). Its
 * `<title>` ends with the place ("VP of Marketing - Sortly | Remote"), and it has no `og:site_name`.
 * Proved by simplyhired/job-sortly-vp-marketing-remote.html and job-blueprint-director-….
 */
import { SIMPLYHIRED_HOSTS } from './career-hosts';
import { readFields } from './fields';
import type { SiteExtractor } from './types';

const at = (name: string): string => `[data-testid="viewJob${name}"]`;
/** A header field's own text, without the rating beside the company ("Blueprint - 3.9"). */
const detail = (name: string): string => `${at(name)} [data-testid="detailText"]`;

export const simplyhired: SiteExtractor = {
  name: 'SimplyHired',
  matches: (u) => SIMPLYHIRED_HOSTS.test(u.hostname),
  extract: (doc) =>
    readFields(doc, {
      title: at('Title'),
      company: detail('CompanyName'),
      location: detail('CompanyLocation'),
      salary: at('BodyJobCompensation'),
      description: at('BodyJobFullDescriptionContent'),
    }),
};
