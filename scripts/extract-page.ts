/**
 * What `npm run extract` does to one saved page, for the CLI and `npm run score:capture` alike:
 * the page parsed as the tests parse it (test/helpers/dom.ts), then the extension's `extractJob`.
 */
import { extractJob } from '../lib/extract/any-page';
import type { JobDraft } from '../lib/extract/types';
import { parseHtml } from '../test/helpers/dom';

export { readSavedPage } from '../test/helpers/fixtures';

/** The draft the extension makes of `html` shown at `url`. */
export function extractSavedPage(html: string, url: URL): JobDraft {
  return extractJob(parseHtml(html, url.href), url);
}
