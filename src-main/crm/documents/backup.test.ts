/**
 * Documents survive a backup: a document attached through the service is in the backup as its
 * encrypted `.zdoc` (never plaintext), comes back byte for byte after a restore, and still decrypts
 * with the key kept in its row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../src-shared/contacts';
import type { ZamokApp } from '../../app/compose';
import { documentsServiceFor } from '../../app/handlers/documents';
import { createBackup } from '../../backup/create';
import { readPlainRecipient } from '../../backup/recipient';
import { restoreBackup } from '../../backup/restore';
import { FIXTURE_OWNER, makeFixtureVault } from '../../backup/backup-vault.test-support';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { vaultPaths } from '../../vault';
import { createContact } from '../contacts';
import { documentPath, openDocumentStream } from './files';
import { TINY_PDF, readAll, streamOf } from './documents.test-support';
import { createTransferRegistry } from './transfers';

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

describe('documents in backups', () => {
  it('a restored vault holds the encrypted document, which still decrypts with its row’s key', async () => {
    const f = await makeFixtureVault();
    apps.push(f.app);
    const db = f.vault.db;
    const owner = await db
      .selectFrom('users')
      .select('id')
      .where('login', '=', FIXTURE_OWNER.login)
      .executeTakeFirstOrThrow();
    const input = contactInputSchema.parse({ surname: 'Коваль', givenName: 'Олена' });
    const contact = (await createContact(f.vault.db, { userId: owner.id }, input)).after;
    const transfers = createTransferRegistry();
    const service = documentsServiceFor({ openVault: () => f.vault, transfers });
    const viewer = { userId: owner.id, teamId: null, scope: 'all' as const };
    const { ticket } = await service.startUpload(viewer, {
      record: { type: 'contact', id: contact.id },
      file: { name: 'договір.pdf', size: TINY_PDF.length },
    });
    await transfers.take(ticket, 'upload')?.receive(streamOf(TINY_PDF));
    const doc = await service.finishUpload(owner.id, ticket);
    const row = await db
      .selectFrom('documents')
      .select(['file_key', 'size', 'sha256'])
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();

    const created = await createBackup({
      vaultDir: f.dir,
      vault: f.vault,
      destination: makeTempDir('zamok-docs-backup-'),
      encryption: { kind: 'recipient', recipient: readPlainRecipient(f.dir, f.vaultId) ?? '' },
      createdBy: FIXTURE_OWNER.login,
      now: new Date(f.clock.now()),
    });
    const member = `attachments/${doc.id.slice(0, 2)}/${doc.id}.zdoc`;
    expect(created.manifest.members.map(m => m.name)).toContain(member);

    const target = join(makeTempDir('zamok-docs-restore-'), 'vault');
    await restoreBackup({
      file: created.file,
      secret: { recoveryKey: f.recoveryKey },
      targetDir: target,
      actor: { userLogin: FIXTURE_OWNER.login },
    });
    const original = documentPath(vaultPaths(f.dir).attachments, doc.id);
    const restored = documentPath(vaultPaths(target).attachments, doc.id);
    expect(readFileSync(restored).equals(readFileSync(original))).toBe(true);
    expect(readFileSync(restored).includes(Buffer.from('%PDF'))).toBe(false);
    const plain = await readAll(
      await openDocumentStream({
        attachmentsDir: vaultPaths(target).attachments,
        id: doc.id,
        key: Buffer.from(row.file_key ?? Buffer.alloc(32)),
        size: row.size,
        sha256: row.sha256,
      }),
    );
    expect(plain.equals(TINY_PDF)).toBe(true);
  });
});
