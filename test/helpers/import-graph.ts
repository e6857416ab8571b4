/**
 * The source tree's import graph, read from the files' own import statements, for the boundary
 * test. Local modules are repo-relative paths; packages are `package:<name>`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from './fixtures';

export interface ImportEdge {
  target: string;
  /** `import type …`: no code of the target reaches the bundle. */
  typeOnly: boolean;
  /** `import(…)`: loaded when the code asks for it, not before the importer runs. */
  dynamic?: boolean;
}

export interface ImportGraph {
  files: string[];
  edges: Map<string, ImportEdge[]>;
}

const SOURCE_ROOTS = ['entrypoints', 'components', 'lib'];
const SOURCE_FILE = /\.(ts|tsx)$/;
// Static imports and re-exports (the clause may span lines), bare side-effect imports, import().
const IMPORT_FROM = /\b(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE_IMPORT = /\bimport\s*['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return SOURCE_FILE.test(name) ? [path] : [];
  });
}

function toRepoPath(path: string): string {
  return relative(repoRoot, path).split('\\').join('/');
}

function resolveLocal(fromFile: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? resolve(repoRoot, specifier.slice(2))
    : resolve(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return toRepoPath(candidate);
  }
  return null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** `{ type A, type B }` brings in types only, as `import type { A, B }` does. */
function isTypeOnlyClause(clause: string): boolean {
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!braces?.[1]) return false;
  const names = braces[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

export function importsOf(file: string, source: string): ImportEdge[] {
  const found: { specifier: string; typeOnly: boolean; dynamic?: boolean }[] = [];
  for (const match of source.matchAll(IMPORT_FROM)) {
    const typeOnly = !!match[2] || isTypeOnlyClause(match[3] ?? '');
    found.push({ specifier: match[4] as string, typeOnly });
  }
  for (const match of source.matchAll(BARE_IMPORT)) {
    found.push({ specifier: match[1] as string, typeOnly: false });
  }
  for (const match of source.matchAll(DYNAMIC_IMPORT)) {
    found.push({ specifier: match[1] as string, typeOnly: false, dynamic: true });
  }
  return found.map(({ specifier, typeOnly, dynamic }) => {
    const local = specifier.startsWith('.') || specifier.startsWith('@/');
    const target = local ? resolveLocal(file, specifier) : `package:${packageName(specifier)}`;
    if (!target) throw new Error(`${toRepoPath(file)}: cannot resolve '${specifier}'`);
    return dynamic ? { target, typeOnly, dynamic } : { target, typeOnly };
  });
}

export function readImportGraph(): ImportGraph {
  const paths = SOURCE_ROOTS.flatMap((root) => listSources(join(repoRoot, root)));
  const edges = new Map<string, ImportEdge[]>();
  for (const path of paths)
    edges.set(toRepoPath(path), importsOf(path, readFileSync(path, 'utf8')));
  return { files: [...edges.keys()].sort(), edges };
}

/**
 * Every import chain from a file of the area to a forbidden module or package, one per offending
 * import statement. Walks runtime imports; a type-only import of a forbidden local module counts,
 * a type-only import of a package does not (nothing of it is bundled). `staticOnly`: what loads
 * before the area's code runs, so `import()` edges are not followed.
 */
export function violations(
  graph: ImportGraph,
  inArea: (file: string) => boolean,
  forbiddenModules: string[],
  forbiddenPackages: string[],
  { staticOnly = false }: { staticOnly?: boolean } = {},
): string[] {
  const found = new Map<string, string>();
  const isForbiddenModule = (target: string) => forbiddenModules.some((m) => target.startsWith(m));
  const isForbiddenPackage = (target: string) =>
    target.startsWith('package:') && forbiddenPackages.includes(target.slice('package:'.length));

  for (const start of graph.files.filter(inArea)) {
    const visited = new Set<string>([start]);
    const walk = (file: string, chain: string[]) => {
      for (const { target, typeOnly, dynamic } of graph.edges.get(file) ?? []) {
        if (staticOnly && dynamic) continue;
        const name = target.replace(/^package:/, '');
        const offending = isForbiddenModule(target) || (!typeOnly && isForbiddenPackage(target));
        const statement = `${file} -> ${name}`;
        if (offending) {
          if (!found.has(statement)) found.set(statement, [...chain, name].join(' -> '));
          continue;
        }
        if (typeOnly || target.startsWith('package:') || visited.has(target)) continue;
        visited.add(target);
        walk(target, [...chain, target]);
      }
    };
    walk(start, [start]);
  }
  return [...found.values()];
}
