/**
 * Every benchmark, one after the other (they would skew each other in parallel), each in its own
 * process as `npm run bench:*` runs it. Each prints its table and, as its last line, one JSON
 * object; this collects those into bench/results.json (with the machine they ran on), a table of
 * goals in bench/results.md, and the same table in docs/benchmarks.md between its bench markers.
 * Run through `npm run bench`, which builds first: all but the Node outbox read the built extension.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../test/e2e/harness/chromium';
import { goalRows, markdownTable, type Results } from './goals';

const ROOT = resolve(import.meta.dirname, '..');
/** Name in the results, and script. The outbox goals are judged on the browser's numbers. */
const BENCHES = [
  ['extract', 'extract'],
  ['popup', 'popup'],
  ['outbox', 'outbox-browser'],
  ['outbox_node', 'outbox'],
  ['applications', 'applications'],
] as const;
const BENCHMARKS_PAGE = join(ROOT, 'docs/benchmarks.md');
const START = '<!-- bench:start (written by `npm run bench`) -->';
const END = '<!-- bench:end -->';

function runBench(script: string): Record<string, unknown> {
  console.log(`\n## bench/${script}.ts\n`);
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [`bench/${script}.ts`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) throw new Error(`bench/${script}.ts failed (exit ${run.status})`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}

function machine() {
  const [cpu] = cpus();
  return {
    cpu: cpu?.model.trim() ?? 'unknown',
    cpus: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    chromium: execFileSync(chromiumPath(), ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim(),
  };
}

function updateBenchmarksPage(table: string, when: string, host: ReturnType<typeof machine>) {
  const readme = readFileSync(BENCHMARKS_PAGE, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from)
    throw new Error(`docs/benchmarks.md lacks the ${START} … ${END} block`);
  const block = [
    START,
    `Measured ${when} on ${host.cpus} × ${host.cpu}, ${host.chromium.split(' built on')[0]}, Node ${host.node}.`,
    '',
    table,
    '',
    END,
  ].join('\n');
  writeFileSync(BENCHMARKS_PAGE, readme.slice(0, from) + block + readme.slice(to + END.length));
}

const results: Results = {};
for (const [name, script] of BENCHES) results[name] = runBench(script);
const when = new Date().toISOString();
const host = machine();
const rows = goalRows(results);
const table = markdownTable(rows);
writeFileSync(
  join(ROOT, 'bench/results.json'),
  `${JSON.stringify({ date: when, machine: host, results, goals: rows }, null, 2)}\n`,
);
writeFileSync(
  join(ROOT, 'bench/results.md'),
  `# Benchmarks\n\n${when.slice(0, 10)}, ${host.cpus} × ${host.cpu}, ${host.memory_gb} GB, ${host.os}, ${host.chromium}, Node ${host.node}. Written by \`npm run bench\`; the outbox rows come from bench/outbox-browser.ts (Chromium), the Node variant's numbers are in results.json.\n\n${table}\n`,
);
updateBenchmarksPage(table, when.slice(0, 10), host);
// Biome formats Markdown too: the tables are padded as `npm run lint` expects them.
execFileSync(
  join(ROOT, 'node_modules/.bin/biome'),
  ['format', '--write', BENCHMARKS_PAGE, 'bench/results.md'],
  {
    cwd: ROOT,
    stdio: 'ignore',
  },
);
console.log(`\n${table}`);
if (rows.some((row) => !row.met)) console.log('\nSome goals are not met (see above).');
