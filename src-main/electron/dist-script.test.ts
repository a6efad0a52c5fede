/**
 * Packaging scripts on a machine without the Electron download (like CI): one clear line and exit 1,
 * never a stack trace. Both runs are made deterministic (an empty Electron folder, an unreachable
 * headers URL and an empty home), so they never start a real build.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
