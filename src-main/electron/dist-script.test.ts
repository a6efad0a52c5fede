/**
 * Packaging scripts on a machine without the Electron download (like CI): one clear line and exit 1,
 * never a stack trace. Both runs are made deterministic (an empty Electron folder, an unreachable
 * headers URL and an empty home), so they never start a real build.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseKeyProblem } from '../../scripts/lib/release-key.mjs';

const repo = resolve(import.meta.dirname, '..', '..');

async function runScript(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const out = await promisify(execFile)(process.execPath, [join(repo, 'scripts', script)], {
      cwd: repo,
      env: { ...process.env, ...env },
    });
    return { code: 0, ...out };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('packaging without internet', () => {
  let empty = '';
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), 'zamok-dist-'));
  });
  afterAll(async () => {
    await rm(empty, { recursive: true, force: true });
  });

  it('npm run dist explains in one line that the Electron binary is missing', async () => {
    const result = await runScript('dist.mjs', { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'Cannot build installers here: the Electron binary is not downloaded (no internet). ' +
        'Run on a machine with internet access, or set ELECTRON_OVERRIDE_DIST_PATH.\n',
    );
  });

  it('npm run build:native-electron explains in one line that the headers cannot be fetched', async () => {
    const result = await runScript('build-native-electron.mjs', {
      ELECTRON_HEADERS_URL: 'http://127.0.0.1:9/headers',
      HOME: empty,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^build:native-electron: cannot download Electron [\d.]+ headers/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a release never ships the placeholder update key', () => {
  let electron = '';
  beforeAll(async () => {
    // A stand-in Electron folder (dist.mjs only looks for the binary) so the run reaches the check.
    electron = await mkdtemp(join(tmpdir(), 'zamok-dist-electron-'));
    await mkdir(electron, { recursive: true });
    await writeFile(join(electron, process.platform === 'win32' ? 'electron.exe' : 'electron'), '');
  });
  afterAll(async () => {
    await rm(electron, { recursive: true, force: true });
  });

  it('npm run dist refuses, in one line, before building anything', async () => {
    const result = await runScript('dist.mjs', { ELECTRON_OVERRIDE_DIST_PATH: electron });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dist: refusing to build installers: .*placeholder update key/);
    expect(lines[0]).toContain('sign-update.mjs --generate-key');
  });

  it('a freshly generated Ed25519 key passes; no key, another algorithm or the placeholder do not', () => {
    const pem = (type: 'ed25519' | 'ec') =>
      (type === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      ).publicKey
        .export({ type: 'spki', format: 'pem' })
        .toString();
    const source = (key: string) => `export const UPDATE_PUBLIC_KEY_PEM = \`${key}\`;\n`;
    expect(releaseKeyProblem(source(pem('ed25519')))).toBeNull();
    expect(releaseKeyProblem(source(pem('ec')))).toMatch(/no Ed25519 key/);
    expect(releaseKeyProblem('export const X = 1;')).toMatch(/holds no public key/);
  });
});
