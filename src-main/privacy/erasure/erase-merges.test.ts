/**
 * Issue 15 point 4: a merge keeps the merged records' rows so it can be undone — personal data.
 * Erasing a person who took part in a merge deletes that merge record: nothing of them is left in
 * the decrypted database file or its WAL, and the merge can no longer be undone.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import { call, ok } from '../../app/handlers/audit.fixture';
import { mergeRecords, unmergeRecords } from '../../crm/merge/merge';
import { rejectionCode } from '../../crm/record/vaults.test-support';
import { vaultPaths } from '../../vault';
import { eraseContact } from './erase';
import { CANARY, ownerSignedIn, plantCanary } from './erasure.test-support';
import { countOf, decryptDatabase, decryptWal } from './raw-pages.test-support';

describe('erasing a contact who took part in a merge', () => {
  it('deletes the merge record with the rows it kept', async () => {
    const { app, dir, vault } = await ownerSignedIn();
    const { contact } = await plantCanary(app);
    const copy = await ok<Contact>(
      call(app, 'contacts.create', {
        contact: { surname: 'Копія', givenName: 'Зоряна', phones: [{ number: '+380671112233' }] },
      }),
    );
    const ownerId = vault.sqlite.prepare("SELECT id FROM users WHERE role = 'owner'").pluck().get();
    const viewer = { userId: String(ownerId), teamId: null, scope: 'all' as const };
    const { result } = await mergeRecords(vault, viewer, {
      type: 'contacts',
      survivorId: contact.id,
      mergedIds: [copy.id],
      fields: {},
    });
    const merges = () => vault.sqlite.prepare('SELECT count(*) FROM record_merges').pluck().get();
    expect(merges()).toBe(1);
    const key = vault.dataKey();

    await eraseContact(vault, {
      contactId: contact.id,
      reason: 'request',
      by: null,
      at: new Date(),
    });

    expect(merges()).toBe(0);
    expect(vault.sqlite.prepare('SELECT count(*) FROM record_merge_members').pluck().get()).toBe(0);
    expect(await rejectionCode(unmergeRecords(vault, viewer, 'contacts', result.mergeId))).toBe(
      'not_found',
    );
    await ok(call(app, 'auth.signOut', {}));
    app.dispose();
    const paths = vaultPaths(dir);
    expect(countOf(decryptDatabase(paths.database, key), CANARY)).toBe(0);
    expect(countOf(decryptWal(`${paths.database}-wal`, key), CANARY)).toBe(0);
    key.fill(0);
  });
});
