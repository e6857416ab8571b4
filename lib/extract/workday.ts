/**
 * Workday: `<tenant>.wd<N>.myworkdayjobs.com/[<locale>/]<site>/job/...` and
 * `wd<N>.myworkdaysite.com/recruiting/<tenant>/<site>/...`. The page names the company nowhere:
 * the tenant in the address does, with the site id's casing when the site id starts with it
 * (nvidia + NVIDIAExternalCareerSite → "NVIDIA", gresearch + G-Research → "G-Research").
 */
import { WORKDAY_HOSTS } from './career-hosts';
import { firstText, linesOf, textOf } from './text';
import type { SiteExtractor } from './types';

/** `data-automation-id` attributes of the job posting page, proved by job-nvidia.html. */
const SEL = {
  title: '[data-automation-id=jobPostingHeader]',
  locations: '[data-automation-id=locations] dd',
  description: '[data-automation-id=jobPostingDescription]',
};

/** The company from the address. */
export function workdayCompany(url: URL): string {
  const path = url.pathname.split('/').filter(Boolean);
  let tenant: string | undefined;
  let site: string | undefined;
  if (url.hostname.endsWith('.myworkdaysite.com')) {
    const i = path.indexOf('recruiting');
    tenant = i >= 0 ? path[i + 1] : undefined;
    site = i >= 0 ? path[i + 2] : undefined;
  } else {
    tenant = url.hostname.split('.')[0];
    site = path.find((p) => !/^[a-z]{2}(-[A-Z]{2})?$/.test(p));
  }
  if (!tenant) return '';
  return spelledStart(site ?? '', tenant) || tenant.charAt(0).toUpperCase() + tenant.slice(1);
}

/** The start of `site` that spells `tenant`, whatever its case and dashes ("G-Research"). */
function spelledStart(site: string, tenant: string): string {
  let spelled = 0;
  let end = 0;
  for (; end < site.length && spelled < tenant.length; end++) {
    const c = site.charAt(end).toLowerCase();
    if (c === tenant.charAt(spelled).toLowerCase()) spelled++;
    else if (/[\p{L}\p{N}]/u.test(c)) return '';
  }
  // A site id writes a space as "_" ("Exact_Sciences").
  return spelled === tenant.length ? site.slice(0, end).replaceAll('_', ' ') : '';
}

export const workday: SiteExtractor = {
  name: 'Workday',
  matches: (u) => WORKDAY_HOSTS.test(u.hostname),
  extract(doc, url) {
    const places = [...doc.querySelectorAll(SEL.locations)].map(textOf).filter(Boolean);
    return {
      position_title: firstText(doc, SEL.title),
      company_name: workdayCompany(url),
      location: places.join('; '),
      description: linesOf(doc.querySelector(SEL.description)),
    };
  },
};
