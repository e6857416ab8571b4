import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAREER_HOSTS, type CareerSiteKey } from '../../lib/extract/career-hosts';
import { CAREER_SITES } from '../../lib/extract/career-sites';
import type { SiteExtractor } from '../../lib/extract/types';
import { INDEED_MATCHES, LINKEDIN_MATCHES } from '../../lib/manifest';
import { EXTENSION_DIR, INJECTED_EXTRACTOR } from './harness/chromium';

/** Every script that runs inside a job page: the site content scripts and the injected extractors. */
const pageScripts = [
  ...readdirSync(join(EXTENSION_DIR, 'content-scripts'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `content-scripts/${file}`),
  ...readdirSync(EXTENSION_DIR).filter((file) => INJECTED_EXTRACTOR.test(file)),
];

// Marks each library leaves in a bundle even when minified.
const LIBRARY_MARKS: Record<string, RegExp> = {
  zod: /ZodError|\$ZodType|jitless/,
  ky: /TimeoutError.*ky|beforeRetry|afterResponse/,
  dexie: /Dexie|IDBKeyRange/,
  preact: /__H|__k|options\.vnode|dangerouslySetInnerHTML/,
  // Its table of every API's arguments: the content scripts use the browser's own API instead
  // (lib/content/browser.ts, docs/architecture.md), which freed 9.5 KB of each.
  'webextension-polyfill': /fallbackToNoCallback|singleCallbackArg/,
};

/** Each script of the career sites' rules, by name, with its built code. */
const scripts = new Map(
  [...new Set(Object.values(CAREER_HOSTS).map((site) => site.script))].map((script) => [
    script,
    readFileSync(join(EXTENSION_DIR, `extractor-${script}.js`), 'utf8'),
  ]),
);

describe('the built scripts that run in job pages', () => {
  it("include the generic extractor and the scripts of the career sites' rules the background injects", () => {
    expect(pageScripts.filter((file) => INJECTED_EXTRACTOR.test(file)).sort()).toEqual(
      ['extractor.js', ...[...scripts.keys()].map((script) => `extractor-${script}.js`)].sort(),
    );
  });

  it("each career site's rules are in the script the background injects on its pages, and only there", () => {
    const generic = readFileSync(join(EXTENSION_DIR, 'extractor.js'), 'utf8');
    for (const [key, site] of Object.entries(CAREER_SITES) as [CareerSiteKey, SiteExtractor][]) {
      for (const [script, code] of scripts)
        expect(code.includes(`"${site.name}"`), `${site.name} in extractor-${script}.js`).toBe(
          script === CAREER_HOSTS[key].script,
        );
      expect(generic, `${site.name} in extractor.js`).not.toContain(`"${site.name}"`);
    }
  });

  it.each(pageScripts)('%s stays under 24 KB, polyfill and runtime included', (file) => {
    expect(statSync(join(EXTENSION_DIR, file)).size).toBeLessThanOrEqual(24_576);
  });

  it.each(pageScripts)('%s bundles none of zod, ky, Dexie, Preact or the polyfill', (file) => {
    const code = readFileSync(join(EXTENSION_DIR, file), 'utf8');
    for (const [library, mark] of Object.entries(LIBRARY_MARKS)) {
      expect(mark.test(code), `${file} contains ${library}`).toBe(false);
    }
  });

  it('the library marks do find the libraries where they are bundled', () => {
    const chunks = [
      ...readdirSync(join(EXTENSION_DIR, 'chunks')).map((file) => join('chunks', file)),
      'background.js',
    ].map((file) => readFileSync(join(EXTENSION_DIR, file), 'utf8'));
    for (const [library, mark] of Object.entries(LIBRARY_MARKS)) {
      expect(
        chunks.some((code) => mark.test(code)),
        `${library} found in the background or the pages' chunks`,
      ).toBe(true);
    }
  });
});

describe('the built manifest', () => {
  it("gives each content script its site's job hosts, as wxt.config.ts's hook writes them", () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[]; matches: string[] }[];
    };
    const matchesOf = (file: string) =>
      manifest.content_scripts.find((script) => script.js.includes(file))?.matches;
    expect(matchesOf('content-scripts/linkedin.js')).toEqual([...LINKEDIN_MATCHES]);
    expect(matchesOf('content-scripts/indeed.js')).toEqual([...INDEED_MATCHES]);
  });
});
