/**
 * Paylocity's career pages (recruiting.paylocity.com/Recruiting/Jobs/Details/<id>): the job preview's
 * header (`.job-preview-title`, `.preview-location`); the employer only in the logo's fallback name
 * (`#LayoutLogoName`), while `<title>` reads "<Company> - <title>".
 * Proved by paylocity/amivero-junior-data-analyst.html.
 */
import { PAYLOCITY_HOSTS } from './career-hosts';
import { readFields } from './fields';
import type { SiteExtractor } from './types';

export const paylocity: SiteExtractor = {
  name: 'Paylocity',
  matches: (u) => PAYLOCITY_HOSTS.test(u.hostname),
  extract: (doc) =>
    readFields(doc, {
      title: '.job-preview-title',
      company: '#LayoutLogoName',
      location: '.preview-location',
    }),
};
