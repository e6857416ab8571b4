import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '@/lib/manifest';
import { repoRoot } from '../helpers/fixtures';

// docs/permissions.md explains every permission and every kind of data sent; a new one must say why there.
const why = readFileSync(join(repoRoot, 'docs/permissions.md'), 'utf8');

describe.each([
  ['chrome', 3],
  ['firefox', 2],
  ['firefox', 3],
] as const)('the %s MV%i manifest, explained in docs/permissions.md', (browser, version) => {
  const manifest = buildManifest(browser, version);

  it('names each permission and host in docs/permissions.md', () => {
    // The job sites' country hosts are named once, as `https://<xx>.linkedin.com/*` and a list.
    const countryHost = /^https:\/\/([a-z]{2})\.(linkedin|indeed)\.com\/\*$/;
    const asked = [...manifest.permissions, ...manifest.host_permissions];
    for (const permission of asked) {
      const country = countryHost.exec(permission);
      if (country) {
        expect(why, permission).toContain(`\`https://<xx>.${country[2]}.com/*\``);
        expect(why, permission).toContain(`\`${country[1]}\``);
      } else expect(why, permission).toContain(`\`${permission}\``);
    }
  });

  it('names each optional permission, and when it is asked for', () => {
    const origins = /^https?:\/\/\*\/\*$/;
    const optional = (manifest.optional_permissions ?? []).filter((name) => !origins.test(name));
    expect(optional).toContain('notifications');
    for (const permission of optional) {
      expect(why, permission).toMatch(
        new RegExp(`\\| optional: \`${permission}\`.*asked for`, 'i'),
      );
    }
  });

  it('names each kind of data Firefox asks consent for', () => {
    const gecko = manifest.browser_specific_settings?.gecko;
    for (const type of gecko?.data_collection_permissions.required ?? [])
      expect(why, type).toContain(`\`${type}\``);
  });
});
