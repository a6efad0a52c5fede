/**
 * The clean-close snapshot (issue 19 point 4): written at every lock and sign-out, it must not read
 * zamok.db (that hashed the whole file on the main thread). zamok.db is compared by size and mtime;
 * keyring.json (small) still by content.
 */
import { mkdirSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { CLEAN_CLOSE_FILE, checkVaultFiles, recordCleanClose } from './vault-files';

function folder(): string {
  const dir = join(makeTempDir('zamok-clean-close-'), 'vault');
  mkdirSync(dir);
  writeFileSync(join(dir, 'keyring.json'), '{"slots":[]}');
  return dir;
}

describe('the clean-close snapshot', () => {
  it('does not read zamok.db: a 4 GiB file is stamped in well under a second', () => {
    const dir = folder();
    writeFileSync(join(dir, 'zamok.db'), '');
    truncateSync(join(dir, 'zamok.db'), 4 * 2 ** 30); // sparse: no disk used
    const start = performance.now();
    recordCleanClose(dir);
    expect(performance.now() - start).toBeLessThan(1_000);
    const snapshot = JSON.parse(readFileSync(join(dir, CLEAN_CLOSE_FILE), 'utf8')) as {
      files: { database: { size: number; sha256: string } };
    };
    expect(snapshot.files.database).toMatchObject({ size: 4 * 2 ** 30, sha256: '' });
    expect(checkVaultFiles(dir)).toEqual({ state: 'unchanged' });
  });

  it('still reports zamok.db changed when its mtime moved, and keyring.json by content', () => {
    const dir = folder();
    writeFileSync(join(dir, 'zamok.db'), Buffer.alloc(8192));
    recordCleanClose(dir);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'zamok.db'), later, later);
    expect(checkVaultFiles(dir)).toEqual({ state: 'changed', files: ['zamok.db'] });

    recordCleanClose(dir);
    utimesSync(join(dir, 'keyring.json'), later, later); // touched, same bytes: unchanged
    expect(checkVaultFiles(dir)).toEqual({ state: 'unchanged' });
    writeFileSync(join(dir, 'keyring.json'), '{"slots":[1]}');
    expect(checkVaultFiles(dir)).toEqual({ state: 'changed', files: ['keyring.json'] });
  });
});
