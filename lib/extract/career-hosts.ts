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
export const COMPUTRABAJO_HOSTS = /(^|\.)computrabajo\.com$/;
export const GLASSDOOR_HOSTS = /(^|\.)glassdoor\.[a-z.]+$/;
export const GREENHOUSE_HOSTS = /(^|\.)greenhouse\.io$/;
export const HH_HOSTS = /(^|\.)hh\.(ru|kz|uz|by)$/;
export const JOBINDEX_HOSTS = /(^|\.)jobindex\.dk$/;
export const JOBSTREET_HOSTS = /(^|\.)jobstreet\.com$/;
/** 求人ボックス.com, as an address spells it. */
export const KYUJINBOX_HOSTS = /(^|\.)xn--pckua2a7gp15o89zb\.com$/;
export const LEVER_HOSTS = /(^|\.)lever\.co$/;
export const ORACLE_HOSTS = /\.fa(\.[a-z\d-]+)?\.oraclecloud\.com$/;
export const PAYLOCITY_HOSTS = /(^|\.)recruiting\.paylocity\.com$/;
export const PERSONIO_HOSTS = /\.jobs\.personio\.[a-z]+$/;
export const REFLINE_HOSTS = /(^|\.)refline\.ch$/;
export const SEEK_HOSTS = /(^|\.)seek\.(com|com\.au|co\.nz)$/;
export const SIMPLYHIRED_HOSTS = /(^|\.)simplyhired\.[a-z.]+$/;
export const SMARTRECRUITERS_HOSTS = /(^|\.)smartrecruiters\.com$/;
export const WELLFOUND_HOSTS = /(^|\.)wellfound\.com$/;
export const WORKABLE_HOSTS = /(^|\.)workable\.com$/;
export const WORKDAY_HOSTS = /\.myworkday(jobs|site)\.com$/;
export const ZIPRECRUITER_HOSTS = /(^|\.)ziprecruiter\.[a-z.]+$/;

/** The script that holds a site's rules, /extractor-<script>.js. */
export type InjectedScript = 'ats' | 'enterprise' | 'boards';

/**
 * Each site's hosts, and the script that holds its rules: the startups' ATSs, the large employers'
 * ones, the job boards (each 18-20 KB).
 */
export const CAREER_HOSTS = {
  ashby: { hosts: ASHBY_HOSTS, script: 'ats' },
  bosszhipin: { hosts: BOSSZHIPIN_HOSTS, script: 'boards' },
  breezy: { hosts: BREEZY_HOSTS, script: 'ats' },
  computrabajo: { hosts: COMPUTRABAJO_HOSTS, script: 'boards' },
  glassdoor: { hosts: GLASSDOOR_HOSTS, script: 'boards' },
  greenhouse: { hosts: GREENHOUSE_HOSTS, script: 'ats' },
  hh: { hosts: HH_HOSTS, script: 'boards' },
  jobindex: { hosts: JOBINDEX_HOSTS, script: 'boards' },
  jobstreet: { hosts: JOBSTREET_HOSTS, script: 'boards' },
  kyujinbox: { hosts: KYUJINBOX_HOSTS, script: 'boards' },
  lever: { hosts: LEVER_HOSTS, script: 'ats' },
  oracle: { hosts: ORACLE_HOSTS, script: 'enterprise' },
  paylocity: { hosts: PAYLOCITY_HOSTS, script: 'enterprise' },
  personio: { hosts: PERSONIO_HOSTS, script: 'ats' },
  refline: { hosts: REFLINE_HOSTS, script: 'enterprise' },
  seek: { hosts: SEEK_HOSTS, script: 'boards' },
  simplyhired: { hosts: SIMPLYHIRED_HOSTS, script: 'boards' },
  smartrecruiters: { hosts: SMARTRECRUITERS_HOSTS, script: 'ats' },
  wellfound: { hosts: WELLFOUND_HOSTS, script: 'boards' },
  workable: { hosts: WORKABLE_HOSTS, script: 'ats' },
  workday: { hosts: WORKDAY_HOSTS, script: 'enterprise' },
  ziprecruiter: { hosts: ZIPRECRUITER_HOSTS, script: 'boards' },
} as const satisfies Record<string, { hosts: RegExp; script: InjectedScript }>;

export type CareerSiteKey = keyof typeof CAREER_HOSTS;

/** The career site with rules of its own that serves `url`, if one does. */
export function careerSiteOf(url: URL): CareerSiteKey | undefined {
  return (Object.keys(CAREER_HOSTS) as CareerSiteKey[]).find((key) =>
    CAREER_HOSTS[key].hosts.test(url.hostname),
  );
}
