import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readThisPage } from '@/lib/extract/career-sites';
import { glassdoor } from '@/lib/extract/glassdoor';

/** Glassdoor's job pages, read for the popup with its own rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(glassdoor));
