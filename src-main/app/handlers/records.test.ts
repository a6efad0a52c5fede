/**
 * `records.export` through the router (audit wrapper + permission wrapper) on a real vault: the
 * scope of each role, the read grant each type needs, and the export limits (approval threshold).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../src-shared/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import { recordsContract, type RecordExportResult } from '../../../src-shared/ipc/records';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContact } from '../../crm/contacts';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { writeGuardSettings } from '../../guard/settings';
import { createRouter, requirePermission, type Router } from '../../ipc';
import type { OpenVault } from '../../vault';
import { createAuditWrapper } from '../audit-wrapper';
import { createVaultState, type VaultState } from '../vault-state';
import { recordsHandlers } from './records';

let vault: OpenVault;
let state: VaultState;
let router: Router;
let staff: TestStaff;

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  staff = t.staff;
  state = createVaultState(vault.dir);
  router = createRouter({
    contract: { records: recordsContract },
    handlers: {
      records: recordsHandlers({ openVault: () => state.openVault(), timeZone: 'Europe/Kyiv' }),
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [createAuditWrapper({ state, deviceId: 'dev-test' }), requirePermission],
  });
  for (const [owner, surname] of [
    [staff.anna, 'Коваль'],
    [staff.anna, 'Мельник'],
    [staff.borys, 'Борисенко'],
  ] as const) {
    await createContact(
      vault.db,
      { userId: owner },
      contactInputSchema.parse({ surname, givenName: 'Клієнт' }),
    );
  }
});

afterAll(() => vault.close());

function as(who: keyof TestStaff, role: BuiltInRole, teamId: string | null = null): void {
  state.signIn(vault, {
    userId: staff[who],
    login: who,
    role,
    grants: BUILT_IN_GRANTS[role],
    teamId,
  });
}

async function exportAs(input: Record<string, unknown>): Promise<Result<RecordExportResult>> {
  return (await router.call('zamok:records.export', input, {
    host: 'cli',
  })) as Result<RecordExportResult>;
}

describe('records.export', () => {
  it('exports within the role’s scope; a role without the right or the read grant is refused', async () => {
    as('anna', 'manager', 'north');
    const mine = await exportAs({ type: 'contacts', format: 'csv' });
    expect(mine.ok && mine.value.count).toBe(2);
    expect(mine.ok && mine.value.content).not.toContain('Борисенко');
    as('head', 'head');
    const all = await exportAs({ type: 'contacts', format: 'xlsx' });
    expect(all.ok && all.value.count).toBe(3);
    as('owner', 'administrator');
    const admin = await exportAs({ type: 'companies', format: 'csv' });
    expect(!admin.ok && admin.error.code).toBe('forbidden');
    const vcard = await exportAs({ type: 'deals', format: 'vcf' });
    expect(!vcard.ok && vcard.error.code).toBe('invalid_input');
  });

  it('above the approval threshold a manager is refused and nothing leaves; the owner is not', async () => {
    writeGuardSettings(vault.sqlite, { exportApprovalAbove: 1 });
    try {
      as('anna', 'manager', 'north');
      const refused = await exportAs({ type: 'contacts', format: 'csv' });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('forbidden');
      expect(refused.error.details).toMatchObject({ reason: 'approval_required', count: 2 });
      expect(JSON.stringify(refused)).not.toContain('Коваль');
      as('owner', 'owner');
      const owner = await exportAs({ type: 'contacts', format: 'csv' });
      expect(owner.ok && owner.value.count).toBe(3);
    } finally {
      writeGuardSettings(vault.sqlite, { exportApprovalAbove: null });
    }
  });
});
