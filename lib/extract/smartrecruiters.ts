/**
 * SmartRecruiters (jobs.smartrecruiters.com; its one-click application, /oneclick-ui/): the top
 * bar's `data-test` attributes. The company is named by the title ("Easy apply - <title> -
 * <company>") and the logo's text alternative ("<company> Logo"). Proved by
 * test/corpus/pages/smartrecruiters/oneclick-apply-kpmg-kdn-python-ai.html.
 */
import { SMARTRECRUITERS_HOSTS } from './career-hosts';
import { readFields } from './fields';
import { clean, docTitle } from './text';
import type { SiteExtractor } from './types';

const at = (name: string): string => `[data-test="topbar-${name}"]`;

export const smartrecruiters: SiteExtractor = {
  name: 'SmartRecruiters',
  matches: (u) => SMARTRECRUITERS_HOSTS.test(u.hostname),
  extract(doc) {
    const logo = doc.querySelector(at('logo'))?.getAttribute('alt');
    return {
      ...readFields(doc, { title: at('job-title'), location: at('location') }),
      company_name: clean(logo?.replace(/ logo$/i, '')) || docTitle(doc).split(' - ')[2],
    };
  },
};
