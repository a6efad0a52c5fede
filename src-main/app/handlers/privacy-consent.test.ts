/**
 * A contact's consents through the composed app on a real vault: a manager records and withdraws a
 * basis for a contact they can read (not for another manager's), an export made for a purpose
 * leaves out withdrawn and missing consents, and an objection leaves the contact out of every export.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { ConsentRecord, ContactConsentState } from '../../../src-shared/privacy';
import { closeTestVaults, value } from './app.test-support';
import { consentApp as app, CONTRACTS, NEWSLETTER } from './privacy-consent.test-support';

afterEach(closeTestVaults);

describe('consent per contact and purpose', () => {
  it('withdrawn or missing consent leaves a contact out of an export for that purpose', async () => {
    const { signInStaff, call, create, exported, consent } = await app();
    signInStaff('borys');
    const given = await create('Згодний');
    const withdrawn = await create('Відкликав');
    const never = await create('Мовчазний');
    value(await consent(given.id, NEWSLETTER));
    value(await consent(withdrawn.id, NEWSLETTER));
    value(
      await call('privacy.withdrawConsent', { contactId: withdrawn.id, purposeId: NEWSLETTER }),
    );

    const forNewsletter = await exported(NEWSLETTER);
    expect(forNewsletter).toContain('Згодний');
    expect(forNewsletter).not.toContain('Відкликав');
    expect(forNewsletter).not.toContain('Мовчазний');
    // A purpose on another ground (contract) needs no consent row, but a withdrawn one still counts.
    value(await consent(never.id, CONTRACTS, { ground: 'contract' }));
    value(await call('privacy.withdrawConsent', { contactId: never.id, purposeId: CONTRACTS }));
    const forContracts = await exported(CONTRACTS);
    expect(forContracts).toContain('Згодний');
    expect(forContracts).toContain('Відкликав');
    expect(forContracts).not.toContain('Мовчазний');
    // Without a purpose everyone is exported.
    const all = await exported();
    for (const name of ['Згодний', 'Відкликав', 'Мовчазний']) expect(all).toContain(name);
  });

  it('an objection leaves the contact out of every export until cleared', async () => {
    const { signInStaff, call, create, exported, consent } = await app();
    signInStaff('borys');
    const objector = await create('Заперечник');
    await create('Звичайний');
    value(await consent(objector.id, NEWSLETTER));
    const state = value<ContactConsentState>(
      await call('privacy.setObjection', { contactId: objector.id, objected: true }),
    );
    expect(state.objection).not.toBeNull();
    expect(await exported()).not.toContain('Заперечник');
    expect(await exported(NEWSLETTER)).not.toContain('Заперечник');
    expect(await exported()).toContain('Звичайний');
    value(await call('privacy.setObjection', { contactId: objector.id, objected: false }));
    expect(await exported(NEWSLETTER)).toContain('Заперечник');
  });

  it('keeps only the hash of the consent text, audited without it; the state shows it', async () => {
    const { signInStaff, call, create, consent, vault } = await app();
    signInStaff('borys');
    const c = await create('Петренко');
    const text = 'Я погоджуюся отримувати новини бюро.';
    const r = value<ConsentRecord>(await consent(c.id, NEWSLETTER, { consentText: text }));
    expect(r.textHash).toBe(createHash('sha256').update(text).digest('hex'));
    const state = value<ContactConsentState>(
      await call('privacy.consentState', { contactId: c.id }),
    );
    const row = state.purposes.find(p => p.purpose.id === NEWSLETTER);
    expect(row?.current?.id).toBe(r.id);
    expect(row?.current?.recordedBy).toBe(r.recordedBy);
    const entry = vault.sqlite
      .prepare<[], { details: string; entity_id: string }>(
        `SELECT details, entity_id FROM audit_log WHERE action = 'privacy.record_consent'`,
      )
      .get();
    expect(entry?.entity_id).toBe(c.id);
    expect(entry?.details).toContain(r.textHash);
    expect(entry?.details).not.toContain('погоджуюся');
  });

  it('another manager cannot see or record consent for a contact they cannot read', async () => {
    const { signInStaff, call, create, consent, vault } = await app();
    signInStaff('borys');
    const c = await create('Чужий');
    signInStaff('anna');
    const refused = await consent(c.id, NEWSLETTER);
    expect(refused.ok ? 'ok' : refused.error.code).toBe('not_found');
    const state = await call('privacy.consentState', { contactId: c.id });
    expect(state.ok ? 'ok' : state.error.code).toBe('not_found');
    const rows = vault.sqlite.prepare('SELECT count(*) AS n FROM privacy_consents').get();
    expect(rows).toEqual({ n: 0 });
  });

  it('refuses an unknown purpose and a withdrawal with nothing to withdraw, changing nothing', async () => {
    const { signInStaff, call, create, consent, vault } = await app();
    signInStaff('borys');
    const c = await create('Коваль');
    const unknown = await consent(c.id, '0190a000-0000-7000-8000-00000000ffff');
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('not_found');
    const none = await call('privacy.withdrawConsent', { contactId: c.id, purposeId: NEWSLETTER });
    expect(none.ok ? 'ok' : none.error.code).toBe('conflict');
    expect(vault.sqlite.prepare('SELECT count(*) AS n FROM privacy_consents').get()).toEqual({
      n: 0,
    });
  });
});
