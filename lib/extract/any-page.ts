/**
 * Any page read as the extension reads it: a LinkedIn or Indeed page by its content script's
 * extractor (that site's rules alone), every other page by the injected generic one. The CLI,
 * `npm run score:capture` and the tests go through here, so that they measure what users get.
 */
import { extractCareerPage } from './career-sites';
import { indeed } from './indeed';
import { createExtractor, type Extractor } from './index';
import { linkedin } from './linkedin';

const CONTENT_SCRIPT_SITES = [linkedin, indeed].map(
  (site) => [site, createExtractor([site])] as const,
);

export const extractJob: Extractor = (doc, url) => {
  const own = CONTENT_SCRIPT_SITES.find(([site]) => site.matches(url));
  return (own?.[1] ?? extractCareerPage)(doc, url);
};
