import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ashby } from '@/lib/extract/ashby';
import { readThisPage } from '@/lib/extract/career-sites';

/** Ashby's job pages, read for the popup with its own rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(ashby));
