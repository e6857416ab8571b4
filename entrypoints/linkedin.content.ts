import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerExtractRequests } from '@/lib/content/answer-extract';
import { linkedInPlace } from '@/lib/content/linkedin-place';
import { mountSaveButton } from '@/lib/content/one-click';
import { createExtractor } from '@/lib/extract/index';
import { linkedin } from '@/lib/extract/linkedin';
import { LINKEDIN_MATCHES } from '@/lib/manifest';

// One site per content script: each page loads only the extraction code its site needs.
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const extract = createExtractor([linkedin]);
    const run = mountSaveButton(ctx, {
      ...linkedInPlace,
      key: (url) => linkedin.address?.(url)?.key,
      extract,
    });
    answerExtractRequests(ctx, extract, run);
  },
});
