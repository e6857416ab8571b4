/**
 * The manifest in one place, so that a test can check the permissions without building.
 * Each permission's reason is in docs/permissions.md; keep the two in step.
 */
export const DEFAULT_API_URL = 'http://127.0.0.1:8000';

/**
 * The hosts that show jobs: `www.`, the bare domain and the country sites (au., uk., de., ...),
 * never every subdomain (a script on `business.linkedin.com` or `employers.indeed.com` would only
 * widen what a page elsewhere on the domain could reach). Both sites use the same two-letter codes.
 */
export const JOB_COUNTRY_HOSTS = [
  'ae',
  'ar',
  'at',
  'au',
  'be',
  'br',
  'ca',
  'ch',
  'cl',
  'co',
  'cz',
  'de',
  'dk',
  'es',
  'fi',
  'fr',
  'hk',
  'ie',
  'il',
  'in',
  'it',
  'jp',
  'kr',
  'mx',
  'my',
  'nl',
  'no',
  'nz',
  'pe',
  'ph',
  'pl',
  'pt',
  'ro',
  'sa',
  'se',
  'sg',
  'tr',
  'tw',
  'uk',
  'za',
] as const;

const jobHosts = (domain: string) =>
  [domain, `www.${domain}`, ...JOB_COUNTRY_HOSTS.map((code) => `${code}.${domain}`)].map(
    (host) => `https://${host}/*`,
  );

export const LINKEDIN_MATCHES: readonly string[] = jobHosts('linkedin.com');
export const INDEED_MATCHES: readonly string[] = jobHosts('indeed.com');
export const JOB_SITE_MATCHES: readonly string[] = [...LINKEDIN_MATCHES, ...INDEED_MATCHES];

/**
 * Indeed Apply's host: only so the background sees its tabs' addresses (the post-apply page); no
 * content script runs there and no frame is offered to it.
 */
export const INDEED_APPLY_HOST = 'smartapply.indeed.com';
export const INDEED_APPLY_MATCH = `https://${INDEED_APPLY_HOST}/*`;

/** The in-page button's page (lib/content/protocol.ts's FRAME_PATH, without its slash). */
export const FRAME_FILE = 'save-frame.html';

/** The local CareerTrack (`php artisan serve` or `npm run api`); match patterns ignore the port. */
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export const OPTIONAL_API_ORIGINS = ['https://*/*', 'http://*/*'] as const;

/** Asked for in the popup when the user first sets a next step date (lib/background/reminders.ts). */
export const OPTIONAL_PERMISSIONS = ['notifications'] as const;

export const GECKO_ID = 'clipper@careertrack.app';

/**
 * Firefox 140, an ESR, is the oldest that shows `data_collection_permissions` in its
 * install prompt (Android: 142); everything else used here is older: `scripting` in MV2 (102),
 * `optional_host_permissions` in MV3 (128). Older versions would install without asking the
 * user's consent to what is sent.
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * What leaves the browser, as Firefox's consent prompt names it: the job's details read from the
 * page (`websiteContent`), and the sign-in's e-mail and password, then its token on every request
 * (`authenticationInfo`). Both go only to the CareerTrack the user set up, and the extension does
 * nothing without them.
 */
export const FIREFOX_DATA_COLLECTION = {
  required: ['websiteContent', 'authenticationInfo'],
};

/** The shortcut; its name is `SAVE_COMMAND` in lib/background/triggers.ts. */
export const SAVE_SHORTCUT = 'Alt+Shift+S';

export function buildManifest(browser: string, manifestVersion: 2 | 3) {
  return {
    name: 'CareerTrack Clipper',
    description:
      'Save job postings from LinkedIn, Indeed and any career site into your own CareerTrack.',
    permissions: [
      'storage',
      'alarms',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      // Firefox's own name; it also accepts Chrome's, but `menus` is what its docs promise.
      browser === 'firefox' ? 'menus' : 'contextMenus',
    ],
    commands: {
      'save-job': {
        suggested_key: { default: SAVE_SHORTCUT },
        description: 'Save the job on this page',
      },
    },
    host_permissions: [...LOOPBACK_MATCHES, ...JOB_SITE_MATCHES, INDEED_APPLY_MATCH],
    // The in-page button's frame, for the job sites' pages only (MV2 has no per-site list).
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: [FRAME_FILE], matches: [...JOB_SITE_MATCHES] }]
        : [FRAME_FILE],
    // A self-hosted CareerTrack may live on any origin; it is asked for when the user sets it.
    // MV2 has no optional_host_permissions (and WXT drops the key there): origins go in
    // optional_permissions instead. Next steps' notifications are asked for when the user first
    // sets a next step date, never at install.
    ...(manifestVersion === 3
      ? {
          optional_permissions: [...OPTIONAL_PERMISSIONS],
          optional_host_permissions: [...OPTIONAL_API_ORIGINS],
        }
      : { optional_permissions: [...OPTIONAL_PERMISSIONS, ...OPTIONAL_API_ORIGINS] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: FIREFOX_DATA_COLLECTION,
            },
            gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
          },
        }
      : {}),
  };
}
