/**
 * The clean, canonical address of the job a page is about, and the key that recognises the same
 * job saved twice. LinkedIn and Indeed name their jobs in the address and are rebuilt from the id
 * (`linkedInAddress`, `indeedAddress`: all their content scripts need); other sites are cleaned of
 * tracking parameters by `jobAddress`, which only the full waterfall bundles.
 */
import type { JobAddress, Origin } from './types';

/** The API's limit for `source_url`. */
export const MAX_URL = 255;

/** LinkedIn on any country host: www., au., uk., ... */
export const isLinkedIn = (u: URL): boolean => /(^|\.)linkedin\.com$/.test(u.hostname);
/** Indeed: indeed.com and its country sites, which all live under indeed.com (au., uk., ca., ...). */
export const isIndeed = (u: URL): boolean => /(^|\.)indeed\.com$/.test(u.hostname);

/** The LinkedIn job id: `/jobs/view/<id>`, `/jobs/view/<slug>-<id>`, or `currentJobId=` on list pages. */
export function linkedInJobId(u: URL): string | undefined {
  // The id ends the slug: a title may hold digits of its own ("ingénieur-h-f-092024-pst-…-3987801539").
  const view = /^\/jobs\/view\/(?:[^/]*-)?(\d{6,})(?:\/|$)/.exec(u.pathname);
  if (view) return view[1];
  const current = u.searchParams.get('currentJobId');
  return current && /^\d{6,}$/.test(current) ? current : undefined;
}

/** The Indeed job key: `jk=` on `/viewjob`, `vjk=` for the job open beside a search list. */
export function indeedJobKey(u: URL): string | undefined {
  const jk = u.searchParams.get('jk') || u.searchParams.get('vjk');
  return jk && /^[\da-z]{8,32}$/i.test(jk) ? jk : undefined;
}

/** `https://www.linkedin.com/jobs/view/<id>/` for a LinkedIn page that names a job (or shows `id`). */
export function linkedInAddress(page: URL, id = linkedInJobId(page)): JobAddress | undefined {
  if (id && isLinkedIn(page))
    return {
      url: `https://www.linkedin.com/jobs/view/${id}/`,
      key: `linkedin:${id}`,
      origin: 'url',
    };
}

/** `https://<country>.indeed.com/viewjob?jk=<jk>` for an Indeed page that names a job (or shows `jk`). */
export function indeedAddress(page: URL, jk = indeedJobKey(page)): JobAddress | undefined {
  if (!jk || !isIndeed(page)) return undefined;
  const host = page.hostname === 'indeed.com' ? 'www.indeed.com' : page.hostname;
  return { url: `https://${host}/viewjob?jk=${jk}`, key: `indeed:${jk}`, origin: 'url' };
}

/** The address without its query and hash, else the site when that is too long. Never a cut URL. */
export function pathOf(u: URL): string {
  const path = u.origin + u.pathname;
  return path.length <= MAX_URL ? path : `${u.origin}/`;
}

/** At most 255 characters: the whole address, else `pathOf`. */
const fit = (u: URL): string => (u.href.length <= MAX_URL ? u.href : pathOf(u));

/** Query parameters that track the visitor, never the job. */
const TRACKING =
  /^(utm_\w+|gh_src|trk|trkInfo|refId|trackingId|lever-(source|origin|via)|from|vjs|tk|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|ref|referrer|src|searchId|search_id|rps)$/i;

function parse(href: string | null | undefined, base: URL): URL | undefined {
  if (!href) return undefined;
  try {
    // An address written percent-encoded whole ("https%3A%2F%2F…", Kyujin Box's og:url).
    const raw = /^https?%3A/i.test(href.trim()) ? decodeURIComponent(href.trim()) : href.trim();
    const u = new URL(raw, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}

const bareHost = (u: URL): string => u.hostname.replace(/^www\./, '');

/** The address without tracking parameters, hash and an application-form suffix. */
function cleanAddress(u: URL, page: URL): URL {
  const out = new URL(u.href);
  out.hash = '';
  // The page is what the user is on; the same site's canonical must not downgrade it to http.
  if (page.protocol === 'https:') out.protocol = 'https:';
  const workday = /\.myworkday(jobs|site)\.com$/.test(out.hostname);
  for (const name of [...out.searchParams.keys()]) {
    if (TRACKING.test(name) || (workday && name === 'source')) out.searchParams.delete(name);
  }
  // An application form belongs to its posting (Lever `/apply`, Teamtailor `/applications/new`).
  out.pathname = out.pathname.replace(/(.)\/(apply|applications?(\/new)?)\/?$/i, '$1');
  return out;
}

/** Whether `u` is an address above the page's that leaves out a segment holding an id. */
function leavesOutJobId(u: URL, page: URL): boolean {
  const above = u.pathname.replace(/\/$/, '');
  return (
    page.pathname.startsWith(`${above}/`) &&
    page.pathname
      .slice(above.length + 1)
      .split('/')
      .some((segment) => /^(?=.*\d)[\w-]{6,}$/.test(segment))
  );
}

/**
 * The job's address and key. LinkedIn and Indeed are rebuilt from the job id; elsewhere the address
 * the site's own extractor found for the job on screen (a search pane's job), then the page's own
 * canonical address (`<link rel=canonical>`, then `og:url`, then the JSON-LD `url`) when it is on
 * the same site and not the site's home page, else the address the page was opened at, cleaned.
 */
export function jobAddress(
  doc: Document | null,
  page: URL,
  found?: () => [url: string, origin?: Origin] | undefined,
): JobAddress {
  const known = linkedInAddress(page) ?? indeedAddress(page);
  if (known) return known;
  const [foundUrl, foundOrigin = 'jsonld'] = (doc && found?.()) || [];
  const candidates: [() => string | null | undefined, Origin][] = doc
    ? [
        [() => (foundOrigin === 'site' ? foundUrl : ''), 'site'],
        [() => doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), 'meta'],
        [() => doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), 'meta'],
        [() => foundUrl, foundOrigin],
      ]
    : [];
  for (const [href, origin] of candidates) {
    const u = parse(href(), page);
    // A home page is no job's address (sites that point every page's og:url at their root), nor is
    // the board above the job (Gem's og:url "/trojan-trading" on "/trojan-trading/am9icG9z…").
    if (
      u &&
      bareHost(u) === bareHost(page) &&
      (u.pathname !== '/' || page.pathname === '/') &&
      !leavesOutJobId(u, page)
    ) {
      const url = fit(cleanAddress(u, page));
      return { url, key: url, origin };
    }
  }
  const url = fit(cleanAddress(page, page));
  return { url, key: url, origin: 'url' };
}
