/**
 * The injected extractors: a career site with rules of its own is read by those rules and the
 * fallbacks (its group's script, /extractor-<group>.js: ./career-hosts.ts), every other page by the
 * generic rules and the fallbacks (/extractor.js). LinkedIn and Indeed have none: their tabs have
 * their own content script (the background injects it again into a tab that lost it).
 */
import { ashby } from './ashby';
import { bosszhipin } from './bosszhipin';
import { breezy } from './breezy';
import type { CareerSiteKey } from './career-hosts';
import { computrabajo } from './computrabajo';
import { generic } from './generic';
import { glassdoor } from './glassdoor';
import { greenhouse } from './greenhouse';
import { hh } from './hh';
import { createExtractor, type Extractor, FALLBACKS, type JobDraft } from './index';
import { jobindex } from './jobindex';
import { kyujinbox } from './kyujinbox';
import { lever } from './lever';
import { oracle } from './oracle';
import { paylocity } from './paylocity';
import { personio } from './personio';
import { refline } from './refline';
import { jobstreet, seek } from './seek';
import { simplyhired } from './simplyhired';
import { smartrecruiters } from './smartrecruiters';
import type { SiteExtractor } from './types';
import { wellfound } from './wellfound';
import { workable } from './workable';
import { workday } from './workday';
import { ziprecruiter } from './ziprecruiter';

/** For the CLI and the tests, which route a page as the background does (./any-page.ts). */
export const CAREER_SITES: Record<CareerSiteKey, SiteExtractor> = {
  ashby,
  bosszhipin,
  breezy,
  computrabajo,
  glassdoor,
  greenhouse,
  hh,
  jobindex,
  jobstreet,
  kyujinbox,
  lever,
  oracle,
  paylocity,
  personio,
  refline,
  seek,
  simplyhired,
  smartrecruiters,
  wellfound,
  workable,
  workday,
  ziprecruiter,
};

/**
 * The sites of each script, as `CAREER_HOSTS` groups them (a unit test holds the two together); one
 * constant each, so that a script bundles its own sites' rules and no other's.
 */
export const ATS_SITES = [ashby, breezy, greenhouse, lever, personio, smartrecruiters, workable];
export const ENTERPRISE_SITES = [oracle, paylocity, refline, workday];
export const BOARD_SITES = [
  bosszhipin,
  computrabajo,
  glassdoor,
  hh,
  jobindex,
  jobstreet,
  kyujinbox,
  seek,
  simplyhired,
  wellfound,
  ziprecruiter,
];

/** The extractor of `site`'s pages; without one, of any page. */
export const careerPageExtractor = (site?: SiteExtractor): Extractor =>
  createExtractor([site ?? generic], FALLBACKS);

/**
 * What an injected extractor answers: the page it runs in, read with the rules of `sites` (the one
 * whose address it is). Each script passes its own, so that it bundles no other script's rules.
 */
export const readThisPage = (sites: SiteExtractor[]): JobDraft =>
  createExtractor(sites, FALLBACKS)(document, new URL(location.href));
