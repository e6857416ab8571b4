/**
 * The last resort: `og:` meta tags, then the page's `<title>`. They name a page, not always a job,
 * so the title and company are taken only from a page that looks like a job posting.
 */
import { clean, docTitle, metaContent } from './text';
import type { Origin, PartialJob } from './types';

/** "itjobs.pt" for www.itjobs.pt: the host without its www. */
export const readableHost = (u: URL): string => u.hostname.replace(/^www\d*\./, '');

/** The site's own name: `og:site_name`, `application-name`, else its host; with its origin. */
export function siteName(doc: Document, url: URL): [string, Origin] {
  const name = metaContent(doc, 'og:site_name') || metaContent(doc, 'application-name');
  return name ? [name, 'meta'] : [readableHost(url), 'url'];
}

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
export function stripSite(title: string, names: string[]): string {
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

export interface MetaLayers {
  /** From `og:` tags. */
  meta: PartialJob;
  /** From `<title>`. */
  title: PartialJob;
}

export function extractMeta(doc: Document, url: URL): MetaLayers {
  if (!looksLikeJob(doc, url)) return { meta: {}, title: {} };
  const site = metaContent(doc, 'og:site_name');
  const labels = url.hostname.split('.');
  const names = [site, labels[labels.length - 2] ?? ''];
  return {
    meta: {
      position_title: stripSite(metaContent(doc, 'og:title'), names),
      company_name: site,
    },
    title: { position_title: stripSite(docTitle(doc), names) },
  };
}
