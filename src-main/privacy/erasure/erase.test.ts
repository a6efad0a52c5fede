/**
 * Issue 17 point 4: a canary planted in a contact, an edit, a note, a document and the search
 * index is gone after an erasure — from SQL, from FTS MATCH, and from every decrypted page of
 * zamok.db and its WAL after close — while the audit chain still verifies.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit';
import { call, ok } from '../../app/handlers/audit.fixture';
import { documentPath } from '../../crm/documents/files';
import { vaultPaths } from '../../vault';
import { eraseContact } from './erase';
import { CANARY, CANARY_EMAIL, ownerSignedIn, plantCanary } from './erasure.test-support';
import { rawHits as rawPageHits } from './raw-pages.test-support';

const CANARY_TAIL = CANARY.slice(-7);

function rawHits(dir: string, key: Buffer, text: string): { db: number; wal: number } {
  return rawPageHits(vaultPaths(dir).database, key, text);
}

describe('erasing a contact', () => {
  it('leaves no trace of the canary in the decrypted file, its WAL, search or the audit log', async () => {
    const { app, dir, vault } = await ownerSignedIn();
    const planted = await plantCanary(app);
    const other = await plantCanary(app, 'Стороннійпан', 'other.person@example.com');
    // An export asked for by a search on the surname (as the approval queue stores it).
    vault.sqlite
      .prepare(
        `INSERT INTO export_requests (id, user_id, filter, count, format, requested_at)
         VALUES ('req-1', (SELECT id FROM users LIMIT 1), ?, 1, 'csv', ?)`,
      )
      .run(JSON.stringify({ filter: { text: CANARY } }), new Date().toISOString());
    const key = vault.dataKey();
    // The scanner works: before the erasure the canary is on the pages.
    vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(rawHits(dir, key, CANARY).db).toBeGreaterThan(0);
    expect(rawHits(dir, key, CANARY_EMAIL).db).toBeGreaterThan(0);
    // The search index keeps terms case-folded and prefix-compressed (a term's start may be shared
    // with the term before it on the page): its tail is always stored whole.
    expect(rawHits(dir, key, CANARY_TAIL).db).toBeGreaterThan(0);
    const file = documentPath(vaultPaths(dir).attachments, planted.documentId);
    expect(existsSync(file)).toBe(true);

    const report = await eraseContact(vault, {
      contactId: planted.contact.id,
      reason: 'request',
      by: null,
      at: new Date(),
    });
    expect(report).toMatchObject({ found: true, activities: 1, documents: 1, checkpointed: true });
    expect(report.auditEntries).toBeGreaterThanOrEqual(4);
    expect(existsSync(file)).toBe(false);

    const match = vault.sqlite
      .prepare('SELECT count(*) AS n FROM search_text_contacts WHERE search_text_contacts MATCH ?')
      .get(`"${CANARY}"`) as { n: number };
    expect(match.n).toBe(0);
    const found = await ok<Record<string, unknown[]>>(call(app, 'search.query', { text: CANARY }));
    expect(Object.values(found).flat()).toEqual([]);
    const kept = await ok<Record<string, unknown[]>>(
      call(app, 'search.query', { text: 'Стороннійпан' }),
    );
    expect(Object.values(kept).flat().length).toBeGreaterThan(0);
    expect(verifyAuditChain(vault.sqlite)).toMatchObject({ ok: true, erased: report.auditEntries });
    const request = vault.sqlite.prepare("SELECT filter FROM export_requests WHERE id = 'req-1'");
    expect(JSON.parse((request.get() as { filter: string }).filter)).toEqual({
      filter: { text: '[erased]' },
    });
    expect(await ok(call(app, 'contacts.get', { id: other.contact.id }))).toBeTruthy();

    await ok(call(app, 'auth.signOut', {}));
    app.dispose();
    for (const text of [CANARY, CANARY_TAIL, CANARY_EMAIL, 'kanareichenko']) {
      expect(rawHits(dir, key, text)).toEqual({ db: 0, wal: 0 });
    }
    expect(rawHits(dir, key, 'Стороннійпан').db).toBeGreaterThan(0);
    key.fill(0);
  });
});
