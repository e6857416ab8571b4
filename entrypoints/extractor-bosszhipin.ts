import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bosszhipin } from '@/lib/extract/bosszhipin';
import { readThisPage } from '@/lib/extract/career-sites';

/** BOSS直聘's job pages, read for the popup with its own rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(bosszhipin));
