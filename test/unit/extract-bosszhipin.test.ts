/**
 * BOSS直聘 (lib/extract/bosszhipin.ts) on a small page written here in its 2025 layout: the job's
 * banner, not the similar jobs beside it; the employer from the side block; pay in thousands of
 * yuan a month read as a year.
 */
import { describe, expect, it } from 'vitest';
import { extractJob } from '@/lib/extract/any-page';
import { parseHtml } from '../helpers/dom';

const url = 'https://www.zhipin.com/job_detail/abc123.html';

function page(pay: string) {
  return `<html><head><title>「数据分析师招聘」_蓝海科技招聘-BOSS直聘</title></head><body>
    <div class="similar-job-list"><a href="/job_detail/x.html"><span class="salary">40-60K</span>
      <span class="company-name">字节跳动</span><span class="similar-job-location">上海</span></a></div>
    <div class="job-banner"><div class="name"><h1>数据分析师</h1><span class="salary">${pay}</span></div>
      <p><a class="text-desc text-city" href="/hangzhou/">杭州</a><span class="text-desc">3-5年</span></p></div>
    <div class="job-sec-text">负责数据分析。</div>
    <div class="sider-company"><div class="company-info">
      <a ka="job-detail-company-logo_custompage" href="/gongsi/1.html"><img alt=""></a>
      <a ka="job-detail-company_custompage" href="/gongsi/1.html">蓝海科技</a></div></div>
  </body></html>`;
}

describe('BOSS直聘', () => {
  it("reads the job's banner and side block, and monthly pay in thousands as a year", () => {
    const draft = extractJob(parseHtml(page('15-25K·13薪'), url), new URL(url));
    expect(draft).toMatchObject({
      source: 'BOSS直聘',
      position_title: '数据分析师',
      company_name: '蓝海科技',
      location: '杭州',
      salary_min: 180000,
      salary_max: 300000,
      salary_posted: '15-25K·13薪',
      description: '负责数据分析。',
    });
  });

  it('pay in another form (a day rate) is not read as thousands a month', () => {
    const draft = extractJob(parseHtml(page('150-200元/天'), url), new URL(url));
    expect(draft.salary_min).toBeUndefined();
    expect(draft.salary_max).toBeUndefined();
  });
});
