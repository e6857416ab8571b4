/**
 * Breezy HR career portals (<company>.breezy.hr/p/<id>-<slug>, its /apply step too): the posting
 * header's list (`li.location`, `li.salary-range`), class names Breezy keeps for its portals'
 * themes. Proved by test/corpus/pages/breezy/apply-demo-position.html.
 */
import { BREEZY_HOSTS } from './career-hosts';
import { readFields } from './fields';
import type { SiteExtractor } from './types';

export const breezy: SiteExtractor = {
  name: 'Breezy HR',
  matches: (u) => BREEZY_HOSTS.test(u.hostname),
  extract: (doc) =>
    readFields(doc, {
      location: '.position li.location,li.location',
      salary: 'li.salary-range',
      description: '.description',
    }),
};
