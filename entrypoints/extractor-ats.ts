import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ATS_SITES, readThisPage } from '@/lib/extract/career-sites';

/** The job pages of the startups' applicant tracking systems (Greenhouse, Lever, Ashby, ...), read for the popup with their rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(ATS_SITES));
