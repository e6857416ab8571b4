import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { breezy } from '@/lib/extract/breezy';
import { readThisPage } from '@/lib/extract/career-sites';

/** Breezy HR's job pages, read for the popup with its own rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(breezy));
