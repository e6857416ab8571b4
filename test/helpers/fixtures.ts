/**
 * The real saved job pages in ../shared/fixtures (or where CAREERTRACK_FIXTURES points) and their
 * expected values. Nothing here parses HTML, so scripts that only need the list can use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the project's checkout is: two levels above this file. */
export const repoRoot = resolve(import.meta.dirname, '../..');

/** The fixtures folder: `CAREERTRACK_FIXTURES`, else `../shared/fixtures` beside the checkout. */
export function fixturesDir(): string {
  return resolve(process.env.CAREERTRACK_FIXTURES || resolve(repoRoot, '../shared/fixtures'));
}

export function fixturesAvailable(): boolean {
  return existsSync(join(fixturesDir(), 'cases.json'));
}

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
  file: string;
  url: string;
  expect: FixtureExpect;
  note?: string;
}

export function loadCases(): FixtureCase[] {
  const raw = JSON.parse(readFileSync(join(fixturesDir(), 'cases.json'), 'utf8')) as {
    cases: FixtureCase[];
  };
  return raw.cases;
}

/**
 * Whether real-page tests run. Where the folder is absent they fail, saying where they looked: a
 * test without its material proves nothing, so it must never count as a pass (nor as a skip).
 */
export function fixturesGate(): { run: boolean; reason: string } {
  if (fixturesAvailable()) return { run: true, reason: '' };
  return {
    run: false,
    reason: `real-page fixtures not found at ${fixturesDir()} (set CAREERTRACK_FIXTURES to their folder)`,
  };
}
