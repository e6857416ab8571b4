/**
 * 求人ボックス (Kyujin Box, 求人ボックス.com, Japan's job search engine): its job page's blocks, named
 * in BEM (`p-detail_head_title`, not hashed). Its `<h1>` reads "…の求人詳細情報" (the job's details),
 * the pay "時給1,350円", the place is the first line under the "勤務地" (place of work) heading.
 * Proved by kyujinbox/jb-ja-mitsui-facilities-parking.html.
 */
import { KYUJINBOX_HOSTS } from './career-hosts';
import { readFields } from './fields';
import { textOf } from './text';
import type { SiteExtractor } from './types';

export const kyujinbox: SiteExtractor = {
  name: '求人ボックス',
  matches: (u) => KYUJINBOX_HOSTS.test(u.hostname),
  extract(doc) {
    const place = [...doc.querySelectorAll('.p-detail_table_title')].find((dt) =>
      textOf(dt).startsWith('勤務地'),
    );
    return {
      ...readFields(doc, {
        title: '.p-detail_head_title',
        company: '.p-detail_head_company',
        salary: '.p-detail_summary-pay',
      }),
      location: textOf(place?.nextElementSibling?.querySelector('p.p-detail_line')),
    };
  },
};
