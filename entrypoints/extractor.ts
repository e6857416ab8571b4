import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractCareerPage } from '@/lib/extract/career-sites';

/**
 * The generic extractor, injected by the popup (activeTab + scripting) into a page no content script
 * covers. An unlisted script rather than a content script: it needs none of WXT's content-script
 * runtime or the polyfill, only to return its answer to `scripting.executeScript`.
 */
export default defineUnlistedScript(() => extractCareerPage(document, new URL(location.href)));
