/**
 * Issue 17 point 4 for a company card that is a person (ФОП): the canary planted in the card, an
 * edit, a note, a document and the search index is gone after the erasure — from SQL, from FTS
 * MATCH, and from every decrypted page of zamok.db and its WAL after close — while the audit chain
 * still verifies and the contact that was linked to the card stays, without the link.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import { verifyAuditChain } from '../../audit';
import { call, ok } from '../../app/handlers/audit.fixture';
import { documentPath } from '../../crm/documents/files';
import { vaultPaths } from '../../vault';
import { eraseCompany } from './erase';
import { CANARY, CANARY_RNOKPP, ownerSignedIn, plantCompanyCanary } from './erasure.test-support';
import { rawHits as rawPageHits } from './raw-pages.test-support';

const CANARY_TAIL = CANARY.slice(-7);

function rawHits(dir: string, key: Buffer, text: string): { db: number; wal: number } {
  return rawPageHits(vaultPaths(dir).database, key, text);
}

describe('erasing a company card that is a person', () => {
  it('leaves no trace of her in the decrypted file, its WAL, search or the audit log', async () => {
    const { app, dir, vault } = await ownerSignedIn();
    const planted = await plantCompanyCanary(app);
    const key = vault.dataKey();
    vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The scanner works: before the erasure she is on the pages.
    expect(rawHits(dir, key, CANARY).db).toBeGreaterThan(0);
    expect(rawHits(dir, key, CANARY_RNOKPP).db).toBeGreaterThan(0);
    expect(rawHits(dir, key, CANARY_TAIL).db).toBeGreaterThan(0);
    const file = documentPath(vaultPaths(dir).attachments, planted.documentId);
    expect(existsSync(file)).toBe(true);

    const report = await eraseCompany(vault, {
      companyId: planted.companyId,
      reason: 'request',
      by: null,
      at: new Date(),
    });
    expect(report).toMatchObject({
      found: true,
      activities: 1,
      documents: 1,
      contactsUnlinked: 1,
      checkpointed: true,
    });
    expect(report.auditEntries).toBeGreaterThanOrEqual(4);
    expect(existsSync(file)).toBe(false);

    const match = vault.sqlite
      .prepare(
        'SELECT count(*) AS n FROM search_text_companies WHERE search_text_companies MATCH ?',
      )
      .get(`"${CANARY}"`) as { n: number };
    expect(match.n).toBe(0);
    const found = await ok<Record<string, unknown[]>>(call(app, 'search.query', { text: CANARY }));
    expect(Object.values(found).flat()).toEqual([]);
    expect(verifyAuditChain(vault.sqlite)).toMatchObject({ ok: true, erased: report.auditEntries });
    const kept = await ok<Contact>(call(app, 'contacts.get', { id: planted.linked.id }));
    expect(kept.companyId).toBeNull();
    const recorded = vault.sqlite.prepare('SELECT entity_type FROM erasures WHERE id = ?');
    expect(recorded.pluck().get(report.erasureId)).toBe('company');

    await ok(call(app, 'auth.signOut', {}));
    app.dispose();
    for (const text of [CANARY, CANARY_TAIL, CANARY_RNOKPP]) {
      expect(rawHits(dir, key, text)).toEqual({ db: 0, wal: 0 });
    }
    expect(rawHits(dir, key, 'Бухгалтерова').db).toBeGreaterThan(0);
    key.fill(0);
  });
});
