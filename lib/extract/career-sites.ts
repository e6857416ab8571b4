/**
 * What the injected generic extractor knows: every career site's rules and every fallback, for
 * pages no content script covers. LinkedIn and Indeed are left out: their tabs have their own
 * content script (the background injects it again into a tab that lost it), and their rules
 * would take a third of this script's size budget.
 */
import { ashby } from './ashby';
import { bosszhipin } from './bosszhipin';
import { breezy } from './breezy';
import { generic } from './generic';
import { glassdoor } from './glassdoor';
import { greenhouse } from './greenhouse';
import { hh } from './hh';
import { createExtractor, type Extractor, FALLBACKS } from './index';
import { lever } from './lever';
import { personio } from './personio';
import { refline } from './refline';
import { jobstreet, seek } from './seek';
import { smartrecruiters } from './smartrecruiters';
import type { SiteExtractor } from './types';
import { workable } from './workable';
import { workday } from './workday';
import { ziprecruiter } from './ziprecruiter';

/** In the order they are tried; the generic rules last. */
export const CAREER_SITES: SiteExtractor[] = [
  greenhouse,
  lever,
  workday,
  ashby,
  breezy,
  bosszhipin,
  glassdoor,
  personio,
  refline,
  seek,
  jobstreet,
  smartrecruiters,
  workable,
  ziprecruiter,
  hh,
  generic,
];

export const extractCareerPage: Extractor = /* @__PURE__ */ createExtractor(
  CAREER_SITES,
  FALLBACKS,
);
