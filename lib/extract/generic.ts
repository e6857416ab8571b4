/**
 * Rules for career sites without an extractor of their own, read around the job's heading (the
 * first `<h1>` the page's title names, else its first `<h1>`, else an element whose class names the
 * job title, else the element whose text is the page's title; and a few levels above it, never the
 * whole page with its similar jobs):
 * - a labelled field ("Salário" → "€20 000 - €40 000", "Location" → "Berlin", "Společnost" →
 *   "Edhouse s.r.o."), proved by itjobs-tobe.html and jobscz/; the place and pay also from a
 *   labelled list elsewhere on the page ("Place of work: Cham"), proved by
 *   jobsch/detail-rocken-medtech.html.gz;
 * - an element whose class names a salary;
 * - the line above the heading, "Department · Location · Work mode" or "Location · Work mode"
 *   (Teamtailor's career sites on their own domains), proved by apply-oneflow.html and
 *   teamtailor/apply-arqh-platform.html.gz;
 * - a place beside a map pin or in an element named for it (builtin/, workatastartup/, topjobs/),
 *   or in one the site's tests name (jobscz/);
 * - a pay line right under the heading (workatastartup/);
 * - a place in the page's data about its job (`data-joblocation`);
 * - the places on the line under the heading (careersite/job-databricks-…, careers-openai-…,
 *   gem/…: "Remote - United States").
 * Only on a page that looks like a job posting (meta.ts `looksLikeJob`).
 */
import { looksLikeJob } from './meta';
import { findSalaryInText, payIn } from './salary';
import { clean, docTitle, fold, metaContent, SHOW_TEXT, shownText, textOf } from './text';
import type { PartialJob, SiteExtractor } from './types';

const LOCATION =
  /^((office )?locations?|cit(y|ies)|work location|localidade|localiza[cç][aã]o|local|ubicaci[oó]n|lieu|ort|standort|sede|localit[aà]|locatie|lokalizacja|job location|place of work|arbeitsort|lieu de travail|luogo di lavoro|địa điểm)\s*:?$/i;
const SALARY =
  /^((wage ?\/ ?)?((local|base|annual) )?(pay|salary|wage)( range)?|sal[aá]rio|salario|salaire|gehalt|compensation|remunera[cç][aã]o|remuneraci[oó]n|retribuzione|salaris|wynagrodzenie)\s*:?$/i;
/** Labels of the employer, read only around the heading (a footer's "Company" heads its menu). */
const COMPANY =
  /^(company|employer|hiring company|společnost|spoločnosť|zamestnávateľ|firma|empresa|entreprise|unternehmen|arbeitgeber|pracodawca)\s*:?$/i;
const WORK_MODE = /^(remote|hybrid|on-?site|in office|teletrabalho|remoto|h[ií]brido)$/i;

/** Controls that lead elsewhere: their text ("Locations" in a menu, a filter's pin) is no field. */
const ELSEWHERE = 'a,nav,button';

/** At most this many elements around the heading are read. */
const ZONE_SIZE = 300;

/** Elements that may hold a field's label. */
const LABEL_TAGS = 'dt,th,label,span,strong,b,h2,h3,h4,h5,h6,p,div';
/** How far above a label's words its element may sit ("<dt><span>City</span></dt>"). */
const LABEL_DEPTH = 4;

/**
 * The elements around a text that reads as a label ("Location", "Work Location: Los Angeles"),
 * outer first, in the page's order. Reading every element's text instead made TopCV's 1.3 MB
 * pages, with hundreds of one-child wrappers around the whole page, take 10 ms.
 */
function labelCandidates(root: Element): Set<Element> {
  const found = new Set<Element>();
  const walk = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length > 400) continue;
    const colon = text.indexOf(':');
    const head = (colon < 0 ? text : text.slice(0, colon)).trim();
    if (head.length < 2 || head.length > 60) continue;
    const label = clean(head);
    if (!LOCATION.test(label) && !SALARY.test(label) && !COMPANY.test(label)) continue;
    // A link's or a control's text is a way elsewhere ("Locations" in a menu, Levels.fyi's
    // "Location" filter), and a form control's label names what an applicant types (Waymo's job
    // alert: "Locations" → "e576a9be"): neither is a field of the job.
    if (node.parentElement?.closest(`${ELSEWHERE},label[for]`)) continue;
    const around: Element[] = [];
    for (
      let el = node.parentElement, up = 0;
      el && up < LABEL_DEPTH && root.contains(el);
      el = el.parentElement, up++
    )
      around.unshift(el);
    for (const el of around) if (el.matches(LABEL_TAGS)) found.add(el);
  }
  return found;
}

/**
 * Labelled fields in `root` ("Location" → "Berlin", "Salary" → "€40 000", "Společnost" → "Edhouse
 * s.r.o."), into `job`; the company only when `employer` (around the heading).
 */
function labelled(root: Element, job: PartialJob, employer = false): PartialJob {
  for (const el of labelCandidates(root)) {
    if (el.childElementCount > 1) continue;
    // A label is short: a wrapper's text is not even cleaned.
    const raw = el.textContent ?? '';
    if (raw.length > 400) continue;
    // "Location" beside its value, or "Work Location: Los Angeles, CA" in one element (Avature).
    const text = clean(raw);
    const [, label = text, inline] = /^([^:]{2,30}?) ?: (.{2,120})$/.exec(text) ?? [];
    if (label.length > 30) continue;
    const isLocation = LOCATION.test(label);
    const isCompany = employer && COMPANY.test(label);
    if (!isLocation && !isCompany && !SALARY.test(label)) continue;
    // Beside it, after it in its parent, or beside its parent (iCIMS's <dt><span>City</span></dt>).
    const value =
      inline ||
      textOf(el.nextElementSibling) ||
      textOf(el.parentElement).slice(label.length).trim() ||
      textOf(el.parentElement?.nextElementSibling);
    // Another label is no value ("Company" above "Company Email:" on topjobs.lk).
    if (value.endsWith(':')) continue;
    if (isLocation) job.location ||= value;
    else if (isCompany) job.company_name ||= value;
    else job.salary ??= payIn(value);
  }
  return job;
}

