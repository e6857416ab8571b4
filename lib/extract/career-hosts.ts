/**
 * The hosts of the career sites that have rules of their own. Their rules are injected apart from
 * the generic extractor (/extractor.js), which so keeps its size budget for the rules that serve
 * every other site: a few sites to a script (entrypoints/extractor-<group>.ts), each script with the
 * fallbacks. A script per site kept each smallest, but its eighteen copies of the fallbacks took the
 * package over its 200 KB. The background picks the file from the tab's address with these
 * patterns, and each site's `matches` tests its own, so the two cannot disagree. One constant per
 * host, so that a script bundles its sites' patterns and no other.
 */
export const ASHBY_HOSTS = /(^|\.)ashbyhq\.com$/;
export const BOSSZHIPIN_HOSTS = /(^|\.)zhipin\.com$/;
export const BREEZY_HOSTS = /(^|\.)breezy\.hr$/;
export const GLASSDOOR_HOSTS = /(^|\.)glassdoor\.[a-z.]+$/;
export const GREENHOUSE_HOSTS = /(^|\.)greenhouse\.io$/;
export const HH_HOSTS = /(^|\.)hh\.(ru|kz|uz|by)$/;
export const JOBSTREET_HOSTS = /(^|\.)jobstreet\.com$/;
/** 求人ボックス.com, as an address spells it. */
export const KYUJINBOX_HOSTS = /(^|\.)xn--pckua2a7gp15o89zb\.com$/;
export const LEVER_HOSTS = /(^|\.)lever\.co$/;
export const ORACLE_HOSTS = /\.fa(\.[a-z\d-]+)?\.oraclecloud\.com$/;
export const PERSONIO_HOSTS = /\.jobs\.personio\.[a-z]+$/;
export const REFLINE_HOSTS = /(^|\.)refline\.ch$/;
export const SEEK_HOSTS = /(^|\.)seek\.(com|com\.au|co\.nz)$/;
export const SIMPLYHIRED_HOSTS = /(^|\.)simplyhired\.[a-z.]+$/;
export const SMARTRECRUITERS_HOSTS = /(^|\.)smartrecruiters\.com$/;
export const WORKABLE_HOSTS = /(^|\.)workable\.com$/;
export const WORKDAY_HOSTS = /\.myworkday(jobs|site)\.com$/;
export const ZIPRECRUITER_HOSTS = /(^|\.)ziprecruiter\.[a-z.]+$/;

export const CAREER_HOSTS = {
  ashby: ASHBY_HOSTS,
  bosszhipin: BOSSZHIPIN_HOSTS,
  breezy: BREEZY_HOSTS,
  glassdoor: GLASSDOOR_HOSTS,
  greenhouse: GREENHOUSE_HOSTS,
  hh: HH_HOSTS,
  jobstreet: JOBSTREET_HOSTS,
  kyujinbox: KYUJINBOX_HOSTS,
  lever: LEVER_HOSTS,
  oracle: ORACLE_HOSTS,
  personio: PERSONIO_HOSTS,
  refline: REFLINE_HOSTS,
  seek: SEEK_HOSTS,
  simplyhired: SIMPLYHIRED_HOSTS,
  smartrecruiters: SMARTRECRUITERS_HOSTS,
  workable: WORKABLE_HOSTS,
  workday: WORKDAY_HOSTS,
  ziprecruiter: ZIPRECRUITER_HOSTS,
} as const;

export type CareerSiteKey = keyof typeof CAREER_HOSTS;

/**
 * The script that holds each site's rules, /extractor-<group>.js: the startups' ATSs, the large
 * employers' ones, the job boards (each about 18-21 KB).
 */
export const SCRIPT_OF: Record<CareerSiteKey, 'ats' | 'enterprise' | 'boards'> = {
  ashby: 'ats',
  breezy: 'ats',
  greenhouse: 'ats',
  lever: 'ats',
  personio: 'ats',
  smartrecruiters: 'ats',
  workable: 'ats',
  oracle: 'enterprise',
  refline: 'enterprise',
  workday: 'enterprise',
  bosszhipin: 'boards',
  glassdoor: 'boards',
  hh: 'boards',
  jobstreet: 'boards',
  kyujinbox: 'boards',
  seek: 'boards',
  simplyhired: 'boards',
  ziprecruiter: 'boards',
};

/** The career site with rules of its own that serves `url`, if one does. */
export function careerSiteOf(url: URL): CareerSiteKey | undefined {
  return (Object.keys(CAREER_HOSTS) as CareerSiteKey[]).find((key) =>
    CAREER_HOSTS[key].test(url.hostname),
  );
}
