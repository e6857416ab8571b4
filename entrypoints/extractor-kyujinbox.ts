import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readThisPage } from '@/lib/extract/career-sites';
import { kyujinbox } from '@/lib/extract/kyujinbox';

/** 求人ボックス's job pages, read for the popup with its own rules (lib/extract/career-hosts.ts). */
export default defineUnlistedScript(() => readThisPage(kyujinbox));
