/**
 * `npm run test:reliability`: builds the extension, runs the reliability suite
 * (vitest.reliability.config.ts) against a private copy of the build, then prints one table of
 * what each test proved and, last, the summary line:
 *
 *   reliability: N saves, M on server, L lost, D duplicates, K leaks, U updates
 *
 * Exits non-zero when a test failed, when L, D or K is not 0, or when the soak fell short of its
 * size (1,000 saves, 200 of them through Chromium). The page attacks also run in Firefox ESR, on
 * both Firefox builds (page-attacks-firefox.e2e.ts), and their leaks count in K.
 * RELIABILITY_SEED replays another seed; RELIABILITY_SKIP_BUILD=1 uses the builds already in
 * .output (chrome-mv3, firefox-mv2, firefox-mv3).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Report, ReportedTest } from './reporter';
import type { Tally } from './tally';

const root = resolve(import.meta.dirname, '../..');
/** Each build the suite runs: its folder in .output, its `wxt build` flags, and the env variable
 * that hands the tests a private copy. */
const BUILDS = [
  { dir: 'chrome-mv3', flags: [], env: 'CLIPPER_EXTENSION_DIR' },
  { dir: 'firefox-mv2', flags: ['-b', 'firefox'], env: 'CLIPPER_FIREFOX_MV2_DIR' },
  { dir: 'firefox-mv3', flags: ['-b', 'firefox', '--mv3'], env: 'CLIPPER_FIREFOX_MV3_DIR' },
] as const;
type Build = (typeof BUILDS)[number];
const MIN_SAVES = 1_000;
const MIN_BROWSER_SAVES = 200;
const started = Date.now();

const builtDir = (target: Build) => join(root, '.output', target.dir);

/** `wxt build` for one target, its output kept to show when it fails. */
function wxtBuild(target: Build): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...target.flags],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk) => {
        output = (output + chunk).slice(-20_000);
      });
    child.on('close', (status) => done({ status, output }));
  });
}

async function build(target: Build): Promise<void> {
  // Another `wxt build` in the same checkout may clean the output folder under this one: once more.
  let last = '';
  const start = Date.now();
  for (let attempt = 1; attempt <= 2; attempt++) {
    const run = await wxtBuild(target);
    if (run.status === 0 && complete(builtDir(target))) {
      console.log(`built .output/${target.dir} in ${Math.round((Date.now() - start) / 1000)} s`);
      return;
    }
    last = run.output;
  }
  console.error(last);
  throw new Error(`wxt build ${target.flags.join(' ')} failed twice`);
}

/** A build with its manifest and every file the manifest names. */
function complete(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const files = [
      manifest.background?.service_worker,
      ...(manifest.background?.scripts ?? []),
      (manifest.action ?? manifest.browser_action)?.default_popup,
      manifest.options_ui?.page,
      ...(manifest.content_scripts ?? []).flatMap((script: { js?: string[] }) => script.js ?? []),
    ].filter(Boolean) as string[];
    return files.every((file) => existsSync(join(dir, file)));
  } catch {
    return false;
  }
}

/** A copy of the build that no concurrent build can remove while a browser runs it. */
async function privateCopy(target: Build): Promise<string> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (!complete(builtDir(target))) await build(target);
    const dir = mkdtempSync(join(tmpdir(), `clipper-${target.dir}-`));
    try {
      cpSync(builtDir(target), dir, { recursive: true });
      if (complete(dir)) return dir;
    } catch {
      // removed while copying: build again
    }
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error(`could not copy a complete build from ${builtDir(target)}`);
}

// The three builds at once: each is mostly one process's work, and the machine has two cores.
if (process.env.RELIABILITY_SKIP_BUILD !== '1') await Promise.all(BUILDS.map(build));
const copies: Record<string, string> = {};
for (const target of BUILDS) copies[target.env] = await privateCopy(target);
const work = mkdtempSync(join(tmpdir(), 'careertrack-reliability-'));
const reportPath = join(work, 'report.json');
const logDir = process.env.RELIABILITY_LOG_DIR ?? join(work, 'logs');

const vitest = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    'vitest.reliability.config.ts',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      ...copies,
      RELIABILITY_REPORT: reportPath,
      RELIABILITY_LOG_DIR: logDir,
    },
  },
);
for (const copy of Object.values(copies)) rmSync(copy, { recursive: true, force: true });

const problems: string[] = [];
if (vitest.status !== 0) problems.push(`vitest exited with ${vitest.status ?? vitest.signal}`);
let report: Report = { tests: [], unhandledErrors: 0, reason: 'missing' };
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
} catch {
  problems.push('the reporter wrote no report');
}
if (report.unhandledErrors) problems.push(`${report.unhandledErrors} unhandled errors`);

