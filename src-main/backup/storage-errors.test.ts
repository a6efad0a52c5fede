/**
 * Which disk failed: real file-system errors are blamed on the folder being written only when they
 * name a file in it (or the folder is gone); an error about the vault's own files is not the
 * destination's, and an unrelated error stays as it is.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { BackupError } from './errors';
import { writeFailure } from './storage-errors';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('writeFailure', () => {
  it('a missing file inside the folder: missing; a missing file elsewhere: not the folder’s', () => {
    const dest = makeTempDir('zamok-dest-');
    const vault = makeTempDir('zamok-vault-');
    const inDest = thrown(() => readFileSync(join(dest, 'gone.partial')));
    const inVault = thrown(() => readFileSync(join(vault, 'attachments', 'x.bin')));
    expect(writeFailure(inDest, dest, 'destination')?.reason).toBe('destination_missing');
    expect(writeFailure(inVault, dest, 'destination')).toBeNull();
  });

  it('a folder that is gone is missing whatever the error; a full disk is full everywhere', () => {
    const parent = makeTempDir('zamok-parent-');
    const dest = join(parent, 'usb');
    mkdirSync(dest);
    rmSync(dest, { recursive: true });
    const err = thrown(() => mkdirSync(join(dest, 'a', 'b')));
    expect(writeFailure(err, dest, 'destination')?.reason).toBe('destination_missing');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    expect(writeFailure(full, parent, 'vault')?.reason).toBe('target_full');
    expect(writeFailure(full, parent, 'temporary')?.message).toMatch(/temporary folder/);
  });

  it('a BackupError passes unchanged; an error that is not about files stays as it is', () => {
    const dest = makeTempDir('zamok-dest-');
    const typed = new BackupError('wrong_key', 'x');
    expect(writeFailure(typed, dest, 'destination')).toBe(typed);
    expect(writeFailure(new TypeError('bug'), dest, 'destination')).toBeNull();
  });
});
