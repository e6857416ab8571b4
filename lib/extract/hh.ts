/**
 * hh.ru (HeadHunter, and its sites hh.kz, hh.uz, ...): the vacancy page's `data-qa` attributes,
 * which outlive its hashed `magritte-*` class names. Proved by
 * test/corpus/pages/hh/vacancy-ru-tetrika-sales-manager.html.
 */
import { HH_HOSTS } from './career-hosts';
import { readFields } from './fields';
import type { SiteExtractor } from './types';

const qa = (name: string): string => `[data-qa="vacancy-${name}"]`;

export const hh: SiteExtractor = {
  name: 'hh.ru',
  matches: (u) => HH_HOSTS.test(u.hostname),
  extract: (doc) =>
    readFields(doc, {
      title: qa('title'),
      company: qa('company-name'),
      location: `${qa('address-with-map')},${qa('view-location')}`,
      salary: qa('salary'),
      description: qa('description'),
    }),
};
