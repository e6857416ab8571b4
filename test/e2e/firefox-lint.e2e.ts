import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INJECTED_EXTRACTOR } from './harness/chromium';

// Mozilla's own linter (what addons.mozilla.org runs on upload) over both Firefox builds.
const ROOT = resolve(import.meta.dirname, '../..');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

function lint(build: string): LintReport {
  const dir = join(ROOT, '.output', build);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No build in ${dir}: run \`npm run zip\` (or \`npm run build:all\`) first.`);
  }
  const run = spawnSync(
    join(ROOT, 'node_modules/.bin/web-ext'),
    ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8' },
  );
  // web-ext exits non-zero when there are errors; the report says which.
  if (!run.stdout.trim().startsWith('{')) throw new Error(`web-ext lint failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as LintReport;
}

/** Scripts that run inside job pages: no warning at all is accepted there. */
const inPage = (file = '') => file.startsWith('content-scripts/') || INJECTED_EXTRACTOR.test(file);

/**
 * The warnings accepted, both in libraries and neither reachable: Preact's renderer assigns
 * innerHTML for `dangerouslySetInnerHTML`, which no view here uses; zod probes `new Function("")`
 * only when not jitless, and lib/zod.ts makes it jitless before any schema is built.
 */
const accepted = (w: LintMessage) =>
  !inPage(w.file) && ['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL'].includes(w.code);

describe.each(['firefox-mv2', 'firefox-mv3'])('web-ext lint of %s', (build) => {
  const report = lint(build);
  const show = (m: LintMessage) => `${m.code} ${m.file ?? ''}: ${m.message}`;

  it('reports no errors', () => {
    expect(report.errors.map(show)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('warns only of the known library code, and of nothing in page scripts', () => {
    if (report.warnings.length)
      console.info(`${build} warnings:\n${report.warnings.map(show).join('\n')}`);
    expect(report.warnings.filter((w) => !accepted(w)).map(show)).toEqual([]);
    expect(report.notices.map(show)).toEqual([]);
  });
});
