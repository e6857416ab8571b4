/**
 * `npm run score:capture` on a tiny corpus made here: two synthetic pages (one stored gzipped),
 * one expectation wrong on purpose. Its last line has the exact format the issue asks for, and a
 * field counts as the real-page unit test judges it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCorpus } from '../../scripts/score-capture';
import { repoRoot } from '../helpers/fixtures';

const LAST_LINE =
  /^capture: (\d+)\/(\d+) fields right \((\d+(\.\d)?)%\) on (\d+) pages from (\d+) boards$/;

describe('score:capture', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    mkdirSync(join(dir, 'pages/ashby'), { recursive: true });
    mkdirSync(join(dir, 'pages/linkedin'), { recursive: true });
    copyFileSync(join(repoRoot, 'test/pages/ashby-job.html'), join(dir, 'pages/ashby/job.html'));
    writeFileSync(
      join(dir, 'pages/linkedin/hashed.html.gz'),
      gzipSync(readFileSync(join(repoRoot, 'test/pages/linkedin-2026-hashed.html'))),
    );
    const cases = [
      {
        file: 'pages/ashby/job.html',
        url: 'https://jobs.ashbyhq.com/litware/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0/application?utm_source=x',
        expect: {
          company_name: 'litware labs',
          position_title: ['Senior Backend Engineer', 'Backend Engineer'],
          salary_min: 150000,
          source_url_has: ['jobs.ashbyhq.com/litware', '0b1c2d3e'],
          source_url_lacks: ['utm_source', 'application'],
        },
      },
      {
        file: 'pages/linkedin/hashed.html.gz',
        url: 'https://www.linkedin.com/jobs/search-results/?currentJobId=4500000002&keywords=staff',
        expect: { company_name: 'Acme Corp', location: 'Somewhere else', salary_max: null },
      },
    ];
    writeFileSync(join(dir, 'cases.json'), JSON.stringify({ cases }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts every key of expect as one field, source_url_has and _lacks as one each', () => {
    const score = scoreCorpus(dir);
    // Right: company, title, salary_min, has, lacks; company. Wrong: location, salary_max (posted).
    expect(score.lines.at(-1)).toBe('capture: 6/8 fields right (75%) on 2 pages from 2 boards');
    expect(score.lines).toContain('| location | 0 | 1 | 0% |');
    expect(score.lines).toContain('| company_name | 2 | 2 | 100% |');
    expect(score.lines).toContain('| ashby | 5 | 5 | 100% |');
    expect(score.lines).toContain('| linkedin | 1 | 3 | 33.3% |');
  });

  it('lists the misses on request, with what was read', () => {
    const { lines } = scoreCorpus(dir, true);
    expect(lines).toContain(
      '- pages/linkedin/hashed.html.gz location: got "Denver, CO", want "Somewhere else"',
    );
  });

  it('the command prints the score line last, in the exact format', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/score-capture.ts', '--corpus', dir], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const last = run.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(LAST_LINE);
    expect(last).toBe('capture: 6/8 fields right (75%) on 2 pages from 2 boards');
  }, 60_000);

  it('a corpus without its cases.json fails, it is never skipped', () => {
    expect(() => scoreCorpus(join(dir, 'pages'))).toThrow(/cases\.json/);
  });
});
