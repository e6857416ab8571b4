/**
 * The last resort: `og:` meta tags, then the page's `<title>`. They name a page, not always a job,
 * so the title and company are taken only from a page that looks like a job posting. The site's
 * own name (`og:site_name`, `application-name`) is the `source` of a page of no known site.
 */
import { clean, docTitle, metaContent } from './text';
import type { Layer } from './types';

/** Words of job postings and of job titles, in the address or the page's own summary. */
const JOB_WORDS =
  /\b(jobs?|careers?|vacanc\w*|hiring|position|opening|apply|recruit\w*|oferta|emprego|empleo|vagas?|stellen\w*|emploi|offre|karriere|engineer|developer|manager|designer|analyst|scientist|specialist|consultant|architect|intern(ship)?|director|coordinator|administrator|technician|assistant|accountant|nurse|teacher|counsel|lead|head of)\b/i;

/** Whether the address or the page's own summary speaks of a job. */
export function looksLikeJob(doc: Document, url: URL): boolean {
  return JOB_WORDS.test(
    `${url.pathname} ${metaContent(doc, 'og:description')} ${metaContent(doc, 'og:title')} ${docTitle(doc)}`.replace(
      /[-_/]/g,
      ' ',
    ),
  );
}

/** A title without the site's name before or after it ("Senior Legal Counsel - Oneflow"). */
function stripSite(title: string, names: string[]): string {
  for (const name of names) {
    if (!name) continue;
    const n = name.toLowerCase().replace(/\s+/g, '');
    const m = /^(.+?)\s+[-|–—·:]\s+([^-|–—·]+)$/.exec(title);
    if (m?.[1] && m[2]?.toLowerCase().replace(/\s+/g, '').startsWith(n)) return clean(m[1]);
    const p = /^([^-|–—·:]+)\s+[-|–—·:]\s+(.+)$/.exec(title);
    if (p?.[2] && p[1]?.toLowerCase().replace(/\s+/g, '') === n) return clean(p[2]);
  }
  return title;
}

/** The names a title may carry besides the job's: `og:site_name` and the host's main label. */
function siteNames(doc: Document, url: URL): string[] {
  const labels = url.hostname.split('.');
  return [metaContent(doc, 'og:site_name'), labels[labels.length - 2] ?? ''];
}

/** `og:title` and `og:site_name` of a job page; the site's name on any page. */
export const metaLayer: Layer = [
  'meta',
  (doc, url) => {
    const source = metaContent(doc, 'og:site_name') || metaContent(doc, 'application-name');
    if (!looksLikeJob(doc, url)) return { source };
    return {
      source,
      position_title: stripSite(metaContent(doc, 'og:title'), siteNames(doc, url)),
      company_name: metaContent(doc, 'og:site_name'),
    };
  },
];

/** The `<title>` of a job page, without the site's name. */
export const titleLayer: Layer = [
  'title',
  (doc, url) =>
    looksLikeJob(doc, url) ? { position_title: stripSite(docTitle(doc), siteNames(doc, url)) } : {},
];
