import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerExtractRequests } from '@/lib/content/answer-extract';
import { createExtractor } from '@/lib/extract/index';
import { linkedin } from '@/lib/extract/linkedin';
import { LINKEDIN_MATCHES } from '@/lib/manifest';

// One site per content script: each page loads only the extraction code its site needs.
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    answerExtractRequests(ctx, createExtractor([linkedin]));
  },
});
