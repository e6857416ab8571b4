/**
 * The registry: picks the site's extractor by the address and runs the waterfall. The site's own
 * extractor (what the user sees), then the fallback layers given to it (JSON-LD `JobPosting`, `og:`
 * tags, `<title>`); the first good answer for each field wins and remembers where it came from.
 *
 * Sites and fallbacks are passed in, not imported here, so that each script bundles only the rules
 * it runs: a content script its one site's (`createExtractor([linkedin])`: they read every field its
 * pages show, and its address names the job), the injected generic extractor every other site's
 * and the fallbacks (./career-sites.ts). ./any-page.ts routes a page as the extension does.
 */
import { jsonLdLayer } from './jsonld';
import { metaLayer, titleLayer } from './meta';
import { microdataLayer } from './microdata';
import { payLineLayer } from './pay-line';
import { findSalaryInText, payInProse } from './salary';
import { clean, fold } from './text';
import type {
  FieldName,
  JobAddress,
  JobDraft,
  JobFields,
  Layer,
  Origin,
  PartialJob,
  Salary,
  SiteExtractor,
} from './types';
import { jobAddress, pathOf } from './url';

export type { JobDraft, Layer, SiteExtractor } from './types';

/** The API's limit for text fields. */
export const MAX_TEXT = 255;
/** Enough description for the notes. */
export const MAX_DESCRIPTION = 20_000;

/** What a registry reads beyond its sites' own rules. */
export interface Fallbacks {
  /** Read in order after the site's own extractor, each only when a field is still missing. */
  layers: Layer[];
  /**
   * The address of a page whose site does not name the job in its address; `found` is the first
   * `source_url` the layers give (the site extractor's, JSON-LD's `url`) and where it came from.
   */
  address(
    doc: Document | null,
    url: URL,
    found?: () => [url: string, origin?: Origin] | undefined,
  ): JobAddress;
}

/** The fields the layers are asked for, in the order of the draft. */
const FIELDS = [
  'source',
  'position_title',
  'company_name',
  'location',
  'salary',
  'description',
] as const;

/** Cut to `max` characters without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  return s
    .slice(0, max)
    .replace(/[\ud800-\udbff]$/, '')
    .trimEnd();
}

/** Run an extractor; a page that breaks one never breaks the save. */
function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

const hasAmount = (s: Salary | null | undefined): s is Salary => (s?.min ?? s?.max) !== undefined;

export type Extractor = (document: Document, url: URL) => JobDraft;

/**
 * An extractor over some sites, with the given fallbacks (none: a content script's site reads its
 * own pages). A page of no listed site goes straight to the fallbacks; its source is the site's own
 * name (meta), else its host. Without fallbacks, an address that names no job is kept without its
 * query (LinkedIn and Indeed carry only search state and tracking there).
 */
