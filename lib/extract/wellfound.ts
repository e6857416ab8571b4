/**
 * Wellfound (formerly AngelList Talent), whose classes are utility names: the facts row under the
 * job's heading, "$1k – $2k • 1.0% – 5.0%" | "Remote (Everywhere)" | "5 years of exp". Its place is
 * the item that names one; the JSON-LD's is the company's town ("South Fulton"), not the job's.
 * Proved by wellfound/job-one-frequency-founding-software-engineer.html.
 */
import { WELLFOUND_HOSTS } from './career-hosts';
import { textOf } from './text';
import type { SiteExtractor } from './types';

/** A place as the facts row writes it: a work mode, or "<City>, <Region>". */
const PLACE = /^(remote|hybrid|on-?site|in office)\b|^\p{Lu}[\p{L} .'-]+, \p{Lu}/iu;

export const wellfound: SiteExtractor = {
  name: 'Wellfound',
  matches: (u) => WELLFOUND_HOSTS.test(u.hostname),
  extract(doc) {
    const facts = doc.querySelector('h1')?.parentElement?.nextElementSibling;
    const items = facts?.localName === 'ul' ? [...facts.children] : [];
    // Each item after the first begins with the row's "|" separator.
    const place = items.map((li) => textOf(li).replace(/^\|\s*/, '')).find((t) => PLACE.test(t));
    return { location: place };
  },
};
