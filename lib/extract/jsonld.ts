/**
 * Structured data: the schema.org `JobPosting` a page gives search engines, as a bare object, in
 * an array or in an `@graph`, with `@type` a string or a list. A list of jobs (an `ItemList`, or
 * several postings on one page) describes no single job and is ignored, as is malformed JSON.
 */
import { salaryFromJsonLd } from './salary';
import { clean, linesOf } from './text';
import type { Layer, PartialJob } from './types';

export type Node = Record<string, unknown>;

const isObj = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);
const isType = (n: Node, t: string): boolean => list(n['@type']).includes(t);

/** The top-level nodes of every JSON-LD block: arrays, `@graph` and a page's `mainEntity`. */
function nodes(doc: Document): Node[] {
  const out: Node[] = [];
  const add = (v: unknown, depth: number): void => {
    for (const n of list(v)) {
      if (!isObj(n) || depth > 3) continue;
      out.push(n);
      add(n['@graph'], depth + 1);
      add(n.mainEntity, depth + 1);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      add(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Malformed JSON-LD says nothing.
    }
  }
  return out;
}

/** The one `JobPosting` the page is about, or nothing when there is none or a list of them. */
function findJobPosting(all: Node[]): Node | undefined {
  const seen = new Map<string, Node>();
  for (const n of all) {
    if (isType(n, 'JobPosting')) seen.set(JSON.stringify([n.title, n.url, n.identifier]), n);
  }
  return seen.size === 1 ? [...seen.values()][0] : undefined;
}

/**
 * The body of `html` parsed into a document of its own, without a browsing context: nothing in it
 * runs or loads, and the page's document is never touched. The content script's own `DOMParser`
 * first; the page's window where there is none (a DOM outside a browser, as in the CLI).
 */
function inertBody(doc: Document, html: string): HTMLElement {
  const Parser = globalThis.DOMParser ?? doc.defaultView?.DOMParser;
  return new Parser().parseFromString(html, 'text/html').body;
}

/**
 * Decode HTML entities in a string that was never parsed as HTML (JSON-LD values), through the
 * DOM. `<` and `>` are escaped first, so markup in the string stays literal text and no element
 * is made (happy-dom, behind the CLI, also needs the `>` escaped to decode what follows it).
 */
function decode(doc: Document, s: string): string {
  if (!/&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(s)) return s;
  return inertBody(doc, s.replace(/</g, '&lt;').replace(/>/g, '&gt;')).textContent ?? '';
}

/** Plain text of an HTML fragment (a JSON-LD description), parsed where nothing runs or loads. */
function htmlToText(doc: Document, html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return linesOf(inertBody(doc, html));
}

/** A JSON-LD text value: entities decoded, white space collapsed. */
function str(doc: Document, v: unknown): string {
  if (isObj(v)) v = v.name ?? v['@value'];
  return typeof v === 'string' || typeof v === 'number' ? clean(decode(doc, String(v))) : '';
}

/**
 * A place from small to large, each part once. Workday writes its own location name, country first,
 * as the locality ("Canada, QC, Montreal" with country "Canada"): read the other way round, that is
 * "Montreal, QC, Canada".
 */
function place(doc: Document, loc: unknown): string {
  if (!isObj(loc)) return str(doc, loc);
  // A PostalAddress, or its fields on the Place itself (a microdata place: Profession.hu).
  const a = isObj(loc.address) ? loc.address : loc.addressLocality ? loc : undefined;
  if (!a) return str(doc, loc.address) || str(doc, loc.name);
  const country = str(doc, a.addressCountry).toLowerCase();
  const locality = str(doc, a.addressLocality).split(/\s*,\s*/);
  if (locality.length > 1 && locality[0]?.toLowerCase() === country) locality.reverse();
  const parts: string[] = [];
  for (const p of [...locality, str(doc, a.addressRegion), str(doc, a.addressCountry)]) {
    if (p && !parts.some((q) => q.toLowerCase() === p.toLowerCase())) parts.push(p);
  }
  return parts.join(', ');
}

/** Fields of the page's `JobPosting`; `source_url` only as a candidate for the canonical address. */
export function extractJsonLd(doc: Document): PartialJob {
  const all = nodes(doc);
  const job = readPosting(doc, findJobPosting(all));
  // The site's own name, for a board without `og:site_name` (HelloWork's `WebSite`).
  const site = str(doc, all.find((n) => isType(n, 'WebSite'))?.name);
  if (site) job.source = site;
  return job;
}

/**
 * Fields of one schema.org `JobPosting` as plain data: JSON-LD's, or the one a page marks up in its
 * elements (./microdata.ts).
 */
export function readPosting(doc: Document, job: Node | undefined): PartialJob {
  if (!job) return {};
  const places = [...new Set(list(job.jobLocation).map((l) => place(doc, l)))].filter(Boolean);
  let location = places.slice(0, 3).join('; ');
  if (!location && list(job.jobLocationType).includes('TELECOMMUTE')) {
    const where = list(job.applicantLocationRequirements)
      .map((r) => str(doc, r))
      .filter(Boolean);
    location = ['Remote', ...where].join(', ');
  }
  let description: string | undefined;
  return {
    position_title: str(doc, job.title),
    company_name: str(doc, job.hiringOrganization),
    location,
    salary: salaryFromJsonLd(job.baseSalary) ?? undefined,
    // Parsed when read, once: the title layers read only the names, and a site's own description
    // is usually found first.
    get description() {
      return (description ??=
        typeof job.description === 'string' ? htmlToText(doc, job.description) : '');
    },
    source_url: typeof job.url === 'string' ? job.url : undefined,
  };
}

/** The JSON-LD layer of the waterfall, after the site's own extractor. */
export const jsonLdLayer: Layer = ['jsonld', extractJsonLd];
