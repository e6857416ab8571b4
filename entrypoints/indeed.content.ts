import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerExtractRequests } from '@/lib/content/answer-extract';
import { indeedPlace } from '@/lib/content/indeed-place';
import { mountSaveButton } from '@/lib/content/one-click';
import { indeed } from '@/lib/extract/indeed';
import { createExtractor } from '@/lib/extract/index';
import { INDEED_MATCHES } from '@/lib/manifest';

export default defineContentScript({
  matches: [...INDEED_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const extract = createExtractor([indeed]);
    const run = mountSaveButton(ctx, {
      ...indeedPlace,
      key: (url) => indeed.address?.(url)?.key,
      extract,
    });
    answerExtractRequests(ctx, extract, run);
  },
});
