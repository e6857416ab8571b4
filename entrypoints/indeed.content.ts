import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerExtractRequests } from '@/lib/content/answer-extract';
import { indeed } from '@/lib/extract/indeed';
import { createExtractor } from '@/lib/extract/index';
import { INDEED_MATCHES } from '@/lib/manifest';

export default defineContentScript({
  matches: [...INDEED_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    answerExtractRequests(ctx, createExtractor([indeed]));
  },
});
