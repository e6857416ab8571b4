import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIREFOX_MIN_VERSION, GECKO_ID } from '../../lib/manifest';
import { readZip, type ZipEntry } from './harness/zip';

// The store packages `npm run zip` writes (test:e2e runs it first), opened as a store would.
const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = join(ROOT, '.output');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const MAX_PACKAGE_BYTES = 200 * 1024;

function archive(suffix: string): { path: string; files: Map<string, ZipEntry> } {
  const path = join(OUTPUT, `${pkg.name}-${pkg.version}-${suffix}.zip`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run zip\` first.`);
  return { path, files: readZip(path) };
}

const manifestOf = (files: Map<string, ZipEntry>) =>
  JSON.parse(files.get('manifest.json')?.read().toString('utf8') ?? '{}');

const PACKAGES = [
  { suffix: 'chrome-mv3', manifestVersion: 3, firefox: false },
  { suffix: 'firefox-mv2', manifestVersion: 2, firefox: true },
  { suffix: 'firefox-mv3', manifestVersion: 3, firefox: true },
] as const;

describe.each(PACKAGES)('the $suffix package', ({ suffix, manifestVersion, firefox }) => {
  const { path, files } = archive(suffix);
  const manifest = manifestOf(files);

  it('carries the name, the version and the manifest version', () => {
    expect(manifest.name).toBe('CareerTrack Clipper');
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.manifest_version).toBe(manifestVersion);
    for (const file of ['background.js', 'popup.html', 'options.html', 'icon/128.png'])
      expect(files.has(file), file).toBe(true);
  });

  it(
    firefox ? 'has the gecko id, minimum version and data consent' : 'has no Firefox settings',
    () => {
      const gecko = manifest.browser_specific_settings?.gecko;
      if (!firefox) return expect(manifest.browser_specific_settings).toBeUndefined();
      expect(gecko.id).toBe(GECKO_ID);
      expect(gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
      expect(gecko.data_collection_permissions.required).toContain('websiteContent');
      expect(manifest.background.scripts).toEqual(['background.js']);
    },
  );

  it('ships no tests, no source maps and no sources', () => {
    for (const name of files.keys()) {
      expect(name).not.toMatch(/\.map$|(^|\/)(test|tests|__tests__)\/|\.(test|spec|e2e)\.|\.tsx?$/);
    }
  });

  // Each file an extension page loads costs about 25 ms in Chromium (wxt.config.ts, onePagesChunk),
  // and zod, 98 KB, must come later, when a form is checked.
  it.each(['popup.html', 'options.html', 'save-frame.html'])(
    '%s starts with three scripts, one stylesheet and under 60 KB of code',
    (page) => {
      const html = files.get(page)?.read().toString('utf8') ?? '';
      const scripts = [
        ...html.matchAll(/<(?:script|link rel="modulepreload")[^>]*(?:src|href)="\/([^"]+)"/g),
      ];
      const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)];
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.length).toBeLessThanOrEqual(3);
      expect(styles.length).toBeLessThanOrEqual(1);
      const bytes = scripts.reduce(
        (sum, [, file]) => sum + (files.get(file ?? '')?.read().length ?? 0),
        0,
      );
      expect(bytes).toBeLessThan(60 * 1024);
    },
  );

  it('weighs under 200 KB', () => {
    const bytes = readFileSync(path).length;
    console.info(`${suffix}: ${(bytes / 1024).toFixed(1)} KB zipped`);
    expect(bytes).toBeLessThan(MAX_PACKAGE_BYTES);
  });
});

describe("Firefox's sources archive", () => {
  const { path, files } = archive('sources');
  const names = [...files.keys()];
  const work = mkdtempSync(join(tmpdir(), 'clipper-sources-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds what a reviewer needs to build: package.json, lockfile, sources, README', () => {
    for (const file of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'lib/manifest.ts',
      'entrypoints/background.ts',
      'README.md',
    ]) {
      expect(files.has(file), file).toBe(true);
    }
    expect(files.get('README.md')?.read().toString('utf8')).toContain('## Build from source');
    console.info(
      `sources: ${names.length} files, ${(readFileSync(path).length / 1024).toFixed(1)} KB`,
    );
  });

  it('leaves out dependencies, builds, tests, data and hidden files', () => {
    for (const name of names) {
      expect(name).not.toMatch(/(^|\/)(node_modules|\.output|\.wxt|test|data|dist)\/|^\./);
    }
  });

  it('rebuilds into the very files of the Firefox MV2 package', () => {
    for (const [name, entry] of files) {
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), entry.read());
    }
    // The dependencies as `npm ci` installs them from the lockfile, without a second install.
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    // A reviewer's plain shell: Vitest's NODE_ENV=test would change what Vite emits.
    execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], {
      cwd: work,
      stdio: 'ignore',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    const shipped = archive('firefox-mv2').files;
    for (const [name, entry] of shipped) {
      const rebuilt = join(work, '.output/firefox-mv2', name);
      expect(existsSync(rebuilt), name).toBe(true);
      expect(readFileSync(rebuilt).equals(entry.read()), `${name} differs`).toBe(true);
    }
    // One build takes about 40 s alone on two cores, and took 161 s beside other builds.
  }, 300_000);
});
