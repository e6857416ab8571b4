/**
 * LinkedIn, in its layouts. Every lookup is scoped to the job the page is about: the top card of a
 * job page or the open pane of a search page, never the cards of other jobs listed beside it.
 */
import { payIn } from './salary';
import { clean, docTitle, firstText, linesOf, textOf } from './text';
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
 * Signed-in job view `/jobs/view/<id>` and the signed-in search's open-job pane (Ember layout,
 * 2023-26, with hashed classes beside these; `job-details-jobs-unified-top-card__*`, earlier
 * `jobs-unified-top-card__*`). Proved by signed-in-search-turnit.html and
 * test/pages/linkedin-job-view.html, test/pages/linkedin-search-second-card.html.
 */
const MEMBER = {
  pane: '.jobs-search__job-details,.scaffold-layout__detail,.job-view-layout,.jobs-details',
  title: '[class*="unified-top-card__job-title"]',
  company: '[class*="unified-top-card__company-name"]',
  /** "Tartu, Tartumaa, Estonia · 1 hour ago · 1 applicant" */
  metaLine:
    '[class*="unified-top-card__primary-description"],[class*="unified-top-card__tertiary-description"],[class*="unified-top-card__subtitle-primary"]',
  /** Pay pills ("$120K/yr - $150K/yr") and the salary card of the job. */
  salary:
    '[class*="fit-level-preferences"] button,[class*="preferences-and-skills"],[class*="unified-top-card__job-insight"],#SALARY',
  description: '#job-details,.jobs-description__content',
};

/** The words that follow the location on the line under the company: "2 days ago · 40 applicants". */
const AFTER_LOCATION = /\b(ago|reposted|applicants?|clicked apply|promoted|actively)\b/i;

/** The location: the first part of the line "Location · 2 days ago · N applicants" (not the company). */
function locationFrom(line: string, company: string): string {
  const parts = line.split('·').map(clean).filter(Boolean);
  const first = parts[0]?.toLowerCase() === company.toLowerCase() ? parts[1] : parts[0];
  return first && !AFTER_LOCATION.test(first) ? first : '';
}

/** A salary in a short text: a pay pill ("$120K/yr - $150K/yr") or the salary card. */
const pay = (text: string): Salary | undefined => (text.length > 300 ? undefined : payIn(text));

function salaryIn(scope: ParentNode, selector: string): Salary | undefined {
  for (const el of scope.querySelectorAll(selector)) {
    const s = pay(textOf(el));
    if (s) return s;
  }
  return undefined;
}

/**
 * The page title: "(3) Staff Engineer | Acme Corp | LinkedIn" (signed in) or "Heidi hiring Senior
 * Engineer in Melbourne, Victoria, Australia | LinkedIn" (signed out).
 */
function fromTitle(doc: Document): PartialJob {
  const page = docTitle(doc);
  const guest = /^(.+?) hiring (.+) in (.+) \| LinkedIn$/.exec(page);
  if (guest) return { company_name: guest[1], position_title: guest[2], location: guest[3] };
  const parts = page.split(' | ');
  if (parts.length < 3 || parts.pop() !== 'LinkedIn') return {};
  const company = parts.pop();
  return { position_title: parts.join(' | '), company_name: company };
}

/**
 * The 2025-26 layout: every class name a hash, no `<h1>`. Stable anchors only: the page title,
 * the job pane in `<main>`, links to `/company/` that are not in a list of other jobs (`li`), and
 * the line "Location · time ago · applicants" beside the company. Proved by
 * test/pages/linkedin-2026-hashed.html.
 */
function hashed(doc: Document): PartialJob {
  const job = fromTitle(doc);
  const scope = doc.querySelector('main') ?? doc;
  const link = [...scope.querySelectorAll('a[href*="/company/"]')].find(
    (a) => !a.closest('li') && textOf(a),
  );
  job.company_name = textOf(link) || job.company_name;
  for (const h of scope.querySelectorAll('h2')) {
    if (/^about the job$/i.test(textOf(h))) job.description = linesOf(h.parentElement);
  }
  // Walk up from the company link to the top card's line "Location · 2 days ago · N applicants";
  // the pay pills ("$165K/yr - $195K/yr") are that line's neighbours.
  let el: Element | null | undefined = link;
  for (let up = 0; el && up < 5; up++, el = el.parentElement) {
    let sib = el.nextElementSibling;
    for (let n = 0; sib && n < 6; n++, sib = sib.nextElementSibling) {
      const t = textOf(sib);
      const place =
        t.length < 300 && AFTER_LOCATION.test(t) && locationFrom(t, job.company_name ?? '');
      if (!place) continue;
      job.location = place;
      for (const pill of sib.parentElement?.children ?? []) job.salary ??= pay(textOf(pill));
      return job;
    }
  }
  return job;
}

/** A top card: title, company and location in `card`, pay and description in `scope`. */
function topCard(
  card: ParentNode,
  scope: ParentNode,
  sel: typeof GUEST | typeof MEMBER,
  location: (company: string) => string,
): PartialJob {
  const company = firstText(card, sel.company);
  return {
    position_title: firstText(card, sel.title),
    company_name: company,
    location: location(company),
    salary: salaryIn(scope, sel.salary),
    description: linesOf(scope.querySelector(sel.description)),
  };
}

export const linkedin: SiteExtractor = {
  name: 'LinkedIn',
  matches: isLinkedIn,
  address: linkedInAddress,
  extract(doc, url) {
    // Every job page, pane and fragment names its job in the address; other pages are no job.
    if (!linkedInJobId(url)) return {};
    const guest = doc.querySelector(GUEST.card);
    if (guest) return topCard(guest, doc, GUEST, () => firstText(guest, GUEST.location));
    // The open job's pane; on a job page the top card is the only one.
    const pane = doc.querySelector(MEMBER.title)?.closest(MEMBER.pane) ?? doc;
    if (pane.querySelector(MEMBER.title))
      return topCard(pane, pane, MEMBER, (company) =>
        locationFrom(firstText(pane, MEMBER.metaLine), company),
      );
    return hashed(doc);
  },
};
