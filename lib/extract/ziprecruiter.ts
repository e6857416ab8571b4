/**
 * ZipRecruiter (Next.js, 2026): the search page's right pane (`data-testid="right-pane"`) shows the
 * selected job: its title (the pane's first heading), the company (its `/co/` link) and the place
 * (the line after it). The job's own address is the one the page's JSON-LD list of results gives
 * for that title. Proved by test/corpus/pages/ziprecruiter/search-pane-anchorage.html.gz.
 */
import { ZIPRECRUITER_HOSTS } from './career-hosts';
import { clean, textOf } from './text';
import type { PartialJob, SiteExtractor } from './types';

/** The `url` of the one JSON-LD `ListItem` named `title`. */
function listedUrl(doc: Document, title: string): string | undefined {
  const found = new Set<string>();
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      for (const item of JSON.parse(script.textContent ?? '')?.itemListElement ?? []) {
        if (clean(item?.name) === title && typeof item.url === 'string') found.add(item.url);
      }
    } catch {
      // Malformed JSON-LD names no job.
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

export const ziprecruiter: SiteExtractor = {
  name: 'ZipRecruiter',
  matches: (u) => ZIPRECRUITER_HOSTS.test(u.hostname),
  extract(doc): PartialJob {
    const pane = doc.querySelector('[data-testid=right-pane]');
    const title = textOf(pane?.querySelector('h1,h2'));
    if (!pane || !title) return {};
    const company = pane.querySelector('a[href^="/co/"]');
    return {
      position_title: title,
      company_name: textOf(company),
      location: textOf(company?.nextElementSibling),
      source_url: listedUrl(doc, title),
    };
  },
};
