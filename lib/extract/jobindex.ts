/**
 * Jobindex (jobindex.dk, Denmark's largest board). Its own ads ("r" ids) name the company and the
 * place in the ad's top bar (`.jobtext-jobad__company`, `.jobtext-jobad__place`); an employer's own
 * template ("h" ids) names neither, but links to the employer's profile on the board
 * (`/virksomhed/<id>/<slug>`), whose slug the ad's text spells ("arla-foods-amba": "Arla Foods").
 * Proved by jobindex/jobannonce-novo-nordisk-… and jobannonce-arla-….
 */
import { JOBINDEX_HOSTS } from './career-hosts';
import { clean, firstText, textOf } from './text';
import type { SiteExtractor } from './types';

/** The employer as the page's text spells its profile's slug, from its first words on. */
function profileName(doc: Document): string {
  const href = doc.querySelector('a[href*="/virksomhed/"]')?.getAttribute('href') ?? '';
  const words = /\/virksomhed\/\d+\/([a-z\d-]+)/.exec(href)?.[1]?.split('-') ?? [];
  const text = clean(doc.body.textContent).slice(0, 200_000);
  for (let n = words.length; n > 0; n--) {
    const name = new RegExp(`\\b${words.slice(0, n).join('[\\s-]+')}\\b`, 'i').exec(text)?.[0];
    if (name && /\p{Lu}/u.test(name)) return name;
  }
  return '';
}

export const jobindex: SiteExtractor = {
  name: 'Jobindex',
  matches: (u) => JOBINDEX_HOSTS.test(u.hostname),
  extract: (doc) => ({
    company_name: firstText(doc, '.jobtext-jobad__company') || profileName(doc),
    // An employer's template marks its place with a pin of its own (`.location`).
    location: firstText(doc, '.jobtext-jobad__place') || textOf(doc.querySelector('.location')),
  }),
};