const sum = (tests: ReportedTest[], key: keyof Tally) =>
  tests.reduce((total, test) => total + (Number(test.tally?.[key]) || 0), 0);
const tests = report.tests;
const N = sum(tests, 'saves');
const M = sum(tests, 'onServer');
const L = sum(tests, 'lost');
const D = sum(tests, 'duplicates');
const K = sum(tests, 'leaks');
const U = sum(tests, 'updates');
const W = sum(tests, 'updatesWrong');
const browserSaves = sum(
  tests.filter((test) => test.file.endsWith('.e2e.ts') && !test.file.includes('firefox')),
  'saves',
);
const failed = tests.filter((test) => test.state === 'failed');
if (failed.length) problems.push(`${failed.length} failed checks`);
if (L) problems.push(`${L} saves lost`);
if (D) problems.push(`${D} duplicate records`);
if (K) problems.push(`${K} leaks`);
if (W) problems.push(`${W} records not as last changed`);
if (N < MIN_SAVES) problems.push(`only ${N} saves (at least ${MIN_SAVES})`);
if (browserSaves < MIN_BROWSER_SAVES)
  problems.push(`only ${browserSaves} saves through Chromium (at least ${MIN_BROWSER_SAVES})`);

// docs/promises.md names its proofs as `file` › `test`: each must have run
// and passed (unless this run was narrowed to some files).
if (process.argv.length <= 2) {
  for (const [file, name] of promisedProofs()) {
    const ran = tests.find(
      (test) => test.file === file && (test.name === name || test.name.endsWith(` > ${name}`)),
    );
    if (ran?.state !== 'passed')
      problems.push(
        `docs/promises.md cites ${file} › "${name}", which ${ran ? ran.state : 'did not run'}`,
      );
  }
}

function promisedProofs(): Array<[string, string]> {
  const section = readFileSync(join(root, 'docs/promises.md'), 'utf8')
    .split('# What we promise, and the tests that prove it')[1]
    ?.split('\n## ')[0];
  if (!section) {
    problems.push('docs/promises.md has no "What we promise, and the tests that prove it" section');
    return [];
  }
  // In the table, only the last column names proofs.
  const text = section
    .split('\n')
    .map((line) => (line.startsWith('|') ? `; ${line.split(' | ').at(-1)}` : line))
    .join('\n');
  const proofs: Array<[string, string]> = [];
  let file = '';
  for (const match of text.matchAll(/(›|,|;|\|)?\s*`([^`]+)`/g)) {
    const [, before, token = ''] = match;
    if (/^test\/.+\.tsx?$/.test(token)) file = token;
    else if (file && (before === '›' || before === ',')) proofs.push([file, token]);
    else if (before !== ',') file = '';
  }
  return proofs;
}

// The table: one line per test, its numbers where it counted any.
const cell = (value: number | undefined) => (value === undefined ? '' : String(value));
const rows = tests.map((test) => {
  const t = test.tally ?? {};
  const name = `${test.file.replace(/^test\/(reliability|unit)\//, '')} › ${test.name}`;
  return [
    test.state === 'passed' ? 'ok' : test.state === 'failed' ? 'FAIL' : test.state,
    name.length > 96 ? `${name.slice(0, 95)}…` : name,
    cell(t.saves),
    cell(t.onServer),
    cell(t.lost),
    cell(t.duplicates),
    cell(t.probes),
    cell(t.leaks),
    t.requests ? `${Math.round((100 * (t.faulted ?? 0)) / t.requests)}% of ${t.requests}` : '',
    `${(test.ms / 1000).toFixed(1)}s`,
  ];
});
const header = [
  '',
  'check',
  'saves',
  'server',
  'lost',
  'dup',
  'probes',
  'leaks',
  'failed requests',
  'time',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (row: string[]) =>
  row
    .map((value, i) => (i >= 2 ? value.padStart(widths[i] ?? 0) : value.padEnd(widths[i] ?? 0)))
    .join('  ');
console.log(
  `\nReliability suite, ${Math.round((Date.now() - started) / 1000)} s (fault logs in ${logDir})`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
for (const test of tests.filter((t) => t.tally?.note))
  console.log(`  · ${test.name}: ${test.tally?.note}`);
for (const test of failed)
  console.log(`  FAIL ${test.file} › ${test.name}: ${test.errors[0] ?? ''}`);
for (const problem of problems) console.log(`  problem: ${problem}`);
console.log(
  `reliability: ${N} saves, ${M} on server, ${L} lost, ${D} duplicates, ${K} leaks, ${U} updates`,
);
process.exit(problems.length ? 1 : 0);
