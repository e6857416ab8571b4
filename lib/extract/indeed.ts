/**
 * Indeed on every country host. A `/viewjob?jk=` page is one job; a search page shows a list of
 * result cards and, in the right pane, the job named by `vjk=`: only that pane is read, never the
 * first card by accident.
 */

import { createExtractor, type Extractor } from './index';
import { findSalaryInText, parseSalary } from './salary';
import { firstText, linesOf, textOf } from './text';
import type { PartialJob, SiteExtractor } from './types';
import { indeedAddress, indeedJobKey, isIndeed } from './url';

/**
 * Job header, 2024-26 layout (`data-testid` attributes; class names are emotion hashes).
 * Proved by viewjob-papercut.html (the page) and search-pane-aceone.html (the pane).
 */
const SEL = {
  /** The search page's right pane; a `/viewjob` page has none and is read whole. */
  pane: '#jobsearch-ViewjobPaneWrapper,.jobsearch-RightPane,#vjs-container',
  title:
    '[data-testid="jobsearch-JobInfoHeader-title"],.jobsearch-JobInfoHeader-title,[data-testid="simpler-jobTitle"]',
  /** The 2025 "simpler" header names the company in the first line after the title. */
  company:
    '[data-testid="inlineHeader-companyName"],[data-company-name="true"],[data-testid="simpler-jobTitle"]+div>span',
  location:
    '[data-testid="inlineHeader-companyLocation"],[data-testid="jobsearch-JobInfoHeader-companyLocation"],[data-testid="job-location"]',
  /** "$130,000 - $160,000 a year - Full-time"; the profile insights' "Pay" group. */
  salary: '#salaryInfoAndJobType,[role="group"][aria-label="Pay"]',
  description: '#jobDescriptionText',
};

/**
 * A result card (`a[data-jk]` inside), read only when the pane of the job named by `vjk=` has not
 * loaded: the selected card is then the job on screen. Proved by test/pages/indeed-search-third.html.
 */
function fromCard(doc: Document, jk: string): PartialJob {
  const link = doc.querySelector(`a[data-jk="${jk}"]`);
  const card = link?.closest('.job_seen_beacon,.cardOutline,li');
  if (!link || !card) return {};
  return {
    position_title: firstText(card, `#jobTitle-${jk},.jobTitle`),
    company_name: firstText(card, '[data-testid="company-name"],.companyName'),
    location: firstText(card, '[data-testid="text-location"],.companyLocation'),
  };
}

/**
 * The job open in the pane of a search whose address names none (`/jobs?q=` without `vjk`): the
 * `jk` or `fromjk` of the pane's links (apply, company), else the result card of the pane's title.
 * Proved by search-pane-aceone.html and search-novjk-signed-in-ussugar.html.
 */
export function indeedPaneJobKey(doc: Document): string | undefined {
  const pane = doc.querySelector(SEL.pane);
  for (const a of pane?.querySelectorAll('a[href*="jk="]') ?? []) {
    const jk = /[?&](?:from)?jk=([\da-f]{16})\b/.exec(a.getAttribute('href') ?? '')?.[1];
    if (jk) return jk;
  }
  // A pane without such links (the 2025 "simpler" header): the one result card of its title.
  const title = pane && firstText(pane, SEL.title);
  const keys = new Set(
    [...doc.querySelectorAll('a[data-jk]')]
      .filter((a) => title && textOf(a) === title)
      .map((a) => a.getAttribute('data-jk')),
  );
  return keys.size === 1 ? ([...keys][0] ?? undefined) : undefined;
}

/** The screen-reader suffix of the pane's title ("PHP Developer - job post"). */
const JOB_POST = /\s+-\s+job post$/i;

export const indeed: SiteExtractor = {
  name: 'Indeed',
  matches: isIndeed,
  address: (url, doc) => indeedAddress(url, indeedJobKey(url) ?? (doc && indeedPaneJobKey(doc))),
  extract(doc, url) {
    const pane = doc.querySelector(SEL.pane) ?? doc;
    const title = firstText(pane, SEL.title).replace(JOB_POST, '');
    const jk = indeedJobKey(url) ?? indeedPaneJobKey(doc);
    if (!title) return jk ? fromCard(doc, jk) : {};
    const pay = pane.querySelector(SEL.salary);
    const payText = textOf(pay?.firstElementChild) || '';
    return {
      position_title: title,
      company_name: firstText(pane, SEL.company),
      location: firstText(pane, SEL.location),
      salary: parseSalary(payText) ?? findSalaryInText(textOf(pay)) ?? undefined,
      description: linesOf(pane.querySelector(SEL.description)),
    };
  },
};

/**
 * Indeed's pages read with its rules alone: what its content script answers, and what the CLI and
 * the tests read its pages with (./any-page.ts).
 */
export const extractIndeedPage: Extractor = /* @__PURE__ */ createExtractor([indeed]);
