/**
 * LinkedIn, in its layouts. Every lookup is scoped to the job the page is about: the top card of a
 * job page or the open pane of a search page, never the cards of other jobs listed beside it.
 */

import { createExtractor, type Extractor } from './index';
import { payIn } from './salary';
import { clean, docTitle, firstText, linesOf, SHOW_TEXT, textOf } from './text';
import type { PartialJob, Salary, SiteExtractor } from './types';
import { isLinkedIn, linkedInAddress, linkedInJobId } from './url';

/**
 * Public (signed-out) job page and its fragment: `.top-card-layout` top card.
 * Proved by guest-view-heidi.html and guest-fragment-notion.html.
 */
const GUEST = {
  card: '.top-card-layout',
  title: '.top-card-layout__title',
  company: '.topcard__org-name-link,.topcard__flavor a[href*="/company/"]',
  location: '.topcard__flavor-row .topcard__flavor--bullet:not(.topcard__flavor--metadata)',
  /** "Base pay range" of the job itself; similar-job cards use `.main-job-card__salary-info`. */
  salary: '.compensation__salary',
  /** The description's own markup; the box around it also holds "Show more"/"Show less" buttons. */
  description: '.show-more-less-html__markup',
};

/**
 * The words that follow the location on the line under the company: "2 days ago · 40 applicants",
 * in LinkedIn's other languages too ("Ripubblicata: 1 ora fa · 55 persone hanno cliccato sul
 * pulsante “Candidati”", "il y a 2 jours · 40 candidats", "vor 2 Tagen · 40 Bewerber").
 */
const AFTER_LOCATION =
  /\b(ago|reposted|applicants?|clicked apply|promoted|actively|fa|ripubblicat\w*|candidat\w*|il y a|republi\w*|vor|bewerb\w*|hace|solicitudes|geleden|sollicitant\w*)\b/i;

/** The location: the first part of the line "Location · 2 days ago · N applicants" (not the company). */
function locationFrom(line: string, company: string): string {
  const parts = line.split('·').map(clean).filter(Boolean);
  const first = parts[0]?.toLowerCase() === company.toLowerCase() ? parts[1] : parts[0];
  return first && !AFTER_LOCATION.test(first) ? first : '';
}

/** A salary in a short text: a pay pill ("$120K/yr - $150K/yr") or the salary card. */
const pay = (text: string): Salary | undefined => (text.length > 300 ? undefined : payIn(text));

/**
 * The page title: "(3) Staff Engineer | Acme Corp | LinkedIn" (signed in), "Heidi hiring Senior
 * Engineer in Melbourne, Victoria, Australia | LinkedIn" (signed out) or "Staff Engineer at Acme
 * Corp — Denver, CO | LinkedIn Jobs".
 */
function fromTitle(doc: Document): PartialJob {
  const page = docTitle(doc);
  const m =
    /^(.+?) hiring (.+) in (.+) \| LinkedIn$/.exec(page) ??
    /^()(.+?) at (.+?) [—–-] (.+?) \| LinkedIn/.exec(page);
  if (m) {
    const [, hiring, title, place, at] = m;
    return at
      ? { position_title: title, company_name: place, location: at }
      : { company_name: hiring, position_title: title, location: place };
  }
  const parts = page.split(' | ');
  if (parts.length < 3 || parts.pop() !== 'LinkedIn') return {};
  const company = parts.pop();
  return { position_title: parts.join(' | '), company_name: company };
}

/** The open job's screen in the 2026 layouts (`...SemanticJobDetails` in a search, `...JobDetails`). */
const SCREEN = '[data-sdui-screen*="JobDetails"]';
/** A card of a list of jobs (2026: `div[role=button][componentkey]`; before: `li`), never the open job. */
const CARD = '[role="button"][componentkey],li';
/** A line that is only pay: "$95/hr - $135/hr", "€50K/yr", "CA$120K/yr - CA$150K/yr (from job description)". */
const PAY_LINE =
  /^[A-Z]{0,3}[$€£¥₹][\d.,]+[KM]?(\/[a-z]{2,5})?( ?[-–] ?[A-Z]{0,3}[$€£¥₹]?[\d.,]+[KM]?(\/[a-z]{2,5})?)?( \(.*\))?$/;
/** What LinkedIn's hidden text adds to the title link. */
const VERIFIED = /\s*\(?verified job\)?$/i;

