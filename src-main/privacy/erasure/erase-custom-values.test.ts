/**
 * Issue 18 point 7 meets erasure: a contact's custom field values live in its row
 * (`contacts.custom_values`, migration 0030) and in the search index (text and choice values), and
 * their changes in the audit log. After the erasure none of them holds the value (decrypted file
 * and WAL scanned); the field's definition stays (it is the office's, not the person's).
 */
import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../src-shared/custom-fields';
import { call, ok } from '../../app/handlers/audit.fixture';
import { vaultPaths } from '../../vault';
import { eraseContact } from './erase';
import { ownerSignedIn, plantCanary } from './erasure.test-support';
import { countOf, decryptDatabase, decryptWal } from './raw-pages.test-support';

/** A value no other test data holds (a hobby typed into a text field). */
const VALUE = 'Колекціонує марки Гуцульщини';

describe('erasing a contact: its custom field values', () => {
  it('leaves no custom value in the row, the search index, the audit log or the file', async () => {
    const { app, dir, vault } = await ownerSignedIn();
    const { contact } = await plantCanary(app);
    const hobby = await ok<CustomField>(
      call(app, 'fields.create', { recordType: 'contact', label: 'Хобі', kind: 'text' }),
    );
    const source = await ok<CustomField>(
      call(app, 'fields.create', {
        recordType: 'contact',
        label: 'Джерело',
        kind: 'choice',
        options: ['OLX', 'Prom'],
      }),
    );
    await ok(
      call(app, 'fields.setValues', {
        recordType: 'contact',
        id: contact.id,
        values: { [hobby.id]: VALUE, [source.id]: 'Prom' },
      }),
    );
    const found = await ok<{ contacts?: { id: string }[] }>(
      call(app, 'search.query', { text: 'Гуцульщини' }),
    );
    expect((found.contacts ?? []).map(h => h.id)).toEqual([contact.id]);
    const key = vault.dataKey();

    await eraseContact(vault, {
      contactId: contact.id,
      reason: 'request',
      by: null,
      at: new Date(),
    });

    const gone = await ok<{ contacts?: { id: string }[] }>(
      call(app, 'search.query', { text: 'Гуцульщини' }),
    );
    expect(gone.contacts ?? []).toEqual([]);
    const stillValues = vault.sqlite
      .prepare("SELECT count(*) FROM contacts WHERE custom_values LIKE '%Гуцульщини%'")
      .pluck()
      .get();
    expect(stillValues).toBe(0);
    expect(vault.sqlite.prepare('SELECT count(*) FROM custom_fields').pluck().get()).toBe(2);

    await ok(call(app, 'auth.signOut', {}));
    app.dispose();
    const paths = vaultPaths(dir);
    for (const text of [VALUE, 'Гуцульщини']) {
      expect(countOf(decryptDatabase(paths.database, key), text)).toBe(0);
      expect(countOf(decryptWal(`${paths.database}-wal`, key), text)).toBe(0);
    }
    key.fill(0);
  });
});
