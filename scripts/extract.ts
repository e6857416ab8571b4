/**
 * Extract the job from a saved page, as the extension would on the live page:
 *   npm run extract -- <saved-page.html> --url <address the page had>
 * Prints the draft (the API's field names, the job key, each field's origin) as one JSON line.
 * Same parsing as the tests (test/helpers/dom.ts), same `extractJob`; a `.html.gz` page is read too.
 */
import { parseArgs } from 'node:util';
import { extractSavedPage, readSavedPage } from './extract-page';

const USAGE = 'Usage: npm run extract -- <saved-page.html> --url <address the page had>';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let file: string | undefined;
  let address: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    if (positionals.length !== 1) throw new Error('give exactly one saved page');
    file = positionals[0];
    address = values.url;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (!file || !address) fail(`--url is required\n${USAGE}`, 2);
  let url: URL;
  try {
    url = new URL(address);
    if (!/^https?:$/.test(url.protocol)) throw new Error();
  } catch {
    fail(`Not an http(s) address: ${address}\n${USAGE}`, 2);
  }
  let html: string;
  try {
    html = readSavedPage(file);
  } catch (error) {
    fail(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      1,
    );
  }
  const draft = extractSavedPage(html, url);
  process.stdout.write(`${JSON.stringify(draft)}\n`);
}

main(process.argv.slice(2));
