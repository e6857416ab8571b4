import { describe, expect, it } from 'vitest';
import { buildManifest } from '@/lib/manifest';

describe('manifest', () => {
  it('asks for no host beyond loopback and the job sites', () => {
    const manifest = buildManifest('chrome', 3);
    for (const host of manifest.host_permissions) {
      expect(host).toMatch(
        /^(http:\/\/(127\.0\.0\.1|localhost)\/\*|https:\/\/[^/]*(linkedin|indeed)\.com\/\*)$/,
      );
    }
  });
});
