/**
 * `npm run extract` (scripts/extract.ts) prints, for a saved page, the same draft as `extractJob`
 * on the same page, as one line of JSON; bad arguments get the usage and a non-zero exit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractJob } from '@/lib/extract/any-page';
import { loadFixturePage } from '../helpers/dom';
import { corpusDir, loadCases, repoRoot } from '../helpers/fixtures';

const cli = (args: string[]) =>
  spawnSync('npx', ['tsx', 'scripts/extract.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('extract CLI', () => {
  it('prints the same draft as extractJob, as one JSON line', () => {
    const testCase = loadCases().find((c) => c.file.includes('indeed/viewjob')) ?? loadCases()[0];
    if (!testCase) throw new Error('cases.json lists no page');
    const stdout = execFileSync(
      'npx',
      ['tsx', 'scripts/extract.ts', join(corpusDir, testCase.file), '--url', testCase.url],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const expected = extractJob(loadFixturePage(testCase), new URL(testCase.url));
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  }, 60_000);

  it('exits non-zero with the usage on bad arguments or an unreadable file', () => {
    const none = cli([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: npm run extract --');
    const noUrl = cli([join(repoRoot, 'test/pages/ashby-job.html')]);
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toContain('--url');
    const badUrl = cli([
      join(repoRoot, 'test/pages/ashby-job.html'),
      '--url',
      'javascript:alert(1)',
    ]);
    expect(badUrl.status).toBe(2);
    const missing = cli([
      join(repoRoot, 'test/pages/no-such-page.html'),
      '--url',
      'https://x.example/',
    ]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    expect(missing.stdout).toBe('');
  }, 60_000);
});
