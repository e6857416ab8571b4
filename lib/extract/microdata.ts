/**
 * The schema.org `JobPosting` a page marks up in its own elements, as microdata (`itemprop`,
 * `itemscope`) or RDFa (`property`, `typeof`), where it has no JSON-LD: Job Bank and many national
 * boards. The item is turned into the plain data JSON-LD gives and read as JSON-LD is
 * (./jsonld.ts). The posting is the one element typed `JobPosting`, else the item around the page's
 * one `hiringOrganization` (a property only postings have): Job Bank leaves its `typeof` empty.
 * Several postings describe no single job, as in JSON-LD.
 */
import { type Node, readPosting } from './jsonld';
import { linesOf } from './text';
import type { Layer } from './types';

const ITEM = '[itemscope],[typeof]';
const PROPERTY = '[itemprop],[property]';
/**
 * A property's schema.org name: bare, `schema:`-prefixed or a full IRI; another vocabulary's
 * (`og:title`) keeps its prefix and is never read.
 */
function nameOf(el: Element): string {
  const raw = el.getAttribute('itemprop') ?? el.getAttribute('property') ?? '';
  // Some pages write names in lower case (Job Bank's "joblocation"): the ones read are camel-cased again.
  return raw
    .replace(/^(schema:|https?:\/\/schema\.org\/)/, '')
    .replace(
      /^(job|hiring|base|address|min|max|unit)(.)/i,
      (_, a: string, b: string) => a.toLowerCase() + b.toUpperCase(),
    );
}

/**
 * An item's own properties (not those of the items inside it), the first of each name. Items are
 * read three deep (a posting's place's address), as JSON-LD is: deeper ones, which no field needs,
 * would make a hostile page's nesting cost the square of its size.
 */
function toData(item: Element, depth = 0): Node {
  const data: Node = {};
  for (const el of item.querySelectorAll(PROPERTY)) {
    if (el.parentElement?.closest(ITEM) !== item) continue;
    // A value is a `<meta>`'s or RDFa's `content`, a link's address, else the text with its lines.
    data[nameOf(el)] ??= el.matches(ITEM)
      ? depth < 3 && toData(el, depth + 1)
      : (el.getAttribute('content') ?? el.getAttribute('href') ?? linesOf(el));
  }
  return data;
}

function posting(doc: Document): Element | null | undefined {
  const typed = doc.querySelectorAll('[itemtype$=JobPosting],[typeof$=JobPosting]');
  if (typed.length) return typed.length === 1 ? typed[0] : null;
  const orgs = doc.querySelectorAll(
    '[itemprop$=hiringOrganization],[property$=hiringOrganization]',
  );
  return orgs.length === 1 ? orgs[0]?.parentElement?.closest(ITEM) : null;
}

/**
 * The microdata and RDFa layer of the waterfall, before JSON-LD: it marks up what the page shows,
 * where JSON-LD may say what it does not (Profession.hu's says "remote" of a hybrid job in Budaörs).
 */
export const microdataLayer: Layer = [
  'microdata',
  (doc) => {
    const item = posting(doc);
    if (item) return readPosting(doc, toData(item));
    // A posting's one place marked up without the posting's item (Profession.hu).
    const places = doc.querySelectorAll('[itemprop$=jobLocation]');
    const place = places.length === 1 && places[0];
    return place ? { location: readPosting(doc, { jobLocation: toData(place) }).location } : {};
  },
];
