/**
 * The import graph of src-main, src-shared, src-renderer and src-preload: no import cycles, and what
 * ships never reaches test code. (Which folder may import which is ESLint's job: eslint.config.js.)
 *
 * The graph comes from TypeScript itself: `ts.preProcessFile` lists a file's module specifiers and
 * `ts.resolveModuleName` resolves them with the project's compiler options. Only relative specifiers
 * are followed (a package cannot import our files back). Type-only imports count as edges: a cycle
 * of types still ties its files into one unit that cannot be read, moved or tested apart, it is one
 * edit (`import type` → `import`) away from a cycle at run time, and the issue that asked for this
 * rule named one (crm companies ↔ contacts tables.ts) that is types only.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const ROOTS = ['src-main', 'src-shared', 'src-renderer', 'src-preload'];

/**
 * Cycles allowed for now, each as its exact set of files. An entry that is no longer a cycle fails
 * the test, so the list only shrinks.
 */
const ALLOWED_CYCLES: readonly (readonly string[])[] = [];

/** Files that only tests may use (the ESLint rule forbids importing them from shipped code). */
const TEST_CODE = /\.test\.tsx?$|\.test-support\.tsx?$|test-support(\.tsx?$|\/)|\.fixture\.tsx?$/;

/** Specifiers of assets the bundler loads (styles, `?url` / `?raw` imports, JSON, HTML, images). */
const ASSET = /\?|\.(css|json|html|svg|png|woff2?|ttf)$/;

/** Repo-relative file → the repo-relative files it imports (relative specifiers, types included). */
type Graph = ReadonlyMap<string, readonly string[]>;

function buildGraph(): Graph {
  const configPath = join(repo, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile) as { config: unknown };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, repo, undefined, configPath);
  const files = parsed.fileNames
    .map(file => relative(repo, file))
    .filter(file => ROOTS.some(root => file.startsWith(`${root}/`)) && !file.endsWith('.d.ts'));
  const cache = ts.createModuleResolutionCache(repo, name => name, parsed.options);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const absolute = join(repo, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName: specifier } of importedFiles) {
      // Packages cannot import our files back; assets (CSS, `?url`, JSON) import nothing.
      if (!specifier.startsWith('.') || ASSET.test(specifier)) continue;
      const resolved = ts.resolveModuleName(specifier, absolute, parsed.options, ts.sys, cache)
        .resolvedModule?.resolvedFileName;
      if (!resolved) throw new Error(`cannot resolve ${specifier} from ${file}`);
      if (/\.tsx?$/.test(resolved)) targets.add(relative(repo, resolved));
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with a cycle (Tarjan), each sorted, in a stable order. */
function cyclicGroups(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];

  function visit(file: string): void {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || (graph.get(file) ?? []).includes(file)) groups.push(group.sort());
  }

  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return groups.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** One shortest import cycle through the group's first file, for the failure message. */
function shortestCycle(graph: Graph, group: readonly string[]): string[] {
  const start = group[0] ?? '';
  const members = new Set(group);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    for (const next of graph.get(file) ?? []) {
      if (!members.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      if (next === start) queue.length = 0;
      else queue.push(next);
    }
  }
  // Walk back from the edge that closed the cycle: start ← … ← the file that imports start.
  const back: string[] = [];
  for (let file = cameFrom.get(start); file !== undefined && file !== start;) {
    back.push(file);
    file = cameFrom.get(file);
  }
  return [start, ...back.reverse(), start];
}

function describeCycle(graph: Graph, group: readonly string[]): string {
  const cycle = shortestCycle(graph, group).join('\n    → ');
  const rest =
    group.length > 2 ? `\n  (${group.length} files import each other: ${group.join(', ')})` : '';
  return `  ${cycle}${rest}`;
}

/** Every file reachable from `entry`. */
function reachable(graph: Graph, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...(graph.get(file) ?? []));
  }
  return seen;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((file, i) => file === [...b].sort()[i]);

describe('layers: the import graph', () => {
  const graph = buildGraph();

  it('is the real graph: every source folder, relative imports resolved, type-only ones too', () => {
    expect(graph.size).toBeGreaterThan(300);
    for (const root of ROOTS)
      expect([...graph.keys()].some(f => f.startsWith(`${root}/`))).toBe(true);
    // `export … from` through an index, and an `import type` only edge.
    expect(graph.get('src-main/app/compose.ts')).toContain('src-main/ipc/index.ts');
    expect(graph.get('src-main/ipc/session.ts')).toContain('src-main/calls/session.ts');
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const sample: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cyclicGroups(sample)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(shortestCycle(sample, ['a.ts', 'b.ts', 'c.ts'])).toEqual([
      'a.ts',
      'b.ts',
      'c.ts',
      'a.ts',
    ]);
  });

  it('has no import cycles (types included) beyond the allow-list', () => {
    const found = cyclicGroups(graph).filter(
      group => !ALLOWED_CYCLES.some(allowed => sameSet(allowed, group)),
    );
    // Each entry: one shortest cycle, and all the files of the group when there are more.
    expect(found.map(group => describeCycle(graph, group))).toEqual([]);
  });

  it('still has every allow-listed cycle (drop an entry once its cycle is gone)', () => {
    const groups = cyclicGroups(graph);
    const gone = ALLOWED_CYCLES.filter(allowed => !groups.some(group => sameSet(allowed, group)));
    expect(gone.map(allowed => allowed.join(' ↔ '))).toEqual([]);
  });

  // What ships is bundled from these entries (electron.vite.config.ts; the CLI: bin/zamok.mjs), so a
  // file they cannot reach is in no bundle (electron-builder.yml packs only out/, migrations, fonts).
  for (const entry of [
    'src-main/electron/main.ts',
    'src-main/cli/main.ts',
    'src-preload/index.ts',
    'src-renderer/main.tsx',
  ]) {
    it(`${entry} reaches no test code`, () => {
      expect(graph.has(entry), `${entry} is no longer a build entry: update this list`).toBe(true);
      const files = reachable(graph, entry);
      expect(files.size).toBeGreaterThan(1);
      expect([...files].filter(file => TEST_CODE.test(file))).toEqual([]);
    });
  }

  it('knows test code by name', () => {
    const names = [
      'src-main/vault/temp-vault.test-support.ts',
      'src-main/crm/contacts/contacts.test-support.ts',
      'src-main/update/manifest.fixture.ts',
      'src-renderer/app/test-support.ts',
      'src-renderer/screens/admin/admin-test-support.ts',
      'src-main/guard/rules.test.ts',
    ];
    expect(names.filter(name => TEST_CODE.test(name))).toEqual(names);
    expect(TEST_CODE.test('src-main/guard/rule-helpers.ts')).toBe(false);
  });
});
