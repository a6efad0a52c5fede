#!/usr/bin/env node
/**
 * `npm run build:native-electron`: compiles better-sqlite3-multiple-ciphers for Electron's ABI into
 * native/electron/better_sqlite3.node, leaving the Node build in node_modules untouched (tests and
 * the CLI keep using it). Electron main loads this copy through better-sqlite3's `nativeBinding`
 * option (src-main/electron/native.ts); electron-builder ships it as an extra resource.
 *
 * Needs Electron's headers (downloaded once from ELECTRON_HEADERS_URL, default electronjs.org) plus
 * python3, make and a C++ compiler. Without them it fails with one line, not a stack.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const MODULE = 'better-sqlite3-multiple-ciphers';
const distUrl = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';
const devDir = join(homedir(), '.electron-gyp');

function fail(message) {
  console.error(`build:native-electron: ${message}`);
  process.exit(1);
}

async function headersReachable(version) {
  if (existsSync(join(devDir, version, 'include', 'node', 'node_version.h'))) return true;
  try {
    const url = `${distUrl}/v${version}/node-v${version}-headers.tar.gz`;
    const reply = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(8000) });
    return reply.ok;
  } catch {
    return false;
  }
}

async function main() {
  let electronVersion;
  let moduleDir;
  try {
    electronVersion = require('electron/package.json').version;
    moduleDir = dirname(require.resolve(`${MODULE}/package.json`));
  } catch {
    fail('electron or better-sqlite3-multiple-ciphers is not installed: run npm install first.');
  }
  if (!(await headersReachable(electronVersion))) {
    fail(
      `cannot download Electron ${electronVersion} headers from ${distUrl} (no internet?). ` +
        'Run this on a machine with internet access, or set ELECTRON_HEADERS_URL to a mirror.',
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'zamok-native-'));
  try {
    // Build a copy: rebuilding in node_modules would replace the Node build the tests need.
    cpSync(moduleDir, work, { recursive: true, filter: f => !f.includes(`${MODULE}/build`) });
    // The machine's npmrc may point node-gyp at Node's headers (nodedir): that would build for Node.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^npm_config_nodedir$/i.test(key)),
    );
    const gyp = join(repo, 'node_modules', '.bin', 'node-gyp');
    const result = spawnSync(
      gyp,
      [
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--runtime=electron',
        `--dist-url=${distUrl}`,
        `--devdir=${devDir}`,
      ],
      { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built)) {
      fail(
        'node-gyp could not compile the addon (see the output above; needs python3, make, g++).',
      );
    }
    const outDir = join(repo, 'native', 'electron');
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, join(outDir, 'better_sqlite3.node'));
    const moduleVersion = require(`${MODULE}/package.json`).version;
    writeFileSync(
      join(outDir, 'build-info.json'),
      `${JSON.stringify({ electron: electronVersion, [MODULE]: moduleVersion }, null, 2)}\n`,
    );
    console.log(
      `build:native-electron: native/electron/better_sqlite3.node for Electron ${electronVersion}.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
