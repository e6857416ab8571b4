import { extractJob } from '@/lib/extract/any-page';
import type { JobDraft } from '@/lib/extract/types';
import { parseHtml } from './dom';

/** The draft the extension makes of a small page written in a test: its head, address and body. */
export function draftOfPage(head: string, url: string, body = ''): JobDraft {
  return extractJob(
    parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, url),
    new URL(url),
  );
}
