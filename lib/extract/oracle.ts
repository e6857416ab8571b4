/**
 * Oracle Cloud HCM's Candidate Experience (`<tenant>.fa.<region>.oraclecloud.com/hcmUI/
 * CandidateExperience/...`), the career site of many large employers. Its `og:title` is the site's
 * ("JPMC Candidate Experience page Careers"), never the job's; `<title>` is "<job> - <site>
 * Careers"; the site is named "<company> Candidate Experience page". The apply flow's header holds
 * the job's title and its places, one per item. Proved by oracle/apply-jpmc-internal-audit-intern.html.
 */
import { ORACLE_HOSTS } from './career-hosts';
import { clean, docTitle, firstText, metaContent } from './text';
import type { SiteExtractor } from './types';

const SEL = {
  title: '.app-header__current-page-title-container > :first-child',
  /** Each place, the first of which is read; else the one place, unlisted. */
  places: '.posting-locations li',
  place: '.posting-locations .text-color-primary',
};

export const oracle: SiteExtractor = {
  name: 'Oracle Cloud HCM',
  matches: (u) => ORACLE_HOSTS.test(u.hostname),
  extract(doc) {
    const site = metaContent(doc, 'og:site_name');
    const title = docTitle(doc);
    const end = site ? title.lastIndexOf(` - ${site}`) : -1;
    return {
      position_title: firstText(doc, SEL.title) || (end > 0 ? title.slice(0, end) : ''),
      company_name: clean(site.replace(/\bcandidate experience( page)?\b|\bcareers?\b/gi, '')),
      location: firstText(doc, SEL.places) || firstText(doc, SEL.place),
    };
  },
};
