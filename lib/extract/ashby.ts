/**
 * Ashby: `jobs.ashbyhq.com/<company>/<id>` (rendered DOM). Title in the posting heading; location
 * and pay in the left pane's labelled sections ("Location", "Compensation"); the company in the
 * page title ("<title> @ <company>") or `og:site_name`.
 */
import { ASHBY_HOSTS } from './career-hosts';
import { payIn } from './salary';
import { clean, docTitle, firstText, linesOf, metaContent, textOf } from './text';
import type { PartialJob, SiteExtractor } from './types';

/** The `ashby-job-posting-*` classes Ashby keeps stable for custom CSS; test/pages/ashby-job.html. */
const SEL = {
  title: '.ashby-job-posting-heading',
  labels: '.ashby-job-posting-left-pane h2, .ashby-job-posting-left-pane h3',
  description:
    '.ashby-job-posting-right-pane [role=tabpanel], .ashby-job-posting-right-pane [class*=descriptionText], .ashby-job-posting-right-pane',
};

export const ashby: SiteExtractor = {
  name: 'Ashby',
  matches: (u) => ASHBY_HOSTS.test(u.hostname),
  extract(doc) {
    const title = firstText(doc, SEL.title);
    const at = / @ (.+)$/.exec(docTitle(doc));
    const job: PartialJob = {
      position_title: title,
      company_name: clean(at?.[1]) || metaContent(doc, 'og:site_name'),
      description: linesOf(doc.querySelector(SEL.description)),
    };
    for (const label of doc.querySelectorAll(SEL.labels)) {
      const name = textOf(label).toLowerCase();
      const value = textOf(label.nextElementSibling);
      if (name === 'location') job.location ||= value;
      if (name === 'compensation') job.salary ??= payIn(value);
    }
    return job;
  },
};
