/**
 * Every real saved page in ../shared/fixtures against what a careful reader sees on it
 * (cases.json): each field of each page is its own test. Values compare as cases.json's `about`
 * says: trimmed, white space collapsed, case-folded; a list means any of its answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractJob } from '@/lib/extract/index';
import type { JobDraft } from '@/lib/extract/types';
import { loadFixturePage } from '../helpers/dom';
import { type FixtureCase, fixturesGate, loadCases } from '../helpers/fixtures';

const gate = fixturesGate();
const norm = (v: unknown): string =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const TEXT_FIELDS = ['company_name', 'position_title', 'location', 'source'] as const;
const SALARY_FIELDS = ['salary_min', 'salary_max'] as const;

function describeCase(testCase: FixtureCase): void {
  describe(`${testCase.file}`, () => {
    let draft: JobDraft;
    beforeAll(() => {
      draft = extractJob(loadFixturePage(testCase), new URL(testCase.url));
    });
    const { expect: want } = testCase;

    for (const field of TEXT_FIELDS) {
      const expected = want[field];
      if (expected === undefined) continue;
      const answers = Array.isArray(expected) ? expected : [expected];
      it(`${field} is ${answers.map((a) => JSON.stringify(a)).join(' or ')}`, () => {
        expect(
          answers.map(norm),
          `${testCase.file}: ${field} was ${JSON.stringify(draft[field])} (from ${draft.origins[field] ?? 'nowhere'})`,
        ).toContain(norm(draft[field]));
      });
    }
    for (const field of SALARY_FIELDS) {
      if (!(field in want)) continue;
      const expected = want[field];
      it(`${field} is ${expected === null ? 'none' : expected}`, () => {
        expect(
          draft[field],
          `${testCase.file}: ${field} was ${draft[field]} (posted: ${JSON.stringify(draft.salary_posted)}, from ${draft.origins.salary ?? 'nowhere'})`,
        ).toBe(expected === null ? undefined : expected);
      });
    }
    for (const part of want.source_url_has ?? []) {
      it(`source_url has "${part}"`, () => {
        expect(draft.source_url, `${testCase.file}: source_url was ${draft.source_url}`).toContain(
          part,
        );
      });
    }
    for (const part of want.source_url_lacks ?? []) {
      it(`source_url lacks "${part}"`, () => {
        expect(
          draft.source_url,
          `${testCase.file}: source_url was ${draft.source_url}`,
        ).not.toContain(part);
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
  if (gate.run) {
    for (const testCase of loadCases()) describeCase(testCase);
  } else {
    it('has the real-page fixtures', () => {
      expect.fail(gate.reason);
    });
  }
});
