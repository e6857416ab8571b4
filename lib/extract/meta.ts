/**
 * The last resort: `og:` meta tags, then the page's `<title>`. They name a page, not always a job,
 * so the title and company are taken only from a page that looks like a job posting. The site's
 * own name (`og:site_name`, `application-name`) is the `source` of a page of no known site, and
 * the company only when the title names none ("<title> at <company> — <place>").
 */
import { clean, docTitle, fold, metaContent } from './text';
import type { Layer, Origin, PartialJob } from './types';

/** Words of job postings and of job titles, in the address or the page's own summary. */
const JOB_WORDS =
  /\b(jobs?|careers?|vacanc\w*|hiring|position|opening|apply|recruit\w*|oferta|emprego|empleo|vagas?|stellen\w*|emploi|offre|karriere|engineer|developer|manager|designer|analyst|scientist|specialist|consultant|architect|intern(ship)?|director|coordinator|administrator|technician|assistant|accountant|nurse|teacher|counsel|lead|head of)\b/i;

/** At most this much of a title or summary is read: a longer one is no one's title (a hostile page). */
const READ = 600;

/** Whether the address or the page's own summary speaks of a job. */
export function looksLikeJob(doc: Document, url: URL): boolean {
  return JOB_WORDS.test(
    [url.pathname, metaContent(doc, 'og:description'), metaContent(doc, 'og:title'), docTitle(doc)]
      .map((s) => s.slice(0, READ))
      .join(' ')
      .replace(/[-_/]/g, ' '),
  );
}

/** A title without the site's name before or after it ("Senior Legal Counsel - Oneflow"). */
function stripSite(title: string, names: string[]): string {
  for (const name of names) {
    if (!name) continue;
    const n = fold(name);
    const m = /^(.+?)\s+[-|–—·:]\s+([^-|–—·]+)$/.exec(title);
    if (m?.[1] && fold(m[2]).startsWith(n)) return clean(m[1]);
    const p = /^([^-|–—·:]+)\s+[-|–—·:]\s+(.+)$/.exec(title);
    if (p?.[2] && fold(p[1]) === n) return clean(p[2]);
  }
  return title;
}

/** The names a title may carry besides the job's: `og:site_name` and the host's main label. */
function siteNames(doc: Document, url: URL): string[] {
  const labels = url.hostname.split('.');
  return [metaContent(doc, 'og:site_name'), labels[labels.length - 2] ?? ''];
}

/** What boards add after the job's title: their words ("Job posting", "Job Offer at X"), its id. */
const BOARD_WORDS =
  /^(#?\d{3,}|job (posting|ad)|job offer( at .+)?|jobs?|careers?|application|apply( now)?|vacancy|stellenangebot|offre d'emploi|empleo|vaga)$/i;

/** A place after a title, as "<City>, <Region>[, <Country>]": " in Phoenix, Arizona". */
const IN_PLACE = / in (\p{Lu}[\p{L} .'-]*(?:, \p{Lu}[\p{L} .'-]*){1,2})$/u;

/**
 * A title without the board's, the company's and the place's decorations: " - Toronto, ON - Job
 * posting - Job Bank", " - <Company> - Application", " Job in Melbourne VIC". `known` are names
 * and places the page gives elsewhere (JSON-LD).
 */
export function undecorate(title: string, known: string[]): string {
  // Short names (a region's "ON") must match whole: "Online Marketing" is no decoration.
  const drop = known.map(fold).filter(Boolean);
  const read = title.slice(0, READ);
  const parts = read.split(/ [-|–—·] /);
  // Where each part after the first starts: the title is cut there, its own "|" kept.
  const starts = [...read.matchAll(/ [-|–—·] /g)].map((m) => m.index);
  while (parts.length > 1) {
    const last = parts[parts.length - 1] ?? '';
    const f = fold(last);
    const named = (d: string) =>
      d === f || (d.length > 3 && f.length > 3 && (f.startsWith(d) || d.startsWith(f)));
    if (!BOARD_WORDS.test(last) && !drop.some(named)) break;
    parts.pop();
  }
  return clean(
    read
      .slice(0, starts[parts.length - 1] ?? read.length)
      // " Job in Melbourne VIC", " in Phoenix, Arizona" (a place, as "<City>, <Region>[, <Country>]").
      .replace(/ job in [^|–—-]+$/i, '')
      .replace(IN_PLACE, '')
      // SuccessFactors' "Career Opportunities: <title>", Python.org's "Job: <title>".
      .replace(/^(career opportunit(y|ies)|job): /i, ''),
  );
}

