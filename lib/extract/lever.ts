/**
 * Lever: `jobs.lever.co/<company>/<id>` and its `/apply` form. The company is named only in
 * `<title>` ("Highspot - Principal Software Engineer, Applied AI"); the logo's alt text is never
 * used.
 */
import { LEVER_HOSTS } from './career-hosts';
import { findSalaryInText } from './salary';
import { clean, docTitle, firstText, linesOf } from './text';
import type { SiteExtractor } from './types';

/** Posting header of the posting and apply pages: apply-highspot.html, apply-ciandt.html. */
const SEL = {
  title: '.posting-headline h2, .posting-header h2',
  // The place comes first among the categories, also where a page lost its class names.
  location:
    '.posting-categories .location, .posting-categories .sort-by-location, .posting-categories > :first-child',
  pay: '[data-qa=salary-range]',
  description: '[data-qa=job-description], .posting-page [data-qa=closing-description]',
};

export const lever: SiteExtractor = {
  name: 'Lever',
  matches: (u) => LEVER_HOSTS.test(u.hostname),
  extract(doc) {
    const title = firstText(doc, SEL.title);
    const page = docTitle(doc);
    // "<company> - <title>"; the title may itself hold " - ", so cut where the title starts.
    const at = title ? page.lastIndexOf(` - ${title}`) : -1;
    const company = clean(at > 0 ? page.slice(0, at) : page.split(' - ')[0]);
    const known = company === page ? '' : company;
    return {
      // The form alone has no heading: the page title after the company.
      position_title: title || (known && page.slice(known.length + 3)),
      company_name: known,
      location: firstText(doc, SEL.location),
      salary: findSalaryInText(firstText(doc, SEL.pay)) ?? undefined,
      description: linesOf(doc.querySelector(SEL.description)),
    };
  },
};