export function createExtractor(sites: SiteExtractor[], fallbacks?: Fallbacks): Extractor {
  return (doc, url) => {
    const site = sites.find((s) => attempt(() => s.matches(url), false));
    const known = site?.address && attempt(() => site.address?.(url, doc), undefined);
    // A site that names its jobs (LinkedIn, Indeed) on a page that shows none: nothing is guessed
    // from the page (a search's heading is no job title), and the draft says so.
    const noJob = site?.address && !known;
    // The site's name, its own rules, the fallbacks, and the host as the last source. Each layer is
    // read once, on first use: a layer the fields never reach is never read.
    const all: Layer[] = [
      ['site', () => ({ source: site?.name })],
      ...(noJob
        ? []
        : ([
            ['site', (d, u) => site?.extract(d, u) ?? {}],
            ...(fallbacks?.layers ?? []),
          ] as Layer[])),
      ['url', (_, u) => ({ source: u.hostname.replace(/^www\d*\./, '') })],
    ];
    const layers = all.map(([origin, read]): [Origin, () => PartialJob] => {
      let value: PartialJob | undefined;
      return [origin, () => (value ??= attempt(() => read(doc, url, answerOf), {}))];
    });
    // A layer that reads another's answer (the title's decorations name JSON-LD's company) shares
    // its one read.
    const answerOf = (origin: Origin) => layers.findLast(([o]) => o === origin)?.[1]() ?? {};
    const origins: JobDraft['origins'] = {};
    // The first good answer for a field, and where it came from.
    const take = (field: FieldName): JobFields[FieldName] => {
      for (const [origin, layer] of layers) {
        let value = layer()[field];
        // One-line fields are cleaned here; a description keeps its lines (cleaned by its reader).
        if (typeof value === 'string')
          value = field === 'description' ? value.trim() : clean(value);
        // Text without a letter or a digit is a separator or an icon ("•"), not an answer.
        if (typeof value === 'string' && !/[\p{L}\p{N}]/u.test(value)) continue;
        if (!value || (typeof value === 'object' && !hasAmount(value))) continue;
        origins[field] = origin;
        return value;
      }
    };
    const draft = {} as JobDraft;
    const truncated: FieldName[] = [];
    let salary: Salary | undefined;
    for (const field of FIELDS) {
      const value = take(field);
      if (typeof value === 'object') salary = value;
      else if (value) {
        const max = field === 'description' ? MAX_DESCRIPTION : MAX_TEXT;
        draft[field as Exclude<typeof field, 'salary'>] = cut(value, max);
        if (value.length > max) truncated.push(field);
      }
    }

    // A title that ends with its company's name or its place ("Software developer – Edhouse
    // s.r.o.", "Software Engineer - USDS - San Jose, California, United States") loses it.
    const named = / [-|–—·] (?!.* [-|–—·] )(.+)$/.exec(draft.position_title ?? '');
    // A place by its first part, the city ("San Jose, California, US").
    const city = (place = '') => fold(place.split(',')[0]);
    if (
      named &&
      (fold(named[1]) === fold(draft.company_name) ||
        (city(named[1]).length > 2 && city(named[1]) === city(draft.location)))
    )
      draft.position_title = draft.position_title?.slice(0, named.index);
    // A title that holds the pay ("Engineer ($150k - $180k)") keeps its text and gives the salary.
    if (!salary && draft.position_title) {
      const pay = findSalaryInText(draft.position_title);
      if (hasAmount(pay)) {
        salary = pay;
        origins.salary = origins.position_title;
      }
    }
    // Else the pay its description states ("the base salary range for this role is …").
    if (!salary && draft.description) {
      const pay = payInProse(draft.description);
      if (hasAmount(pay)) {
        salary = pay;
        origins.salary = origins.description;
      }
    }
    if (salary) {
      if (salary.min !== undefined) draft.salary_min = salary.min;
      if (salary.max !== undefined) draft.salary_max = salary.max;
      const posted = clean(salary.posted);
      if (posted) draft.salary_posted = cut(posted, MAX_TEXT);
    }

    const address =
      known ||
      (fallbacks
        ? attempt(
            () =>
              fallbacks.address(doc, url, () => {
                const found = take('source_url') as string | undefined;
                return found ? [found, origins.source_url] : undefined;
              }),
            fallbacks.address(null, url),
          )
        : pathOnly(url));
    draft.source_url = address.url;
    draft.job_key = address.key;
    draft.origins = origins;
    origins.source_url = address.origin;
    if (truncated.length) draft.truncated = truncated;
    if (noJob) draft.no_job = true;
    return draft;
  };
}

/**
 * Without fallbacks, the page's address without its query: the sites of a content script name
 * their jobs in the address, and elsewhere theirs holds only search state and tracking.
 */
function pathOnly(url: URL): JobAddress {
  const href = pathOf(url);
  return { url: href, key: href, origin: 'url' };
}

/**
 * The whole waterfall: microdata and RDFa, then JSON-LD, then `og:` meta, then `<title>`, then a
 * line of the text that names the pay; the page's canonical address.
 */
export const FALLBACKS: Fallbacks = {
  layers: [microdataLayer, jsonLdLayer, metaLayer, titleLayer, payLineLayer],
  address: jobAddress,
};
