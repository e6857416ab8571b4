/**
 * Any page read as the extension reads it: a LinkedIn or Indeed page by its content script's
 * extractor (that site's rules alone), a career site with rules of its own by its injected
 * extractor, every other page by the generic one. The CLI, `npm run score:capture` and the tests go
 * through here, so that they measure what users get.
 */
import { careerSiteOf } from './career-hosts';
import { CAREER_SITES, careerPageExtractor } from './career-sites';
import { extractIndeedPage, indeed } from './indeed';
import type { Extractor } from './index';
import { extractLinkedInPage, linkedin } from './linkedin';

const CONTENT_SCRIPT_SITES = [
  [linkedin, extractLinkedInPage],
  [indeed, extractIndeedPage],
] as const;

export const extractJob: Extractor = (doc, url) => {
  const own = CONTENT_SCRIPT_SITES.find(([site]) => site.matches(url));
  if (own) return own[1](doc, url);
  const career = careerSiteOf(url);
  return careerPageExtractor(career && CAREER_SITES[career])(doc, url);
};
