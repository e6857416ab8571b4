/**
 * The registry: picks the site's extractor by the address and runs the waterfall. The site's own
 * extractor (what the user sees), then JSON-LD `JobPosting`, then `og:` tags, then `<title>`; the
 * first good answer for each field wins and remembers where it came from.
 */
import { ashby } from './ashby';
import { generic } from './generic';
import { greenhouse } from './greenhouse';
import { indeed } from './indeed';
import { extractJsonLd } from './jsonld';
import { lever } from './lever';
import { linkedin } from './linkedin';
import { extractMeta, siteName } from './meta';
import { findSalaryInText } from './salary';
import { clean } from './text';
import type {
  FieldName,
  JobDraft,
  JobFields,
  Origin,
  PartialJob,
  Salary,
  SiteExtractor,
} from './types';
import { jobAddress } from './url';
import { workday } from './workday';

export type { JobDraft, SiteExtractor } from './types';

/** The API's limit for text fields. */
export const MAX_TEXT = 255;
/** Enough description for the notes. */
export const MAX_DESCRIPTION = 20_000;

const TEXT_FIELDS = ['position_title', 'company_name', 'location'] as const;

/** Cut to `max` characters without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, end).trimEnd();
}

/** Run an extractor; a page that breaks one never breaks the save. */
function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

const hasAmount = (s: Salary | null | undefined): s is Salary =>
  !!s && (s.min !== undefined || s.max !== undefined);

export type Extractor = (document: Document, url: URL) => JobDraft;

/** Run `read` once, on first use: a layer the fields never reach is never read. */
function lazy<T>(read: () => T, fallback: T): () => T {
  let value: T | undefined;
  return () => {
    value ??= attempt(read, fallback);
    return value;
  };
}

/**
 * An extractor over some sites only (a content script for LinkedIn and Indeed need not carry the
 * others). A page of no listed site goes straight to JSON-LD, then meta and title.
 */
export function createExtractor(sites: SiteExtractor[]): Extractor {
  return (doc, url) => {
    const site = sites.find((s) => attempt(() => s.matches(url), false));
    const jsonld = lazy(() => extractJsonLd(doc), {});
    const meta = lazy(() => extractMeta(doc, url), { meta: {}, title: {} });
    const layers: [Origin, () => PartialJob][] = [
      ['site', lazy(() => (site ? site.extract(doc, url) : {}), {})],
      ['jsonld', jsonld],
      ['meta', () => meta().meta],
      ['title', () => meta().title],
    ];

    const origins: JobDraft['origins'] = {};
    const truncated: FieldName[] = [];
    const found: JobFields = {};
    const take = <K extends keyof JobFields>(field: K): void => {
      for (const [origin, layer] of layers) {
        let value = layer()[field];
        // One-line fields are cleaned here; a description keeps its lines (cleaned by its reader).
        if (typeof value === 'string')
          value = (field === 'description' ? value.trim() : clean(value)) as typeof value;
        if (value === undefined || value === null || value === '') continue;
        if (field === 'salary' && !hasAmount(value as Salary)) continue;
        found[field] = value;
        origins[field] = origin;
        return;
      }
    };
    for (const field of TEXT_FIELDS) take(field);
    take('salary');
    take('description');

    // A title that holds the pay ("Engineer ($150k - $180k)") keeps its text and gives the salary.
    if (!found.salary && found.position_title) {
      const title = cut(found.position_title, MAX_TEXT);
      const pay = attempt(() => findSalaryInText(title), null);
      if (hasAmount(pay)) {
        found.salary = pay;
        origins.salary = origins.position_title;
      }
    }

    const address = attempt(
      () => jobAddress(doc, url, () => jsonld().source_url),
      jobAddress(null, url),
    );
    const [source, sourceOrigin] = site?.name
      ? [site.name, 'site' as const]
      : attempt(() => siteName(doc, url), [url.hostname, 'url'] as const);
    const draft: JobDraft = { source, source_url: address.url, job_key: address.key, origins };
    origins.source = sourceOrigin;
    origins.source_url = address.origin;
    if (source.length > MAX_TEXT) {
      draft.source = cut(source, MAX_TEXT);
      truncated.push('source');
    }
    for (const field of TEXT_FIELDS) {
      const value = found[field];
      if (!value) continue;
      draft[field] = cut(value, MAX_TEXT);
      if (value.length > MAX_TEXT) truncated.push(field);
    }
    const salary = found.salary;
    if (hasAmount(salary)) {
      if (salary.min !== undefined) draft.salary_min = salary.min;
      if (salary.max !== undefined) draft.salary_max = salary.max;
      const posted = clean(salary.posted);
      if (posted) draft.salary_posted = cut(posted, MAX_TEXT);
    } else delete origins.salary;
    if (found.description) {
      draft.description = cut(found.description, MAX_DESCRIPTION);
      if (found.description.length > MAX_DESCRIPTION) truncated.push('description');
    }
    if (truncated.length) draft.truncated = truncated;
    return draft;
  };
}

/** Every site this extension knows, in the order they are tried. */
export const SITES: SiteExtractor[] = [
  linkedin,
  indeed,
  greenhouse,
  lever,
  workday,
  ashby,
  generic,
];

/** Extract the job a page is about, with every site's rules. */
export const extractJob: Extractor = /* @__PURE__ */ createExtractor(SITES);
