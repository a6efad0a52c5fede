/**
 * Issue 15 point 4 through the composed app (audit wrapper → session guard → permission →
 * handler): merge and unmerge are audited with the survivor's before/after and one related entry
 * per merged-away record; a manager cannot merge another manager's contact (not found, nothing
 * written); an auditor, without the update grant, is refused before the handler.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import { companiesContract } from '../../../src-shared/ipc/companies';
import { mergesContract } from '../../../src-shared/ipc/merges';
import type { MergeResult, MergeSummary } from '../../../src-shared/merge';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { dumpVault } from '../../crm/merge/merge.test-support';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { companiesHandlers } from './companies';
import { contactsHandlers } from './contacts';
import { mergesHandlers } from './merges';

afterEach(closeTestVaults);

async function mergeApp() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const app = composeTestApp({
    vault,
    staff,
    contract: { contacts: contactsContract, companies: companiesContract, merges: mergesContract },
    handlers: ({ openVault }) => ({
      contacts: contactsHandlers({ openVault }),
      companies: companiesHandlers({ openVault }),
      merges: mergesHandlers({ openVault }),
    }),
  });
  const create = async (surname: string, phone: string) =>
    value<Contact>(
      await app.call('contacts.create', {
        contact: { surname, givenName: 'Олена', phones: [{ number: phone }] },
      }),
    );
  return { vault, staff, app, create };
}

function auditRows(t: Awaited<ReturnType<typeof mergeApp>>, action: string) {
  return t.vault.sqlite
    .prepare(
      'SELECT action, entity_type, entity_id, outcome, changes, details FROM audit_log WHERE action = ? ORDER BY seq',
    )
    .all(action) as {
    entity_id: string;
    outcome: string;
    changes: string | null;
    details: string | null;
  }[];
}

describe('merges channels', () => {
  it('merge and unmerge are audited with before/after and related entries', async () => {
    const t = await mergeApp();
    t.app.signInStaff('anna');
    const keep = await t.create('Петренко', '0671234567');
    const copy = await t.create('Петренко-Ковальчук', '0501234567');
    const merged = value<MergeResult>(
      await t.app.call('merges.merge', {
        type: 'contacts',
        survivorId: keep.id,
        mergedIds: [copy.id],
        fields: { surname: copy.id },
      }),
    );
    const [entry] = auditRows(t, 'merges.merge');
    expect(entry?.entity_id).toBe(keep.id);
    expect(entry?.outcome).toBe('ok');
    expect(JSON.parse(entry?.changes ?? '{}')).toMatchObject({
      surname: { before: 'Петренко', after: 'Петренко-Ковальчук' },
    });
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      mergeId: merged.mergeId,
      mergedIds: [copy.id],
    });
    const deleted = auditRows(t, 'contacts.delete');
    expect(deleted.map(d => d.entity_id)).toEqual([copy.id]);

    const history = value<MergeSummary[]>(
      await t.app.call('merges.history', { type: 'contacts', id: keep.id }),
    );
    expect(history.map(h => h.id)).toEqual([merged.mergeId]);

    value(await t.app.call('merges.unmerge', { type: 'contacts', mergeId: merged.mergeId }));
    const [undone] = auditRows(t, 'merges.unmerge');
    expect(undone?.entity_id).toBe(keep.id);
    expect(JSON.parse(undone?.changes ?? '{}')).toMatchObject({
      surname: { before: 'Петренко-Ковальчук', after: 'Петренко' },
    });
    expect(auditRows(t, 'contacts.restore').map(r => r.entity_id)).toEqual([copy.id]);
    const again = await t.app.call('merges.unmerge', { type: 'contacts', mergeId: merged.mergeId });
    expect(again.ok ? null : again.error.code).toBe('conflict');
  });

  it('another manager’s contact cannot be merged: not found, nothing written', async () => {
    const t = await mergeApp();
    t.app.signInStaff('borys');
    const theirs = await t.create('Бондар', '0931112233');
    t.app.signInStaff('anna');
    const mine = await t.create('Бондар', '0931112234');
    const before = dumpVault(t.vault.sqlite);
    for (const [survivorId, mergedId] of [
      [mine.id, theirs.id],
      [theirs.id, mine.id],
    ] as const) {
      const result = await t.app.call('merges.merge', {
        type: 'contacts',
        survivorId,
        mergedIds: [mergedId],
      });
      expect(result.ok ? null : result.error.code).toBe('not_found');
    }
    const after = dumpVault(t.vault.sqlite);
    // vault_meta holds the audit chain's head, which the two refused attempts moved.
    delete before.vault_meta;
    delete after.vault_meta;
    expect(after).toEqual(before);
    expect(auditRows(t, 'merges.merge').map(r => r.outcome)).toEqual(['failed', 'failed']);
  });

  it('a role without the update grant is refused before the handler', async () => {
    const t = await mergeApp();
    t.app.signInStaff('anna');
    const a = await t.create('Коваль', '0671110000');
    const b = await t.create('Коваль', '0671110001');
    t.vault.sqlite.prepare("UPDATE users SET role = 'auditor' WHERE id = ?").run(t.staff.vira);
    t.app.signInStaff('vira', { role: 'auditor', grants: BUILT_IN_GRANTS.auditor });
    const result = await t.app.call('merges.merge', {
      type: 'contacts',
      survivorId: a.id,
      mergedIds: [b.id],
    });
    expect(result.ok ? null : result.error.code).toBe('forbidden');
  });
});
