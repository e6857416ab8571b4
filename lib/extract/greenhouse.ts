/**
 * Greenhouse job boards: `job-boards.greenhouse.io/<board>/jobs/<id>` (2024-26 layout) and the
 * older `boards.greenhouse.io` layout. The company is named only in `<title>` ("Job Application
 * for <title> at <company>") or, on the old layout, in `.company-name` ("at GitLab").
 */
import { GREENHOUSE_HOSTS } from './career-hosts';
import { findSalaryInText } from './salary';
import { docTitle, firstText, linesOf } from './text';
import type { SiteExtractor } from './types';

/** New layout proved by job-gitlab.html; the old one by its documented markup (`.app-title`). */
const SEL = {
  title: '.job__title h1, .app-title',
  /** The 2024 layout's metadata line under the title ("San Francisco, CA; Seattle, WA"). */
  location: '.job__location, #header .location, .job__title .body--metadata',
  company: '#header .company-name',
  pay: '[class*=pay-range], [class*=pay-transparency], .job__pay',
  description: '.job__description, #content',
};

export const greenhouse: SiteExtractor = {
  name: 'Greenhouse',
  matches: (u) => GREENHOUSE_HOSTS.test(u.hostname),
  extract(doc) {
    const title = firstText(doc, SEL.title);
    const fromTitle = /^Job Application for (.+) at (.+)$/.exec(docTitle(doc));
    return {
      position_title: title || fromTitle?.[1],
      company_name: fromTitle?.[2] || firstText(doc, SEL.company).replace(/^at\s+/i, ''),
      location: firstText(doc, SEL.location),
      salary: findSalaryInText(firstText(doc, SEL.pay)) ?? undefined,
      description: linesOf(doc.querySelector(SEL.description)),
    };
  },
};
