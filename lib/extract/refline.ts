/**
 * Refline (apply.refline.ch/<account>/<job>/..., a Swiss applicant tracking system): the posting's
 * title (`.position-title`) above its application form. The form's address carries a session token
 * after the account and job ids, so the job's address is the posting's own,
 * `/<account>/<job>/index.html`. The employer is named only by the form's "how did you hear of us"
 * answers. Proved by test/corpus/pages/refline/apply-zhdk-ki-expert.html.gz.
 */
import { REFLINE_HOSTS } from './career-hosts';
import { clean, firstText } from './text';
import type { SiteExtractor } from './types';

export const refline: SiteExtractor = {
  name: 'Refline',
  matches: (u) => REFLINE_HOSTS.test(u.hostname),
  address(url) {
    const ids = /^\/(\d+)\/(\d+)\//.exec(url.pathname);
    if (!ids) return undefined;
    const href = `${url.origin}/${ids[1]}/${ids[2]}/index.html`;
    return { url: href, key: href, origin: 'url' };
  },
  extract: (doc) => ({
    position_title: firstText(doc, '.position-title'),
    // The employer is named nowhere else: Refline's "how did you hear of us" widget offers
    // "Homepage <employer>" as its `website` answer.
    company_name: /^homepage (.+)$/i.exec(
      clean(doc.querySelector('option[id^=form-widgets-contactType][value=website]')?.textContent),
    )?.[1],
  }),
};
