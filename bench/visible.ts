/**
 * The cost of the click's visibility check (lib/content/visible.ts `frameVisible`) on the largest
 * corpus page, in headless Chromium (page scripts off): once as in Chromium (IntersectionObserver
 * v2 present, no overlay scan) and once as in Firefox (no IO v2: the walk for `pointer-events:
 * none` elements over the frame). It runs once per click. Prints the medians and, last, one JSON
 * line. Not a timed test: numbers only.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/harness/chromium';
import { readCorpusPage } from '../test/helpers/fixtures';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE = 'pages/indeed/search-novjk-humana.html.gz';
const RUNS = 41;
const WARMUP = 5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main() {
  const bundle = (
    await build({
      stdin: {
        contents:
          "import { frameVisible, placedAt } from './lib/content/visible'; Object.assign(globalThis, { __frameVisible: frameVisible, __placedAt: placedAt });",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      alias: { '@': ROOT },
    })
  ).outputFiles[0]?.text;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (route) => route.abort());
  const page = await context.newPage();
  await page.setContent(readCorpusPage(PAGE), { waitUntil: 'domcontentloaded' });
  await page.evaluate(bundle as string);
  // tsx names the functions it compiles, the callback below among them.
  await page.evaluate('globalThis.__name = (f) => f');
  const result = await page.evaluate(
    ({ runs, warmup }) => {
      const g = globalThis as unknown as {
        __frameVisible(id: number, w: number, h: number): boolean;
        __placedAt(frame: HTMLElement, anchor: Element): unknown;
        careertrackFrame?: unknown;
      };
      // A frame in plain sight beside the page's first button, as the content script places it.
      const anchor = document.querySelector('button') ?? document.body;
      const frame = document.createElement('div');
      frame.style.cssText =
        'position:fixed;left:20px;top:20px;width:220px;height:44px;z-index:2147483647;background:#fff';
      document.body.append(frame);
      g.careertrackFrame = g.__placedAt(frame, anchor);
      const time = () => {
        const samples: number[] = [];
        let answers = 0;
        for (let i = 0; i < runs + warmup; i++) {
          const start = performance.now();
          if (g.__frameVisible(0, 220, 44)) answers++;
          if (i >= warmup) samples.push(performance.now() - start);
        }
        return { samples, allVisible: answers === runs + warmup };
      };
      const hasV2 = 'trackVisibility' in IntersectionObserver.prototype;
      const chromiumPath = time();
      const descriptor = Object.getOwnPropertyDescriptor(
        IntersectionObserver.prototype,
        'trackVisibility',
      );
      delete (IntersectionObserver.prototype as { trackVisibility?: boolean }).trackVisibility;
      const firefoxPath = time();
      if (descriptor)
        Object.defineProperty(IntersectionObserver.prototype, 'trackVisibility', descriptor);
      return {
        hasV2,
        elements: document.getElementsByTagName('*').length,
        chromiumPath,
        firefoxPath,
      };
    },
    { runs: RUNS, warmup: WARMUP },
  );
  await browser.close();
  const summary = {
    page: PAGE,
    elements: result.elements,
    with_io_v2_ms: Number(median(result.chromiumPath.samples).toFixed(3)),
    without_io_v2_ms: Number(median(result.firefoxPath.samples).toFixed(3)),
    visible_every_run: result.chromiumPath.allVisible && result.firefoxPath.allVisible,
    io_v2_present: result.hasV2,
    runs: RUNS,
  };
  console.log(JSON.stringify(summary));
}

await main();
