/**
 * The backup case's vault is what a CLI backup would find: closed (no WAL left), the recipient in
 * backup.json, the requested size split between contacts with notes and attachment files.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlainRecipient } from '../src-main/backup/recipient';
import { vaultPaths } from '../src-main/vault';
import { makeTempDir } from '../src-main/vault/temp-vault.test-support';
import { createBackupVault } from './backup-vault';

const parent = makeTempDir('zamok-bench-backup-test-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(name =>
    statSync(join(dir, name)).isFile(),
  );
}

describe('backup vault', () => {
  it('is closed, has the backup recipient and about the requested size', async () => {
    const v = await createBackupVault(parent, 4);
    const paths = vaultPaths(v.dir);
    expect(existsSync(`${paths.database}-wal`)).toBe(false);
    expect(readPlainRecipient(v.dir, v.vaultId)).toBe(v.recipient);
    expect(v.recipient).toMatch(/^age1/);
    expect(v.contacts).toBeGreaterThan(0);
    const attachments = filesUnder(paths.attachments);
    expect(attachments).toHaveLength(v.attachments);
    const onDisk =
      statSync(paths.database).size +
      statSync(paths.keyring).size +
      attachments.reduce((sum, f) => sum + statSync(join(paths.attachments, f)).size, 0);
    expect(onDisk).toBe(v.bytes);
    expect(v.bytes).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    expect(v.bytes).toBeLessThan(4.5 * 1024 * 1024);
    // The database holds about a fifth, the attachments the rest.
    expect(statSync(paths.database).size).toBeGreaterThan(0.15 * v.bytes);
  });
});
