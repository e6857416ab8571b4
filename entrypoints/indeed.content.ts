import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerExtractRequests } from '@/lib/content/answer-extract';
import { indeedPlace } from '@/lib/content/indeed-place';
import { mountSaveFrame } from '@/lib/content/one-click';
import { keepSingleCopy } from '@/lib/content/single-copy';
import { extractIndeedPage, indeed } from '@/lib/extract/indeed';

// One site per content script: each page loads only the extraction code its site needs.
export default defineContentScript({
  // All of INDEED_MATCHES (lib/manifest.ts): wxt.config.ts's hook writes them into the manifest.
  matches: ['https://www.indeed.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    keepSingleCopy(ctx);
    mountSaveFrame(ctx, { ...indeedPlace, key: (url) => indeed.address?.(url)?.key });
    answerExtractRequests(ctx, extractIndeedPage);
  },
});
