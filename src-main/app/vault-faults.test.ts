/**
 * vault-faults.ts on a real vault: a corruption error that the vault itself does not show (it came
 * from another file, e.g. a backup being read) never stops a healthy vault; SQLite's storage codes
 * become the typed answers.
 */
import { describe, expect, it } from 'vitest';
import { createTestVault } from '../vault/temp-vault.test-support';
import { storageFault, vaultFault } from './vault-faults';
import { createVaultState } from './vault-state';

function sqliteError(code: string): Error {
  return Object.assign(new Error('from SQLite'), { code });
}

describe('vault faults', () => {
  it('a SQLITE_CORRUPT from another file leaves a healthy vault open and unmarked', async () => {
    const { dir, vault } = await createTestVault();
    const state = createVaultState(dir);
    state.signIn(vault, { userId: 'u1', login: 'owner', role: 'owner', grants: {}, teamId: null });
    const error = sqliteError('SQLITE_CORRUPT');
    expect(vaultFault(error, state)).toBe(error);
    expect(state.vault).toBe(vault);
    expect(vault.closed).toBe(false);
    vault.close();
  });

  it('maps full, read-only and busy to their codes, and leaves other errors alone', () => {
    expect(storageFault(sqliteError('SQLITE_FULL'))?.code).toBe('vault_full');
    expect(storageFault(sqliteError('SQLITE_READONLY_DBMOVED'))?.code).toBe('vault_not_writable');
    expect(storageFault(sqliteError('SQLITE_BUSY_SNAPSHOT'))?.code).toBe('vault_in_use');
    expect(storageFault(sqliteError('SQLITE_CONSTRAINT'))).toBeNull();
    expect(storageFault(new Error('plain'))).toBeNull();
  });
});
