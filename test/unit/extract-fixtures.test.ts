/**
 * Every real saved page of the corpus (test/corpus) against what a careful reader sees on it
 * (cases.json): each field of each page is its own test, judged by the same comparison as
 * `npm run score:capture` (test/helpers/compare.ts). A missing page or cases.json fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractJob } from '@/lib/extract/any-page';
import type { JobDraft } from '@/lib/extract/types';
import { checkField, fieldsOf } from '../helpers/compare';
import { loadFixturePage } from '../helpers/dom';
import { type FixtureCase, loadCases } from '../helpers/fixtures';

function describeCase(testCase: FixtureCase): void {
  describe(`${testCase.file}`, () => {
    let draft: JobDraft;
    beforeAll(() => {
      draft = extractJob(loadFixturePage(testCase), new URL(testCase.url));
    });
    const { expect: want } = testCase;

    for (const field of fieldsOf(want)) {
      it(`${field} is ${JSON.stringify(want[field as keyof typeof want])}`, () => {
        const check = checkField(draft, field, want);
        expect(
          check.ok,
          `${testCase.file}: ${field} was ${JSON.stringify(check.got)} (from ${draft.origins[field as keyof JobDraft['origins']] ?? draft.origins.salary ?? 'nowhere'}; salary posted ${JSON.stringify(draft.salary_posted)})`,
        ).toBe(true);
      });
    }

    it('source_url is a clean address of at most 255 characters and the job key is set', () => {
      const url = new URL(draft.source_url ?? '');
      expect(url.protocol).toBe('https:');
      expect(url.hash).toBe('');
      expect(draft.source_url?.length).toBeLessThanOrEqual(255);
      expect(draft.job_key).toBeTruthy();
    });

    it('description holds none of the page controls around it', () => {
      expect(draft.description ?? '').not.toMatch(/\b(show more|show less|see more)\s*$/i);
    });
  });
}

describe('extraction from real saved pages', () => {
  for (const testCase of loadCases()) describeCase(testCase);
});
