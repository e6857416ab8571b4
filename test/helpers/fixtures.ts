/**
 * The project's corpus of real saved job pages (test/corpus) and their expected values. A missing
 * cases.json or page throws: real-page tests fail, never skip. Nothing here parses HTML, so scripts
 * that only need the list can use it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where the project's checkout is: two levels above this file. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** The corpus: pages under `pages/`, what a careful reader sees on each in `cases.json`. */
export const corpusDir = join(repoRoot, 'test/corpus');

/** What a careful reader sees on a page; see `about` in cases.json for how values compare. */
export interface FixtureExpect {
  company_name?: string | string[];
  position_title?: string | string[];
  location?: string | string[];
  source?: string | string[];
  source_url_has?: string[];
  source_url_lacks?: string[];
  salary_min?: number | null;
  salary_max?: number | null;
}

export interface FixtureCase {
  /** Relative to the corpus folder; `.html` or gzip-compressed `.html.gz`. */
  file: string;
  url: string;
  expect: FixtureExpect;
  /** The site the page is from ("linkedin", "seek", ...); else the folder the page is in. */
  board?: string;
  note?: string;
}

/** The corpus's cases from `dir`'s cases.json (the project's corpus unless told otherwise). */
export function loadCases(dir = corpusDir): FixtureCase[] {
  const raw = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as {
    cases?: FixtureCase[];
  };
  if (!Array.isArray(raw.cases) || raw.cases.length === 0)
    throw new Error(`${join(dir, 'cases.json')} lists no cases`);
  return raw.cases;
}

/** The board a case counts for in scores: its `board`, else the folder its page is in. */
export function boardOf(testCase: Pick<FixtureCase, 'file' | 'board'>): string {
  return testCase.board ?? testCase.file.split('/').slice(-2, -1)[0] ?? 'other';
}

/** A saved page's HTML; a `.gz` page (how large pages are stored) is decompressed. */
export function readSavedPage(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** A corpus page's HTML, by its name in cases.json. */
export function readCorpusPage(file: string, dir = corpusDir): string {
  return readSavedPage(join(dir, file));
}
