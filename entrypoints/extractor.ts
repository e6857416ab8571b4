import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readThisPage } from '@/lib/extract/career-sites';
import { generic } from '@/lib/extract/generic';

/**
 * The generic extractor, injected by the popup (activeTab + scripting) into a page no content script
 * and no career site's own extractor covers (lib/extract/career-hosts.ts). An unlisted script rather
 * than a content script: it needs none of WXT's content-script runtime or the polyfill, only to
 * return its answer to `scripting.executeScript`.
 */
export default defineUnlistedScript(() => readThisPage([generic]));
