/**
 * Glassdoor on every country host (glassdoor.com, .fr, .co.uk, ...): the job details header
 * (`data-test="job-details-header"`), on a job page and in the pane of a search. The job's id is in
 * its heading's id (`jd-job-title-<jl>`); on a search, the job's address is the link of the list
 * card with that `jl`. The employer's rating ("3,7") sits beside its name and is not read.
 * Proved by test/corpus/pages/glassdoor/search-pane-pwc-fr.html.gz (French search, job open in the pane).
 */
import { GLASSDOOR_HOSTS } from './career-hosts';
import { readFields } from './fields';
import type { SiteExtractor } from './types';

export const glassdoor: SiteExtractor = {
  name: 'Glassdoor',
  matches: (u) => GLASSDOOR_HOSTS.test(u.hostname),
  extract(doc, url) {
    const header = doc.querySelector('[data-test=job-details-header]');
    if (!header) return {};
    const title = header.querySelector('h1[id^=jd-job-title-]');
    const jl = title?.id.slice('jd-job-title-'.length);
    const link =
      jl && !url.searchParams.has('jl')
        ? doc.querySelector(`a[href*="jl=${jl}"]`)?.getAttribute('href')
        : undefined;
    const pay = readFields(doc, {
      salary: '[data-test=detailSalary]',
      description: '[data-test=jobDescriptionContent],[id^=JobDesc]',
    });
    return {
      ...readFields(header, {
        title: 'h1[id^=jd-job-title-]',
        company: 'h4',
        location: '[data-test=location]',
      }),
      salary: pay.salary,
      description: pay.description,
      source_url: link ? new URL(link, url).href : undefined,
    };
  },
};
