/**
 * The vault the backup case copies: a real SQLCipher vault (low KDF) with the backup recipient
 * stored as the setup wizard stores it, contacts with notes (about a fifth of the size) and
 * attachment files of random bytes (the rest: attachments are stored encrypted, so random bytes
 * look like the real thing to tar, age and the disk). Closed when returned, as a scheduled or CLI
 * run finds it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUser } from '../src-main/auth/accounts';
import { storeBackupRecipient } from '../src-main/backup/recipient';
import { fieldsToColumns } from '../src-main/crm/contacts/tables';
import { vaultPaths } from '../src-main/vault';
import { createTestVault } from '../src-main/vault/temp-vault.test-support';
import { fakeContactFields, seededRandom } from './names';

/** Share of the requested size that goes into the database (the rest is attachments). */
const DATABASE_SHARE = 0.2;
const MIB = 1024 * 1024;

/** A generated vault. */
export interface BackupVault {
  /** The vault folder (zamok.db, keyring.json, backup.json, attachments/). */
  dir: string;
  vaultId: string;
  recoveryKey: string;
  /** The age X25519 recipient stored in backup.json. */
  recipient: string;
  contacts: number;
  attachments: number;
  /** Bytes a backup copies: database + keyring + attachments. */
  bytes: number;
}

const NOTE =
  'Клієнт просив передзвонити після свят: обговорити нове замовлення, умови доставки до Львова ' +
  'та оплату частинами. Попередній рахунок сплачено вчасно, претензій немає. ';

/** Writes a vault of about `megabytes` MB into `<parent>/vault`. */
export async function createBackupVault(parent: string, megabytes: number): Promise<BackupVault> {
  const target = megabytes * MIB;
  const { vault, dir, vaultId, recoveryKey } = await createTestVault({
    dir: join(parent, 'vault'),
  });
  let contacts = 0;
  let recipient: string;
  try {
    recipient = await storeBackupRecipient(vault, recoveryKey);
    const db = vault.db;
    const owner = await createUser(db, { login: 'owner', displayName: 'Власник', role: 'owner' });
    const sqlite = vault.sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO contacts (id, owner_id, surname, given_name, patronymic, company_name, address,
         source, notes, phones, emails, messengers, tags, sort_key, search_text, created_at,
         created_by, updated_at, updated_by)
       VALUES (@id, @owner_id, @surname, @given_name, @patronymic, @company_name, @address,
         @source, @notes, @phones, @emails, @messengers, @tags, @sort_key, @search_text,
         @at, @owner_id, @at, @owner_id)`,
    );
    // A big page cache while loading (random UUID keys touch index pages all over the file).
    sqlite.pragma('cache_size = -262144');
    const random = seededRandom(11);
    const at = new Date().toISOString();
    const dbBytes = () =>
      Number(sqlite.pragma('page_count', { simple: true })) *
      Number(sqlite.pragma('page_size', { simple: true }));
    // At least one batch: an empty vault's schema alone may already fill a small target's share.
    do {
      sqlite.transaction(() => {
        for (let i = 0; i < 200; i++, contacts++) {
          const fields = fakeContactFields(random, contacts);
          insert.run({
            id: randomUUID(),
            owner_id: owner.id,
            ...fieldsToColumns({ ...fields, notes: `${NOTE.repeat(4)}№${contacts}` }),
            at,
          });
        }
      })();
    } while (dbBytes() < target * DATABASE_SHARE);
  } finally {
    vault.close();
  }

  const paths = vaultPaths(dir);
  let bytes = statSync(paths.database).size + statSync(paths.keyring).size;
  let attachments = 0;
  const random = seededRandom(12);
  while (bytes < target) {
    const folder = join(paths.attachments, randomUUID().slice(0, 2));
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // 64 KiB … 4 MiB: scans, contracts, photos.
    const size = Math.min(target - bytes, Math.floor(64 * 1024 + random() * 4 * MIB));
    writeFileSync(join(folder, `${randomUUID()}.bin`), randomBytes(size), { mode: 0o600 });
    bytes += size;
    attachments += 1;
  }
  return { dir, vaultId, recoveryKey, recipient, contacts, attachments, bytes };
}
