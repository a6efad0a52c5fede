/**
 * Issue 17 point 7 for erasure: a custom "privacy officer" role the owner makes with
 * `privacy.erase` (and read access to contacts) may erase; the erasure's own audit entry names
 * the contact and holds counts only.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import type { ErasureResult } from '../../../src-shared/ipc/erasure';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { listAudit } from '../../audit';
import { generateTotp } from '../../auth/totp';
import { createRole } from '../../roles/roles';
import type { OpenVault } from '../../vault';
import { addStaff, call, ok, ownerSignedIn, STAFF_PASSWORD } from './audit.fixture';

describe('erasure channel', () => {
  it('a custom privacy-officer role erases; the entry holds ids and counts only', async () => {
    const { app, vault, clock, setup } = await ownerSignedIn();
    const owner = { userId: setup.user.id, role: 'owner', grants: BUILT_IN_GRANTS.owner };
    const role = await createRole(
      vault.db,
      owner,
      {
        name: 'Відповідальний за персональні дані',
        grants: { 'privacy.erase': true, 'contacts.read': 'all' },
      },
      new Date(clock.now()),
    );
    const target = await ok<Contact>(
      call(app, 'contacts.create', { contact: { surname: 'Стертий', givenName: 'Пан' } }),
    );
    const officer = await addStaff(vault, 'officer', role.id, clock.now());
    await ok(call(app, 'auth.signOut', {}));
    clock.advance(30);
    await ok(
      call(app, 'auth.signIn', {
        login: officer.login,
        password: STAFF_PASSWORD,
        totpCode: generateTotp(officer.secret, clock.now()),
      }),
    );
    const result = await ok<ErasureResult>(call(app, 'erasure.erase', { contactId: target.id }));
    expect(result).toMatchObject({ contactId: target.id, found: true });
    const open = app.state.vault as OpenVault;
    const [entry] = (await listAudit(open.db, { action: 'erasure.erase', limit: 5 })).entries;
    expect(entry).toMatchObject({ entityType: 'contact', entityId: target.id, outcome: 'ok' });
    expect(JSON.stringify(entry)).not.toContain('Стертий');
  });
});
