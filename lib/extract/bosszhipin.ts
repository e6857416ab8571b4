/**
 * BOSS直聘 (zhipin.com), China's largest job board: its job page (2025) names the employer only in
 * its side block and its `<title>` ("「<title>招聘」_<company>招聘-BOSS直聘"), and posts pay in
 * thousands of yuan a month ("25-50K·14薪": 25,000-50,000 a month, 14 salaries a year; read as 12
 * months, the pay as posted kept for the notes). Proved by
 * test/corpus/pages/bosszhipin/job-detail-zh-autocad-beijing.html.gz.
 */
import { BOSSZHIPIN_HOSTS } from './career-hosts';
import { readFields } from './fields';
import { textOf } from './text';
import type { SiteExtractor } from './types';

export const bosszhipin: SiteExtractor = {
  name: 'BOSS直聘',
  matches: (u) => BOSSZHIPIN_HOSTS.test(u.hostname),
  extract(doc) {
    const posted = textOf(doc.querySelector('.job-banner .salary'));
    const pay = /^(\d+)-(\d+)K/.exec(posted);
    return {
      ...readFields(doc, {
        title: '.job-banner h1',
        company: '[ka^=job-detail-company]',
        location: '.text-city',
        description: '.job-sec-text',
      }),
      salary: pay
        ? { min: +pay[1]! * 12e3, max: +pay[2]! * 12e3, period: 'month', posted }
        : undefined,
    };
  },
};
