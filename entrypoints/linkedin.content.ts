import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerExtractRequests } from '@/lib/content/answer-extract';
import { linkedInPlace } from '@/lib/content/linkedin-place';
import { mountSaveFrame } from '@/lib/content/one-click';
import { keepSingleCopy } from '@/lib/content/single-copy';
import { createExtractor } from '@/lib/extract/index';
import { linkedin } from '@/lib/extract/linkedin';

// One site per content script: each page loads only the extraction code its site needs.
export default defineContentScript({
  // All of LINKEDIN_MATCHES (lib/manifest.ts): wxt.config.ts's hook writes them into the manifest.
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    keepSingleCopy(ctx);
    mountSaveFrame(ctx, { ...linkedInPlace, key: (url) => linkedin.address?.(url)?.key });
    answerExtractRequests(ctx, createExtractor([linkedin]));
  },
});