/** A place where a company's name would be: iCIMS's "Careers at Phoenix, AZ". */
const PLACE = /, [A-Z]{2}$/;

/** Words of a job board's name ("OnlineJobs.ph", "Totaljobs", "Jobindex", "InfoEmpleo"). */
const BOARD_NAME = /jobs|careers|hiring|recruit|vacanc|empleo|emploi|stellen|vagas/i;

/** "<title> at <company> — <place>" and "<title> at <company>": the fields a page title names. */
const AT = /^(.+?) at ([^—–|]+?)(?: [—–-] (.+))?$/;
/** A career site's words naming its company: "Jobs bei comparis.ch", "Careers at Acme". */
const JOBS_OF =
  "(?:jobs?|careers?|karriere|stellen(?:angebote)?|emplois?|offres? d'emploi|job offer) (?:bei|at|chez|en|à|@) ";
/** Those words as its title's decoration: "Engineer | Jobs bei comparis.ch", "Analyst , Careers At X". */
const JOBS_AT = new RegExp(`(?: [-|–—·]| ?,) ${JOBS_OF}([^|–—]+)$`, 'i');
/** Or before it: "Careers at Ditto | Fullstack Software Engineer". */
const JOBS_FIRST = new RegExp(`^${JOBS_OF}([^|–—]+?) [-|–—·] `, 'i');

/**
 * The site's own name at the end of its `<title>` ("… – Djinni", "… | Built In San Francisco"): a
 * name that spells one of the host's labels (four letters or more) in order ("djinni", "builtinsf").
 */
function nameInTitle(doc: Document, url: URL): string {
  const name = clean(
    docTitle(doc)
      .split(/[-|–—·]/)
      .pop(),
  );
  const f = fold(name);
  // In one pass: a pattern "b.*u.*i…" would backtrack without end on a long hostile title.
  const spells = (label: string) => {
    let i = 0;
    for (const c of f) if (c === label[i]) i++;
    return label[3] && !label[i] && f[0] === label[0];
  };
  return url.hostname.split('.').some(spells) ? name : '';
}

type AnswerOf = (origin: Origin) => PartialJob;

/** The fields of a page's title or `og:title`, cleaned of its decorations. */
function fromTitle(full: string, doc: Document, url: URL, answerOf: AnswerOf): PartialJob {
  const ld = answerOf('jsonld');
  const first = JOBS_FIRST.exec(full.slice(0, READ));
  const after = JOBS_AT.exec(full.slice(0, READ));
  const own = first ?? after;
  // The title without its career site's words, before or after it.
  const raw = first ? full.slice(first[0].length) : after ? full.slice(0, after.index) : full;
  // "<title> | Edgehog Trading" on an ATS whose address names the company (ats.rippling.com/en-CA/
  // edgehog-trading/jobs/…): the company, not a part of the title.
  const parts = raw.split(/ [-|–—·] /);
  const last = parts.length > 1 ? (parts.pop() ?? '') : '';
  const inAddress = url.pathname.split('/').some((s) => s.length > 3 && fold(s) === fold(last));
  const known = [
    ...siteNames(doc, url),
    careersAt(doc),
    ld.company_name ?? '',
    inAddress ? last : '',
    ...(ld.location ?? '').split(/[,;] ?/),
  ];
  const names = siteNames(doc, url);
  // Without the job's id after it, when the address holds that id ("Developer 1742846").
  const title = stripSite(undecorate(raw, known), names).replace(/ #?(\d{4,})$/, (id, digits) =>
    url.pathname.includes(digits) ? '' : id,
  );
  const at = AT.exec(title);
  if (at && !PLACE.test(at[2] ?? ''))
    return { position_title: at[1], company_name: at[2], location: at[3] };
  // "<title> — <Company>" on the company's own site: the name its host carries.
  const host = fold(names[1]);
  const ownName = own?.[1] && !PLACE.test(own[1]) ? own[1] : undefined;
  // A name of jobs ("OnlineJobs.ph") is a board's, not an employer's.
  const ownSite = host.length > 3 && fold(last).startsWith(host) && !BOARD_NAME.test(last);
  const company = ownName ?? (ownSite || inAddress ? last : undefined);
  // The place its decoration named ("… in Frederick, Maryland, United States").
  const place = IN_PLACE.exec(raw.slice(0, READ))?.[1];
  return { position_title: title, company_name: clean(company), location: place };
}

