/**
 * Issue 17 point 4, the rows other modules keep about a person by id: consent and objection
 * records, a subject request's note, office sync's field copies, conflicts and sealed changes. After
 * the erasure none of them holds the person's data (decrypted file and WAL scanned), while the
 * request stays in the register as answered-to (by id, without its note).
 */
import { describe, expect, it } from 'vitest';
import { call, ok } from '../../app/handlers/audit.fixture';
import { vaultPaths } from '../../vault';
import { eraseContact } from './erase';
import { CANARY, ownerSignedIn, plantCanary } from './erasure.test-support';
import { rawHits } from './raw-pages.test-support';

const NOTE = `Лист від пані ${CANARY}`;

describe('erasing a contact: rows kept about the person elsewhere', () => {
  it('removes consent, objection and sync copies, and keeps the request without its note', async () => {
    const { app, dir, vault } = await ownerSignedIn();
    const { contact } = await plantCanary(app);
    const purpose = await ok<{ id: string }>(
      call(app, 'privacy.createPurpose', {
        purpose: {
          name: 'Розсилка новин',
          ground: 'consent',
          categories: ['контакти'],
          retentionMonths: 36,
          retentionText: '3 роки',
          recipients: '',
          highRisk: false,
        },
      }),
    );
    await ok(
      call(app, 'privacy.recordConsent', {
        contactId: contact.id,
        purposeId: purpose.id,
        ground: 'consent',
        channel: 'paper',
        obtainedAt: '2026-03-01T09:00:00.000Z',
        consentText: `Я, ${CANARY}, згодна на розсилку`,
      }),
    );
    await ok(call(app, 'privacy.setObjection', { contactId: contact.id, objected: true }));
    const request = await ok<{ id: string }>(
      call(app, 'privacy.createRequest', {
        request: {
          contactId: contact.id,
          kind: 'erasure',
          receivedAt: '2026-03-01T10:00:00.000Z',
          note: NOTE,
        },
      }),
    );
    // What office sync would hold for a joined vault: a field copy, a conflict, a sealed change.
    const field = JSON.stringify(CANARY);
    vault.sqlite
      .prepare(
        `INSERT INTO sync_fields (record_table, record_id, field, value, seq) VALUES ('contacts', ?, 'surname', ?, 7)`,
      )
      .run(contact.id, field);
    vault.sqlite
      .prepare(
        `INSERT INTO sync_conflicts (change_id, record_table, record_id, field, base_value, kept_value,
           offered_value, device_id, created_at) VALUES ('ch-1', 'contacts', ?, 'owner_id', NULL, ?, ?, 'dev', ?)`,
      )
      .run(contact.id, field, field, new Date().toISOString());
    vault.sqlite
      .prepare(
        `INSERT INTO sync_outbox (change_id, partition_id, key_version, record_table, record_id, fields,
           sealed, created_at) VALUES ('ch-2', 'p-1', 1, 'contacts', ?, '["surname"]', 'c2VhbGVk', ?)`,
      )
      .run(contact.id, new Date().toISOString());
    const key = vault.dataKey();
    const byContact = (table: string) =>
      vault.sqlite
        .prepare(`SELECT count(*) FROM ${table} WHERE contact_id = ?`)
        .pluck()
        .get(contact.id);
    const byRecord = (table: string) =>
      vault.sqlite
        .prepare(`SELECT count(*) FROM ${table} WHERE record_id = ?`)
        .pluck()
        .get(contact.id);
    expect([byContact('privacy_consents'), byContact('privacy_objections')]).toEqual([1, 1]);

    await eraseContact(vault, {
      contactId: contact.id,
      reason: 'request',
      by: null,
      at: new Date(),
    });

    expect([byContact('privacy_consents'), byContact('privacy_objections')]).toEqual([0, 0]);
    expect(['sync_fields', 'sync_conflicts', 'sync_outbox'].map(byRecord)).toEqual([0, 0, 0]);
    const kept = vault.sqlite
      .prepare('SELECT kind, note FROM privacy_requests WHERE id = ?')
      .get(request.id);
    expect(kept).toEqual({ kind: 'erasure', note: '' });

    await ok(call(app, 'auth.signOut', {}));
    app.dispose();
    for (const text of [CANARY, 'Лист від пані']) {
      expect(rawHits(vaultPaths(dir).database, key, text)).toEqual({ db: 0, wal: 0 });
    }
    key.fill(0);
  });
});
