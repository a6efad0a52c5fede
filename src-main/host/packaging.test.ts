/**
 * The browser test host must never ship. Two cheap, honest checks instead of a full package build:
 * 1. electron-builder.yml's `files` takes only the built app and explicitly drops src-main/host,
 *    out/host and test/ (what electron-builder copies into the asar);
 * 2. nothing the Electron main process imports, directly or transitively, is under src-main/host,
 *    so the bundler can never pull the host into out/main (the only main-process code shipped).
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
// js-yaml ships with electron-builder (its own config parser); no types are installed for it.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  linux?: { target?: string[] };
  win?: { target?: string[] };
  mac?: { target?: string[] };
}

describe('packaging: electron-builder.yml', () => {
  const config = load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

  it('identifies the app and builds the planned targets', () => {
    expect(config.appId).toBe('ua.zamok.app');
    expect(config.productName).toBe('Zamok');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
  });

  it('ships the built app and excludes the test host and tests', () => {
    const files = config.files ?? [];
    for (const wanted of ['out/main/**', 'out/preload/**', 'out/renderer/**', 'migrations/**']) {
      expect(files).toContain(wanted);
    }
    expect(files).toContain('package.json');
    for (const excluded of ['!src-main/host/**', '!out/host/**', '!test/**']) {
      expect(files).toContain(excluded);
    }
    // The PDF reports' fonts ship (and only the fonts with their licence, not the rest of build/).
    expect(files).toEqual(expect.arrayContaining(['build/fonts/*.ttf', 'build/fonts/OFL.txt']));
    // No pattern brings in sources or the whole tree.
    const included = files.filter(f => !f.startsWith('!'));
    expect(
      included.every(
        f =>
          f === 'package.json' ||
          /^(out\/(main|preload|renderer)|migrations)\//.test(f) ||
          /^build\/fonts\/(\*\.ttf|OFL\.txt)$/.test(f),
      ),
    ).toBe(true);
  });
});

/** Relative module specifiers of a TS file: `import … from`, `export … from`, `import()`. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

function resolveModule(fromFile: string, spec: string): string {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && /\.(ts|tsx|json)$/.test(candidate)) {
      return candidate;
    }
  }
  throw new Error(`cannot resolve ${spec} from ${relative(repo, fromFile)}`);
}

/** Every source file reachable from `entry` through relative imports (type-only ones included). */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    for (const spec of relativeImports(file)) queue.push(resolveModule(file, spec));
  }
  return seen;
}

describe('packaging: the Electron main process never loads the test host', () => {
  for (const entry of ['src-main/electron/main.ts', 'src-preload/index.ts']) {
    it(`${entry} reaches no file under src-main/host`, () => {
      const graph = [...importGraph(join(repo, entry))].map(f => relative(repo, f));
      expect(graph.filter(f => f.startsWith('src-main/host/'))).toEqual([]);
      // The walker really follows imports (guards against a regex that matches nothing).
      expect(graph).toContain('src-shared/ipc/contract.ts');
    });
  }

  it('the walker does see the host when something imports it', () => {
    const graph = [...importGraph(join(repo, 'src-main/host/main.ts'))].map(f => relative(repo, f));
    expect(graph).toContain('src-main/host/server.ts');
    expect(graph).toContain('src-main/app/compose.ts');
  });
});