/** Those words as a career site's banner: "Careers at BlackRock" (Oleeo), "Jobs bei Acme". */
const CAREERS_AT = new RegExp(`^${JOBS_OF}(.{2,60})$`, 'i');

/** The company a career site's first heading names ("Careers at BlackRock"). */
const careersAt = (doc: Document): string =>
  CAREERS_AT.exec(clean(doc.querySelector('h1')?.textContent))?.[1] ?? '';

/**
 * On a company's own career site (its address says "career", or "/jobs/" for a section about it),
 * the company as the page spells the name its host carries (its main label, or the first one past "careers-": iCIMS's
 * careers-sargentlundy.icims.com): the name of its link home (OpenAI's `<a href="/"
 * aria-label="OpenAI">`), a section about it ("About Sargent & Lundy"), else its summary ("…
 * position at Accenture.").
 */
function ownerName(doc: Document, url: URL): string {
  const labels = url.hostname.split('.');
  const hosts = [labels[labels.length - 2], labels[0]?.replace(/^(careers?|jobs)-/, '')].filter(
    (label) => !/^(careers?|jobs?|apply|www\d*)$/.test(label ?? ''),
  );
  const named = (name: string) => {
    const f = fold(name.replace(/&|\band\b/g, ''));
    return f.length > 3 && hosts.includes(f) ? name : '';
  };
  // A board's link home and summary name the board: those only on a career site's address; a
  // section about the company also on a job page's (Stripe's "/jobs/listing/…": "About Stripe").
  const careers = /career/i.test(url.hostname + url.pathname);
  if (!careers && !/\/jobs?\//.test(url.pathname)) return '';
  const home = careers
    ? named(clean(doc.querySelector('a[href="/"][aria-label]')?.getAttribute('aria-label')))
    : '';
  if (home) return home;
  for (const heading of doc.querySelectorAll('h2,h3')) {
    const about = /^About (.{2,40})$/.exec(clean(heading.textContent))?.[1];
    if (about && named(about)) return about;
  }
  if (!careers) return '';
  const words = `${metaContent(doc, 'og:description')} ${metaContent(doc, 'description')}`
    .slice(0, READ)
    .split(' ');
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j <= i + 3; j++) {
      const name = words.slice(i, j).join(' ').replace(/\W$/, '');
      if (/^\p{Lu}/u.test(name) && named(name)) return name;
    }
  return '';
}

/** `og:title` and `og:site_name` of a job page; the site's name on any page. */
export const metaLayer: Layer = [
  'meta',
  (doc, url, answerOf) => {
    const ogSite = metaContent(doc, 'og:site_name');
    // A "site name" that begins the page's title is the job's (aijobs.net's "Software Engineer -
    // USDS"), not the site's.
    const siteName = fold(metaContent(doc, 'og:title')).startsWith(fold(ogSite)) ? '' : ogSite;
    const source = siteName || metaContent(doc, 'application-name');
    if (!looksLikeJob(doc, url)) return { source };
    const job = fromTitle(metaContent(doc, 'og:title'), doc, url, answerOf);
    // The site's name is the employer only on its own career site: not when a title names another.
    const named = job.company_name || fromTitle(docTitle(doc), doc, url, answerOf).company_name;
    return {
      source,
      ...job,
      company_name:
        named ||
        careersAt(doc) ||
        // "Guitar Center Careers" is Guitar Center's career site.
        siteName.replace(BOARD_WORDS, '').replace(/ (careers?|jobs)$/i, '') ||
        ownerName(doc, url),
    };
  },
];

/** The `<title>` of a job page, without the site's name and decorations. */
export const titleLayer: Layer = [
  'title',
  (doc, url, answerOf) => ({
    source: nameInTitle(doc, url),
    ...(looksLikeJob(doc, url) && fromTitle(docTitle(doc), doc, url, answerOf)),
  }),
];
