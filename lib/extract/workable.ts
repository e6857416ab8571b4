/**
 * Workable's hosted career pages (apply.workable.com/<account>/j/<id>/, its /apply/ tab too): the
 * `data-ui` attributes of the job header. The company is named only by its logo's text alternative
 * and the title's decorations ("<title> - <company> - Application"). Proved by
 * test/corpus/pages/workable/apply-huble.html.gz, and the form alone by apply-form-dwf-sysadmin.html.
 */
import { WORKABLE_HOSTS } from './career-hosts';
import { readFields } from './fields';
import { clean, docTitle } from './text';
import type { SiteExtractor } from './types';

const ui = (name: string): string => `[data-ui="${name}"]`;

export const workable: SiteExtractor = {
  name: 'Workable',
  matches: (u) => WORKABLE_HOSTS.test(u.hostname),
  extract(doc) {
    const job = readFields(doc, {
      title: ui('job-title'),
      location: ui('job-location'),
      salary: ui('job-salary'),
      description: ui('job-description'),
    });
    // The application form alone (no header): "<title> - <company> - Application".
    const page = docTitle(doc).replace(/ - application$/i, '');
    const cut = page.lastIndexOf(' - ');
    const logo = doc.querySelector(`${ui('company-logo')} img,${ui('header-logo')} img`);
    return {
      ...job,
      position_title: job.position_title || (cut > 0 ? page.slice(0, cut) : ''),
      company_name: clean(logo?.getAttribute('alt')) || (cut > 0 ? page.slice(cut + 3) : ''),
    };
  },
};
