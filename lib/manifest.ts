/**
 * The manifest in one place, so that a test can check the permissions without building.
 * Each permission's reason is in the README; keep the two in step.
 */
export const DEFAULT_API_URL = 'http://127.0.0.1:8000';

/** Job sites whose pages the content scripts read; `*.` also matches the bare domain. */
export const LINKEDIN_MATCHES = ['https://*.linkedin.com/*'] as const;
export const INDEED_MATCHES = ['https://*.indeed.com/*'] as const;
export const JOB_SITE_MATCHES = [...LINKEDIN_MATCHES, ...INDEED_MATCHES] as const;

/** The local CareerTrack (`php artisan serve` or `npm run api`); match patterns ignore the port. */
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export const OPTIONAL_API_ORIGINS = ['https://*/*', 'http://*/*'] as const;

export const GECKO_ID = 'clipper@careertrack.app';

export function buildManifest(browser: string, manifestVersion: 2 | 3) {
  return {
    name: 'CareerTrack Clipper',
    description:
      'Save job postings from LinkedIn, Indeed and any career site into your own CareerTrack.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'activeTab', 'scripting'],
    host_permissions: [...LOOPBACK_MATCHES, ...JOB_SITE_MATCHES],
    // A self-hosted CareerTrack may live on any origin; it is asked for when the user sets it.
    // MV2 has no optional_host_permissions (and WXT drops the key there): origins go in
    // optional_permissions instead.
    ...(manifestVersion === 3
      ? { optional_host_permissions: [...OPTIONAL_API_ORIGINS] }
      : { optional_permissions: [...OPTIONAL_API_ORIGINS] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '115.0' },
          },
        }
      : {}),
  };
}
