/**
 * Saved HTML pages as Documents, parsed by happy-dom with page scripts never run and nothing
 * fetched: the one parsing path for the tests and the `extract` CLI.
 */
import { Window } from 'happy-dom';
import { type FixtureCase, readCorpusPage } from './fixtures';

/**
 * happy-dom 21 enters raw-text mode for a `<style>` inside `<svg>` and never leaves it (it compares
 * the SVG element's lower-case tag name with "STYLE"), so the rest of the page is lost: Indeed's
 * search page has such an SVG before its results. Browsers parse it correctly. Styles inside SVGs
 * hold no text a reader sees, so they are dropped before parsing.
 */
function withoutSvgStyles(html: string): string {
  return html.replace(/<svg\b[^>]*>[\s\S]*?<\/svg>/gi, (svg) =>
    svg.replace(/<style\b[\s\S]*?<\/style\s*>/gi, ''),
  );
}

/** Parse `html` as the page at `url`: a Document for `extractJob`, inert like a saved page. */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const parser = new window.DOMParser();
  return parser.parseFromString(withoutSvgStyles(html), 'text/html') as unknown as Document;
}

/** A corpus case's page, parsed at the address it had in the browser. */
export function loadFixturePage(
  testCase: Pick<FixtureCase, 'file' | 'url'>,
  dir?: string,
): Document {
  return parseHtml(readCorpusPage(testCase.file, dir), testCase.url);
}
