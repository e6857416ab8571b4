/**
 * How much of the corpus the extension reads right:
 *   npm run score:capture [-- --corpus <folder with cases.json>] [-- --misses]
 * Runs the extraction CLI's code (scripts/extract-page.ts) on every corpus page, judges each field
 * as the real-page unit test does (test/helpers/compare.ts) and prints accuracy per field and per
 * board. The last line is always `capture: N/M fields right (P%) on K pages from B boards`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCase } from '../test/helpers/compare';
import { boardOf, corpusDir, loadCases } from '../test/helpers/fixtures';
import { extractSavedPage, readSavedPage } from './extract-page';

interface Tally {
  right: number;
  total: number;
}

export interface Score {
  /** Tables and misses, then the score line last. */
  lines: string[];
  right: number;
  total: number;
}

const percent = (t: Tally): string =>
  t.total ? `${((100 * t.right) / t.total).toFixed(1).replace(/\.0$/, '')}%` : 'n/a';

function count(tallies: Map<string, Tally>, key: string, ok: boolean): void {
  const t = tallies.get(key) ?? { right: 0, total: 0 };
  t.total++;
  if (ok) t.right++;
  tallies.set(key, t);
}

function table(title: string, tallies: Map<string, Tally>): string[] {
  const rows = [...tallies].sort(([a], [b]) => a.localeCompare(b));
  return [
    `| ${title} | right | fields | accuracy |`,
    '|---|---:|---:|---:|',
    ...rows.map(([key, t]) => `| ${key} | ${t.right} | ${t.total} | ${percent(t)} |`),
    '',
  ];
}

/** Score every case of the corpus in `dir`; `misses` lists each wrong field with what was read. */
export function scoreCorpus(dir = corpusDir, misses = false): Score {
  const byField = new Map<string, Tally>();
  const byBoard = new Map<string, Tally>();
  const missed: string[] = [];
  const all: Tally = { right: 0, total: 0 };
  const cases = loadCases(dir);
  for (const testCase of cases) {
    const url = new URL(testCase.url);
    const draft = extractSavedPage(readSavedPage(join(dir, testCase.file)), url);
    for (const check of checkCase(draft, testCase.expect)) {
      count(byField, check.field, check.ok);
      count(byBoard, boardOf(testCase), check.ok);
      all.total++;
      if (check.ok) all.right++;
      else
        missed.push(
          `- ${testCase.file} ${check.field}: got ${JSON.stringify(check.got)}, want ${JSON.stringify(check.want)}`,
        );
    }
  }
  const boards = new Set(cases.map(boardOf)).size;
  const lines = [
    ...table('field', byField),
    ...table('board', byBoard),
    ...(misses && missed.length ? ['misses:', ...missed, ''] : []),
    `capture: ${all.right}/${all.total} fields right (${percent(all)}) on ${cases.length} pages from ${boards} boards`,
  ];
  return { lines, ...all };
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: 'string' }, misses: { type: 'boolean' } },
  });
  const { lines } = scoreCorpus(values.corpus ?? corpusDir, values.misses ?? false);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
