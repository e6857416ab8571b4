import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractJob } from '@/lib/extract/index';

/**
 * The generic extractor, injected by the popup (activeTab + scripting) into a page no content script
 * covers. Its return value is the answer to `scripting.executeScript`.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    return extractJob(document, new URL(location.href));
  },
});