/**
 * Places as a line writes them: "Mountain View, California; San Francisco, California", "Remote -
 * United States".
 */
const PLACES =
  /^(\p{Lu}[\p{L} .'-]*(?:[,;] ?\p{Lu}[\p{L} .'-]*)+|(?:Remote|Hybrid) [-–] \p{Lu}[\p{L} .'-]*)$/u;

/** Elements that end a line of text. */
const LINE = 'p,div,li,dd,span,h2,h3,h4,h5,h6';

/**
 * The places on the first line after the heading, before a team after a dash (Databricks, OpenAI:
 * "San Francisco, California, United States — Go To Market"); the whole line when its places are
 * links of their own (Startup Jobs: "<a>San Francisco</a>, <a>United States</a>").
 */
function placesUnder(h1: Element): string {
  const walk = h1.ownerDocument.createTreeWalker(h1.ownerDocument.body, SHOW_TEXT);
  walk.currentNode = h1;
  let node: Node | null = null;
  for (let n = 0; !node && n < 30 && walk.nextNode(); n++)
    if (!h1.contains(walk.currentNode) && clean(walk.currentNode.textContent))
      node = walk.currentNode;
  const line = node?.parentElement?.closest(LINE);
  const own = clean(node?.textContent);
  const whole = line && !line.contains(h1) ? textOf(line) : '';
  for (const text of [own, whole.length < 200 ? whole : '']) {
    const places = text.split(/ [—–|] /)[0] ?? '';
    if (PLACES.test(places)) return places;
  }
  return '';
}

/** The first element of the body whose own text is `text`. */
function elementOfText(doc: Document, text: string): Element | null {
  if (text.length < 4) return null;
  const walk = doc.createTreeWalker(doc.body, SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode())
    if (clean(node.nodeValue) === text) return node.parentElement;
  return null;
}

export const generic: SiteExtractor = {
  // No name: the page's own site name is the source.
  name: '',
  matches: () => true,
  extract(doc, url) {
    // The job's heading: the first <h1> a reader sees (OpenAI's first is a screen reader's "Mobile
    // Navigation") that the page's title names (Waymo's menu has six before it), else the first
    // one, else an element named for it (topjobs.lk's <h3 class="job-title">).
    const shown = [...doc.querySelectorAll('h1')].filter((h) => shownText(h));
    const title = docTitle(doc);
    const named = fold(`${title} ${metaContent(doc, 'og:title')}`);
    // Or that starts with the title's first part (Python.org's heading adds the company and place).
    const lead = fold(title.split(/ [-|–—] |, | at /)[0]);
    const names = (h: Element) => {
      const text = fold(shownText(h));
      return (
        text.length > 3 && (named.includes(text) || (lead.length > 3 && text.startsWith(lead)))
      );
    };
    const h1 =
      shown.find(names) ??
      shown[0] ??
      // A page without an <h1> (HRMDirect): the <h2> the title names.
      [...doc.querySelectorAll('h2')].find((h) => shownText(h) && names(h)) ??
      doc.querySelector('[class*=job-title]') ??
      // A page of no headings at all (Gem): the element whose text is the page's title.
      elementOfText(doc, title);
    if (!h1 || !looksLikeJob(doc, url)) return {};
    let zone: Element = h1;
    for (let up = 0; up < 3; up++) {
      const p = zone.parentElement;
      if (!p || p === doc.body || p.localName === 'main') break;
      if (p.getElementsByTagName('*').length > ZONE_SIZE) break;
      zone = p;
    }
    const job: PartialJob = {};
    labelled(zone, job, true);
    // A page's "key information" list may sit apart from its heading (jobs.ch, Avature).
    const apart = job.location && job.salary ? {} : labelled(doc.body, {});
    job.location ||=
      apart.location ||
      // Or in the page's data about its job (Accenture's `data-joblocation`).
      clean(doc.querySelector('[data-joblocation]')?.getAttribute('data-joblocation'));
    // Else a pay line right under the heading ("$20K - $30K" on Work at a Startup); after every
    // other layer, a line of the text that names the pay (./pay-line.ts).
    job.salary ??=
      payIn(textOf(zone.querySelector('[class*=salary],[class*=Salary]'))) ??
      findSalaryInText(textOf(h1.nextElementSibling)) ??
      apart.salary;
    const line = textOf(h1.previousElementSibling);
    if (!job.location && line.length < 200 && line.includes('·')) {
      const all = line.split('·').map(clean).filter(Boolean);
      const parts = all.filter((p) => !WORK_MODE.test(p));
      // "Department · Place · Mode", or "Place · Mode" (careers.arqh.ai).
      if (parts.length === 2) job.location = parts[1];
      else if (parts.length === 1 && all.length === 2) job.location = parts[0];
    }
    // A place beside a map pin ("fa-location-dot") or in an element named for it, not a filter's;
    // or one the site's tests name (Jobs.cz's map link, `data-test="jd-info-location"`).
    const pin =
      zone.querySelector('[data-test*=location],[data-testid*=location]') ??
      [...zone.querySelectorAll('[class*=location]')].find((el) => !el.closest(ELSEWHERE));
    const row = pin?.parentElement;
    job.location ||=
      textOf(pin) || textOf(row) || textOf(row?.nextElementSibling) || placesUnder(h1);
    return job;
  },
};
