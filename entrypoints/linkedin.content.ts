import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerExtractRequests } from '@/lib/content/answer-extract';
import { watchApplicationSent } from '@/lib/content/application-sent';
import { linkedInPlace } from '@/lib/content/linkedin-place';
import { isLinkedInConfirmation } from '@/lib/content/linkedin-sent';
import { mountSaveFrame } from '@/lib/content/one-click';
import { keepSingleCopy } from '@/lib/content/single-copy';
import { extractLinkedInPage, linkedin } from '@/lib/extract/linkedin';

// One site per content script: each page loads only the extraction code its site needs.
export default defineContentScript({
  // All of LINKEDIN_MATCHES (lib/manifest.ts): wxt.config.ts's hook writes them into the manifest.
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    keepSingleCopy(ctx);
    const key = (url: URL) => linkedin.address?.(url)?.key;
    mountSaveFrame(ctx, { ...linkedInPlace, key });
    answerExtractRequests(ctx, extractLinkedInPage);
    watchApplicationSent(ctx, isLinkedInConfirmation, (url) => !!key(url));
  },
});
