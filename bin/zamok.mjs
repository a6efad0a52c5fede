#!/usr/bin/env node
// The `zamok` command: runs the compiled CLI (out/cli/zamok.mjs, `npm run build:cli`). When that file
// is missing, or older than a source file it is built from, it is built first (one note on stderr).
// Building writes to a private folder and renames into place, so runs started together never see a
// half-written file.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const built = join(repo, 'out', 'cli', 'zamok.mjs');
const config = join(repo, 'vite.cli.config.ts');

/** Newest modification time of the CLI's inputs: sources (tests excluded), the config, package.json. */
function newestSource() {
  let newest = Math.max(statSync(config).mtimeMs, statSync(join(repo, 'package.json')).mtimeMs);
  for (const dir of ['src-main', 'src-shared', 'src-server']) {
    for (const name of readdirSync(join(repo, dir), { recursive: true })) {
      if (!/\.(ts|json)$/.test(name) || /\.test\.ts$/.test(name)) continue;
      newest = Math.max(newest, statSync(join(repo, dir, name)).mtimeMs);
    }
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(built)) return 'missing';
  // An installed copy without sources (or the build config) runs what it has.
  if (!existsSync(config) || !existsSync(join(repo, 'src-main'))) return null;
  return newestSource() > statSync(built).mtimeMs ? 'older than its sources' : null;
}

const reason = needsBuild();
if (reason) {
  process.stderr.write(`zamok: building the CLI (out/cli/zamok.mjs is ${reason})…\n`);
  mkdirSync(dirname(built), { recursive: true });
  const outDir = mkdtempSync(join(repo, 'out', '.cli-build-'));
  const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(
    process.execPath,
    [vite, 'build', '--config', config, '--outDir', outDir, '--logLevel', 'error'],
    { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (run.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    process.stderr.write('zamok: the CLI build failed (npm run build:cli shows why).\n');
    process.exit(1);
  }
  // Chunks first (content-hashed names: a run still loading the previous build finds its own),
  // the entry last.
  for (const name of readdirSync(outDir).filter(n => n !== 'zamok.mjs')) {
    renameSync(join(outDir, name), join(dirname(built), name));
  }
  renameSync(join(outDir, 'zamok.mjs'), built);
  rmSync(outDir, { recursive: true, force: true });
}

await import(pathToFileURL(built).href);
