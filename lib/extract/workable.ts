/**
 * Workable's hosted career pages (apply.workable.com/<account>/j/<id>/, its /apply/ tab too): the
 * `data-ui` attributes of the job header. The company is named only by its logo's text alternative
 * and the title's decorations ("<title> - <company> - Application"). Proved by
 * test/corpus/pages/workable/apply-huble.html.
 */
import { readFields } from './fields';
import { clean } from './text';
import type { SiteExtractor } from './types';

const ui = (name: string): string => `[data-ui="${name}"]`;

export const workable: SiteExtractor = {
  name: 'Workable',
  matches: (u) => /(^|\.)workable\.com$/.test(u.hostname),
  extract: (doc) => ({
    ...readFields(doc, {
      title: ui('job-title'),
      location: ui('job-location'),
      salary: ui('job-salary'),
      description: ui('job-description'),
    }),
    company_name: clean(
      doc.querySelector(`${ui('company-logo')} img,${ui('header-logo')} img`)?.getAttribute('alt'),
    ),
  }),
};
