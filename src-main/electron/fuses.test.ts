/**
 * Electron fuses are flipped into the binary at packaging time (electron-builder `electronFuses`).
 * A missing or misspelled key silently leaves the insecure default, so this test reads
 * electron-builder.yml and checks every fuse the security checklist needs (docs/SECURITY.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

type Fuses = NonNullable<Configuration['electronFuses']>;

const repo = resolve(import.meta.dirname, '..', '..');
// js-yaml ships with electron-builder (its own config parser); no types are installed for it.
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as {
  electronFuses?: Record<string, unknown>;
};

/** Every fuse electron-builder 26 knows, with the value Zamok requires (undefined: no opinion). */
const REQUIRED: Record<keyof Fuses, boolean | undefined> = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node interpreter.
  runAsNode: false,
  // NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) could inject code or trust at launch.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect / SIGUSR1 would open a debugger into the process holding the vault key.
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
  loadBrowserProcessSpecificV8Snapshot: undefined,
  resetAdHocDarwinSignature: undefined,
};

describe('electron-builder.yml fuses', () => {
  const fuses = config.electronFuses ?? {};

  it.each(Object.entries(REQUIRED).filter(([, v]) => v !== undefined))(
    '%s is %s',
    (name, value) => {
      expect(fuses[name]).toBe(value);
    },
  );

  it('names no fuse electron-builder does not know (a typo would leave the default)', () => {
    const unknown = Object.keys(fuses).filter(name => !(name in REQUIRED));
    expect(unknown).toEqual([]);
  });
});
