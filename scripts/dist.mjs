#!/usr/bin/env node
/**
 * `npm run dist`: installers for the current OS (Linux: AppImage + deb, Windows: NSIS, macOS: dmg +
 * zip; see electron-builder.yml). Steps: refuse the placeholder update key (lib/release-key.mjs) →
 * Electron-ABI SQLCipher driver (if missing or stale) → `electron-vite build` →
 * `electron-builder --<os> --publish never`.
 *
 * electron-builder needs an unpacked Electron. npm downloads it lazily from the internet; where that
 * never happened, this prints one line and exits 1 instead of electron-builder's stack trace.
 * ELECTRON_OVERRIDE_DIST_PATH may point at an unpacked Electron of the installed version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { repositoryKeyProblem } from './lib/release-key.mjs';

const repo = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The line printed when no Electron binary is available (src-main/electron/dist-script.test.ts). */
const NO_ELECTRON_MESSAGE =
  'Cannot build installers here: the Electron binary is not downloaded (no internet). ' +
  'Run on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH.';

const PLATFORM_FLAG = { linux: '--linux', win32: '--win', darwin: '--mac' };
const BINARY = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: join('Electron.app', 'Contents', 'MacOS', 'Electron'),
};

function fail(line) {
  console.error(line);
  process.exit(1);
}

/** The folder of an unpacked Electron for this OS, or null. */
function electronDist() {
  const binary = BINARY[process.platform];
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return existsSync(join(override, binary)) ? resolve(override) : null;
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  // electron's install script writes path.txt once the zip is downloaded and unpacked into dist/.
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = join(packageDir, 'dist');
  return existsSync(join(dist, readFileSync(pathFile, 'utf8').trim())) ? dist : null;
}

function step(name, command, args) {
  console.log(`dist: ${name}`);
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) fail(`dist: ${name} failed (see the output above).`);
}

/** True when native/electron holds a driver built for the installed Electron version. */
function nativeDriverCurrent(electronVersion) {
  const info = join(repo, 'native', 'electron', 'build-info.json');
  if (!existsSync(join(repo, 'native', 'electron', 'better_sqlite3.node')) || !existsSync(info)) {
    return false;
  }
  try {
    return JSON.parse(readFileSync(info, 'utf8')).electron === electronVersion;
  } catch {
    return false;
  }
}

function main() {
  const flag = PLATFORM_FLAG[process.platform];
  if (!flag) fail(`Cannot build installers on ${process.platform}: only Linux, Windows and macOS.`);
  const dist = electronDist();
  if (!dist) fail(NO_ELECTRON_MESSAGE);
  // Before anything is built: a release with the placeholder update key could never update.
  const keyProblem = repositoryKeyProblem(repo);
  if (keyProblem) fail(`dist: refusing to build installers: ${keyProblem}`);
  const electronVersion = require('electron/package.json').version;
  const node = process.execPath;
  const bin = name => join(repo, 'node_modules', '.bin', name);
  if (!nativeDriverCurrent(electronVersion)) {
    step('SQLCipher driver for Electron', node, [
      join(repo, 'scripts', 'build-native-electron.mjs'),
    ]);
  }
  step('electron-vite build', bin('electron-vite'), ['build']);
  step(`electron-builder ${flag}`, bin('electron-builder'), [
    flag,
    '--publish',
    'never',
    `-c.electronDist=${dist}`,
    `-c.electronVersion=${electronVersion}`,
  ]);
  console.log('dist: installers are in dist/.');
}

try {
  main();
} catch (err) {
  fail(`dist: ${err instanceof Error ? err.message : String(err)}`);
}
