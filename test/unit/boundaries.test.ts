/**
 * Where code runs decides what it may import. A content script runs inside the job site: if it
 * pulled in the outbox, the token store or a library built for the background, that code would run
 * with the page as its neighbour and the 24 KB budget would be gone. The popup and options talk to
 * the background only through messages. The schema is shared by every context, so it must stay
 * free of storage and network. Each rule walks the import graph from every file of its area.
 */
import { describe, expect, it } from 'vitest';
import { type ImportGraph, readImportGraph, violations } from '../helpers/import-graph';

interface Rule {
  name: string;
  /** Files (repo-relative, `/`-separated) whose imports the rule checks. */
  from: (file: string) => boolean;
  /** Local modules (repo-relative prefixes) and packages the area must never reach. */
  forbiddenModules: string[];
  forbiddenPackages: string[];
  /** Only what loads before the area's code runs: `import()` is not followed. */
  staticOnly?: boolean;
}

const contentSide = (file: string) =>
  file.startsWith('lib/content/') ||
  file.startsWith('lib/extract/') ||
  /^entrypoints\/[^/]+\.content\.ts$/.test(file) ||
  /^entrypoints\/extractor(-[a-z]+)?\.ts$/.test(file);

const extensionPages = (file: string) =>
  file.startsWith('entrypoints/popup/') ||
  file.startsWith('entrypoints/options/') ||
  file.startsWith('entrypoints/save-frame/') ||
  file.startsWith('components/') ||
  file.startsWith('lib/ui/');

export const RULES: Rule[] = [
  {
    name: 'code that runs in job pages',
    from: contentSide,
    forbiddenModules: ['lib/background/', 'lib/ui/', 'lib/settings.ts', 'lib/messages.ts'],
    forbiddenPackages: ['dexie', 'ky', 'zod', 'preact'],
  },
  {
    name: 'the popup, the options and the in-page frame',
    from: extensionPages,
    forbiddenModules: ['lib/background/'],
    forbiddenPackages: ['dexie', 'ky'],
  },
  {
    name: 'the shared schema',
    from: (file) => file === 'lib/schema.ts' || file === 'lib/zod.ts',
    forbiddenModules: ['lib/background/', 'lib/settings.ts', 'lib/messages.ts'],
    forbiddenPackages: ['dexie', 'ky', 'webextension-polyfill', 'wxt', '@wxt-dev/storage'],
  },
  {
    // Opening the popup waits for every module its entry imports statically: the validator (zod,
    // most of its script) is fetched with import() once the form is on screen.
    name: "the modules the popup's first paint waits for",
    from: (file) => file === 'entrypoints/popup/main.tsx',
    forbiddenModules: [],
    forbiddenPackages: ['zod'],
    staticOnly: true,
  },
  {
    name: 'modules every context shares',
    from: (file) => /^lib\/[^/]+\.ts$/.test(file),
    forbiddenModules: ['lib/background/', 'lib/ui/'],
    forbiddenPackages: ['dexie', 'ky'],
  },
];

describe('import boundaries', () => {
  const graph: ImportGraph = readImportGraph();

  it('reads the whole source tree', () => {
    // A broken reader that finds nothing would make every rule pass.
    expect(graph.files.filter(contentSide).length).toBeGreaterThan(15);
    expect(graph.files.filter(extensionPages).length).toBeGreaterThan(15);
    expect(graph.files.some((file) => file.startsWith('lib/background/'))).toBe(true);
  });

  for (const rule of RULES) {
    it(`${rule.name} import nothing they must not`, () => {
      const found = violations(graph, rule.from, rule.forbiddenModules, rule.forbiddenPackages, {
        staticOnly: rule.staticOnly,
      });
      expect(found, `${rule.name}:\n${found.join('\n')}`).toEqual([]);
    });
  }
});

describe('the boundary check itself', () => {
  it('names the import chain that breaks a rule', () => {
    const graph: ImportGraph = {
      files: ['lib/content/button.ts', 'lib/helper.ts', 'lib/background/outbox.ts'],
      edges: new Map([
        ['lib/content/button.ts', [{ target: 'lib/helper.ts', typeOnly: false }]],
        [
          'lib/helper.ts',
          [
            { target: 'lib/background/outbox.ts', typeOnly: false },
            { target: 'package:dexie', typeOnly: false },
          ],
        ],
      ]),
    };
    expect(
      violations(graph, (f) => f.startsWith('lib/content/'), ['lib/background/'], ['dexie']),
    ).toEqual([
      'lib/content/button.ts -> lib/helper.ts -> lib/background/outbox.ts',
      'lib/content/button.ts -> lib/helper.ts -> dexie',
    ]);
  });

  it('follows a type-only import one step but not through it', () => {
    const graph: ImportGraph = {
      files: ['lib/content/a.ts', 'lib/types.ts', 'lib/background/db.ts'],
      edges: new Map([
        ['lib/content/a.ts', [{ target: 'lib/types.ts', typeOnly: true }]],
        ['lib/types.ts', [{ target: 'package:zod', typeOnly: false }]],
      ]),
    };
    // The type import puts no zod into the bundle, so it passes; a type import of a background
    // module is still a dependency on the background's design, so it does not.
    expect(violations(graph, (f) => f.startsWith('lib/content/'), [], ['zod'])).toEqual([]);
    graph.edges.set('lib/content/a.ts', [{ target: 'lib/background/db.ts', typeOnly: true }]);
    expect(violations(graph, (f) => f.startsWith('lib/content/'), ['lib/background/'], [])).toEqual(
      ['lib/content/a.ts -> lib/background/db.ts'],
    );
  });
});