/**
 * Signed in, in every layout: the Ember job view and search pane (2023-26, hashed classes beside
 * `jobs-unified-top-card__*`) and the 2025-26 server-driven ones (every class a hash, no `<h1>`).
 * Stable anchors only: the job's screen (`data-sdui-screen` "...JobDetails"), else `<main>`; there,
 * outside the cards of other jobs, the link to the job itself (its text is the title), the
 * company's (`aria-label` "Company, ...", a link to `/company/`), the line "Location · time ago ·
 * applicants" near them, the first line that is only a pay range, and the "About the job" section;
 * the page title when no link names the job. Proved by signed-in-search-turnit.html (Ember search),
 * and test/pages/linkedin-2026-search-results.html, linkedin-2026-hashed.html,
 * linkedin-job-view.html, linkedin-search-second-card.html.
 */
function semantic(doc: Document, id: string): PartialJob {
  const scope = doc.querySelector(SCREEN) ?? doc.querySelector('main') ?? doc;
  const own = (selector: string): Element | undefined =>
    [...scope.querySelectorAll(selector)].find((el) => !el.closest(CARD) && textOf(el));
  const job = fromTitle(doc);
  const title = own(`a[href*="/jobs/view/${id}"]`);
  if (title) job.position_title = textOf(title).replace(VERIFIED, '');
  const link = own('[aria-label^="Company,"],a[href*="/company/"]');
  job.company_name = textOf(link) || job.company_name;
  const about = scope.querySelector(
    '[componentkey^="JobDetails_AboutTheJob"] [data-testid="expandable-text-box"]',
  );
  job.description = about
    ? linesOf(about).replace(/\s*… ?more$/, '')
    : [...scope.querySelectorAll('h2')]
        .filter((h) => /^about the job$/i.test(textOf(h)))
        .map((h) => linesOf(h.parentElement))[0];
  // Text nodes, not elements: the text of every wrapper would copy the page over and over.
  const walk = doc.createTreeWalker(scope, SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const t = clean(node.textContent);
    if (PAY_LINE.test(t) && !node.parentElement?.closest(`${CARD},[componentkey*="_Similar"]`)) {
      job.salary = pay(t);
      break;
    }
  }
  // Walk up from the title or the company to the line "Location · 2 days ago · N applicants".
  let el: Element | null | undefined = title ?? link;
  for (let up = 0; el && up < 5; up++, el = el.parentElement) {
    let sib = el.nextElementSibling;
    for (let n = 0; sib && n < 6; n++, sib = sib.nextElementSibling) {
      const t = textOf(sib);
      const place =
        t.length < 300 && AFTER_LOCATION.test(t) && locationFrom(t, job.company_name ?? '');
      if (place) {
        job.location = place;
        return job;
      }
    }
  }
  return job;
}

/** The open job's pane, in every layout: 2026's screen, the member pane, the signed-out search's. */
const PANES = `${SCREEN},.details-pane__content,.jobs-search__job-details,.scaffold-layout__detail`;

/**
 * The job open in the pane of a page whose address names none (the signed-out search
 * `/jobs/search/`): the pane's link to `/jobs/view/<id>`, its `data-entity-urn` or `data-job-id`.
 */
export function linkedInPaneJobId(doc: Document): string | undefined {
  for (const el of doc
    .querySelector(PANES)
    ?.querySelectorAll('a[href*="/jobs/view/"],[data-entity-urn],[data-job-id]') ?? []) {
    const id =
      el.getAttribute('data-job-id') ??
      /(?:\/jobs\/view\/(?:[^/?]*-)?|jobPosting:)(\d{6,})/.exec(
        `${el.getAttribute('href')} ${el.getAttribute('data-entity-urn')}`,
      )?.[1];
    if (id) return id;
  }
}

export const linkedin: SiteExtractor = {
  name: 'LinkedIn',
  matches: isLinkedIn,
  address: (url, doc) =>
    linkedInAddress(url, linkedInJobId(url) ?? (doc && linkedInPaneJobId(doc))),
  extract(doc, url) {
    // The job the address names, else the one open in the pane; a page without one shows no job.
    const id = linkedInJobId(url) ?? linkedInPaneJobId(doc);
    if (!id) return {};
    const guest = doc.querySelector(GUEST.card);
    return guest
      ? {
          position_title: firstText(guest, GUEST.title),
          company_name: firstText(guest, GUEST.company),
          location: firstText(guest, GUEST.location),
          salary: pay(firstText(doc, GUEST.salary)),
          description: linesOf(doc.querySelector(GUEST.description)),
        }
      : semantic(doc, id);
  },
};

/**
 * LinkedIn's pages read with its rules alone: what its content script answers, and what the CLI and
 * the tests read its pages with (./any-page.ts).
 */
export const extractLinkedInPage: Extractor = /* @__PURE__ */ createExtractor([linkedin]);
