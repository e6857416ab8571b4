/**
 * Extraction speed in a real browser, and the size of what ships to job sites.
 * For every corpus page (test/corpus): load it in headless Chromium (page scripts off, so only our code runs),
 * run the same extraction code the content scripts bundle, and take the median of many runs; the
 * first run, with nothing compiled yet, is printed beside it.
 * Last line: one JSON object (largest_page_ms, content_script_bytes). Goals: <= 5 ms, <= 24576 B.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, INJECTED_EXTRACTOR } from '../test/e2e/harness/chromium';
import { loadCases, readCorpusPage } from '../test/helpers/fixtures';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = 41;
const WARMUP = 5;

async function extractionBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents:
        "import { extractJob } from './lib/extract/any-page'; globalThis.__extractJob = extractJob;",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    alias: { '@': ROOT },
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Every script that runs in a job page: the site content scripts and the injected extractors. */
function contentScriptBytes(): Record<string, number> {
  const output = join(ROOT, '.output/chrome-mv3');
  const scripts = readdirSync(join(output, 'content-scripts'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `content-scripts/${file}`)
    .concat(readdirSync(output).filter((file) => INJECTED_EXTRACTOR.test(file)));
  return Object.fromEntries(scripts.map((file) => [file, statSync(join(output, file)).size]));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main() {
  const bundle = await extractionBundle();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  // Saved pages reference trackers and images; nothing may leave this machine.
  await context.route('**/*', (route) => route.abort());
  const rows: { page: string; kb: number; first_ms: number; median_ms: number }[] = [];
  for (const testCase of loadCases()) {
    const html = readCorpusPage(testCase.file);
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    // Evaluated over DevTools: a script tag would not run with the page's JavaScript off.
    await page.evaluate(bundle);
    const times = await page.evaluate(
      ({ url, runs, warmup }) => {
        const extract = (
          globalThis as unknown as { __extractJob: (d: Document, u: URL) => unknown }
        ).__extractJob;
        // Layout is the browser's work, done before a user clicks: not ours to time.
        void document.body.offsetHeight;
        const samples: number[] = [];
        for (let i = 0; i < runs + warmup; i++) {
          const start = performance.now();
          extract(document, new URL(url));
          samples.push(performance.now() - start);
        }
        return samples;
      },
      { url: testCase.url, runs: RUNS, warmup: WARMUP },
    );
    rows.push({
      page: testCase.file,
      kb: Math.round(html.length / 1024),
      // The one run a page usually gets: our code not yet compiled, caches cold.
      first_ms: Number((times[0] ?? Number.NaN).toFixed(3)),
      median_ms: Number(median(times.slice(WARMUP)).toFixed(3)),
    });
    await page.close();
  }
  await browser.close();

  const scripts = contentScriptBytes();
  const largest = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
  console.log(
    '| page | size (KB) | first run (ms) | median extraction (ms) |\n|---|---:|---:|---:|',
  );
  for (const row of rows)
    console.log(`| ${row.page} | ${row.kb} | ${row.first_ms} | ${row.median_ms} |`);
  console.log('\n| content script | bytes (minified) |\n|---|---:|');
  for (const [file, bytes] of Object.entries(scripts)) console.log(`| ${file} | ${bytes} |`);
  console.log(
    JSON.stringify({
      largest_page: largest.page,
      largest_page_ms: largest.median_ms,
      slowest_page_ms: Math.max(...rows.map((r) => r.median_ms)),
      slowest_first_run_ms: Math.max(...rows.map((r) => r.first_ms)),
      content_script_bytes: Math.max(...Object.values(scripts)),
      runs_per_page: RUNS,
    }),
  );
}

await main();
