/**
 * The Electron-ABI driver probe: what the user sees when the addon is missing, built for another ABI
 * or not an addon at all; the Node build (what tests and the CLI use) passes and opens real vaults
 * through `setNativeBinding`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setNativeBinding } from '../vault/database';
import { createTestVault } from '../vault/temp-vault.test-support';
import {
  NATIVE_FIX_COMMAND,
  classifyLoadError,
  electronNativeBindingPath,
  nativeProblemDialog,
  probeNativeBinding,
} from './native';

const require = createRequire(import.meta.url);
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

afterEach(() => setNativeBinding(undefined));

describe('probeNativeBinding', () => {
  it('accepts the default and an explicit Node build', () => {
    expect(probeNativeBinding(undefined)).toEqual({ ok: true });
    expect(probeNativeBinding(nodeBuild)).toEqual({ ok: true });
  });

  it('reports a missing addon and names the fix', () => {
    const probe = probeNativeBinding('/nonexistent/native/electron/better_sqlite3.node');
    expect(probe).toMatchObject({ ok: false, problem: 'missing' });
    if (probe.ok) return;
    const dialog = nativeProblemDialog(probe, false);
    expect(dialog.body).toContain(NATIVE_FIX_COMMAND);
    expect(nativeProblemDialog(probe, true).body).toMatch(/reinstall/);
  });

  it('reports a file that is not an addon without throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zamok-native-'));
    try {
      const fake = join(dir, 'better_sqlite3.node');
      writeFileSync(fake, 'not an ELF file');
      expect(probeNativeBinding(fake)).toMatchObject({ ok: false, problem: 'unloadable' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('recognises the ABI mismatch message Node and Electron print', () => {
    const message =
      "The module '/opt/Zamok/resources/native/electron/better_sqlite3.node'\nwas compiled " +
      'against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of ' +
      'Node.js requires\nNODE_MODULE_VERSION 140.';
    expect(classifyLoadError(new Error(message))).toBe('abi_mismatch');
    const dialog = nativeProblemDialog(
      { ok: false, problem: 'abi_mismatch', detail: 'NODE_MODULE_VERSION 115' },
      false,
    );
    expect(dialog.body).toContain('different Electron or Node.js version');
    expect(dialog.body).toContain(NATIVE_FIX_COMMAND);
  });

  it('finds the addon in resources when packaged and in the repo under npm start', () => {
    const where = { resourcesPath: '/opt/Zamok/resources', appPath: '/src/zamok' };
    expect(electronNativeBindingPath({ isPackaged: true, ...where })).toBe(
      '/opt/Zamok/resources/native/electron/better_sqlite3.node',
    );
    expect(electronNativeBindingPath({ isPackaged: false, ...where })).toBe(
      '/src/zamok/native/electron/better_sqlite3.node',
    );
  });
});

describe('setNativeBinding', () => {
  it('opens real vaults with the configured addon', async () => {
    setNativeBinding(nodeBuild);
    const created = await createTestVault();
    try {
      expect(created.vault.sqlite.prepare('SELECT count(*) AS n FROM vault_meta').get()).toEqual({
        n: 3,
      });
    } finally {
      created.vault.close();
      rmSync(dirname(created.dir), { recursive: true, force: true });
    }
  });

  it('a broken addon path stops the vault from opening', async () => {
    setNativeBinding('/nonexistent/better_sqlite3.node');
    await expect(createTestVault()).rejects.toThrow();
  });
});
