import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BOARD_SITES, readThisPage } from '@/lib/extract/career-sites';

/** The job pages of the job boards with rules of their own (Glassdoor, SEEK, ZipRecruiter, ...), read for the popup with their rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(BOARD_SITES));
