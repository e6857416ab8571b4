import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENTERPRISE_SITES, readThisPage } from '@/lib/extract/career-sites';

/** The job pages of the large employers' applicant tracking systems (Workday, Oracle Cloud HCM, Refline), read for the popup with their rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(ENTERPRISE_SITES));
