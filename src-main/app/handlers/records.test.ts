/**
 * `records.export` through the router (audit wrapper + permission wrapper) on a real vault: the
 * scope of each role, the read grant each type needs, and the export limits (approval threshold,
 * the export-limits wrapper the channel declares).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../src-shared/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  recordsContract,
  type DuplicateWarning,
  type RecordExportAnswer,
  type RecordExportResult,
} from '../../../src-shared/ipc/records';
import { companyInputSchema } from '../../../src-shared/companies';
import { listAudit } from '../../audit';
import { createCompany } from '../../crm/companies/repository';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContact } from '../../crm/contacts';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { writeGuardSettings } from '../../guard/settings';
import { createRouter, requirePermission, type Router } from '../../ipc';
import type { OpenVault } from '../../vault';
import { createAuditWrapper } from '../audit-wrapper';
import { createExportLimitsWrapper } from '../export-limits';
import { createVaultState, type VaultState } from '../vault-state';
import { alertsContract } from '../../../src-shared/ipc/alerts';
import { alertsHandlers } from './alerts';
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
    contract: { records: recordsContract, alerts: alertsContract },
    handlers: {
      records: recordsHandlers({ openVault: () => state.openVault(), timeZone: 'Europe/Kyiv' }),
      alerts: alertsHandlers({ openVault: () => state.openVault(), now: () => new Date() }),
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [
      createAuditWrapper({ state, deviceId: 'dev-test' }),
      requirePermission,
      createExportLimitsWrapper({ openVault: () => state.openVault() }),
    ],
  });
  for (const [owner, surname, phone] of [
    [staff.anna, 'Коваль', '067 111 11 11'],
    [staff.anna, 'Мельник', '067 222 22 22'],
    [staff.borys, 'Борисенко', '050 999 88 77'],
  ] as const) {
    const made = await createContact(
      vault.db,
      { userId: owner },
      contactInputSchema.parse({
        surname,
        givenName: 'Клієнт',
        phones: [{ number: phone }],
        emails: [
          `${surname === 'Борисенко' ? 'borys.client' : surname === 'Коваль' ? 'koval' : 'melnyk'}@example.com`,
        ],
      }),
    );
    ids[surname] = made.after.id;
  }
  hiddenCompany = (
    await createCompany(
      vault.db,
      { userId: staff.borys },
      companyInputSchema.parse({ name: 'ТОВ «Таємниця»', edrpou: '00032129' }),
    )
  ).after.id;
});

const ids: Record<string, string> = {};
let hiddenCompany = '';

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

async function exportAnswer(input: Record<string, unknown>): Promise<RecordExportAnswer> {
  const result = (await router.call('zamok:records.export', input, {
    host: 'cli',
  })) as Result<RecordExportAnswer>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function duplicates(input: Record<string, unknown>): Promise<DuplicateWarning[]> {
  const result = (await router.call('zamok:records.duplicates', input, {
    host: 'cli',
  })) as Result<DuplicateWarning[]>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('records.duplicates (the forms’ warning)', () => {
  it('a manager entering a phone another manager owns is warned with no name or id', async () => {
    as('anna', 'manager', 'north');
    const warnings = await duplicates({ type: 'contacts', phones: ['+38 (050) 999-88-77'] });
    expect(warnings).toEqual([
      {
        field: 'phones',
        visible: false,
        message: 'This client already exists in the office (the same phone number); ask the owner.',
      },
    ]);
    const text = JSON.stringify(warnings);
    for (const secret of [ids['Борисенко'] ?? '-', 'Борисенко', staff.borys, 'borys'])
      expect(text).not.toContain(secret);
    // The probe is audited without the number.
    const { entries } = await listAudit(vault.db, { action: 'records.duplicates', limit: 5 });
    expect(entries[0]?.details).toEqual({ type: 'contacts', probed: 1, named: 0, unnamed: 1 });
    expect(JSON.stringify(entries)).not.toContain('999');
  });

  it('names her own records, never the one being edited; an e-mail in any case matches', async () => {
    as('anna', 'manager', 'north');
    expect(
      await duplicates({
        type: 'contacts',
        phones: ['0671111111'],
        emails: ['MELNYK@example.com'],
      }),
    ).toEqual([
      { field: 'phones', visible: true, recordId: ids['Коваль'], name: 'Клієнт Коваль' },
      { field: 'emails', visible: true, recordId: ids['Мельник'], name: 'Клієнт Мельник' },
    ]);
    expect(
      await duplicates({ type: 'contacts', phones: ['0671111111'], excludeId: ids['Коваль'] }),
    ).toEqual([]);
    // A head reads everyone's contacts: the same phone is named for them.
    as('head', 'head');
    const head = await duplicates({ type: 'contacts', phones: ['0509998877'] });
    expect(head).toEqual([
      { field: 'phones', visible: true, recordId: ids['Борисенко'], name: 'Клієнт Борисенко' },
    ]);
  });

  it('warns about a company’s ЄДРПОУ outside the scope without naming it', async () => {
    as('anna', 'manager', 'north');
    const warnings = await duplicates({ type: 'companies', edrpou: ' 00032129 ' });
    expect(warnings).toEqual([
      {
        field: 'edrpou',
        visible: false,
        message: 'This client already exists in the office (the same ЄДРПОУ code); ask the owner.',
      },
    ]);
    expect(JSON.stringify(warnings)).not.toContain(hiddenCompany);
    expect(JSON.stringify(warnings)).not.toContain('Таємниця');
    expect(await duplicates({ type: 'companies', edrpou: 'нема' })).toEqual([]);
  });
});

describe('records.duplicates: similar names (suggestions only)', () => {
  it('suggests her own client spelt differently, never another manager’s', async () => {
    as('anna', 'manager', 'north');
    // "КОВАЛЬ клієнт" (case), "Ковааль" (one typo): her Коваль; "Борисенко" is Borys's: nothing.
    for (const name of [
      { surname: 'КОВАЛЬ', givenName: 'клієнт' },
      { surname: 'Ковааль', givenName: 'Клієнт' },
    ]) {
      expect(await duplicates({ type: 'contacts', name })).toEqual([
        { field: 'name', visible: true, recordId: ids['Коваль'], name: 'Коваль Клієнт' },
      ]);
    }
    const hidden = await duplicates({ type: 'contacts', name: { surname: 'Борисенко' } });
    expect(hidden).toEqual([]);
    const { entries } = await listAudit(vault.db, { action: 'records.duplicates', limit: 1 });
    expect(entries[0]?.details).toMatchObject({ named: 0, unnamed: 0, similar: 0 });
    // A record already named by its phone is not suggested a second time.
    const both = await duplicates({
      type: 'contacts',
      phones: ['0671111111'],
      name: { surname: 'Коваль', givenName: 'Клієнт' },
    });
    expect(both.map(w => w.field)).toEqual(['phones']);
    // The head reads everyone's: Borys's client is suggested to her.
    as('head', 'head');
    expect(await duplicates({ type: 'contacts', name: { surname: 'Борисенко' } })).toEqual([]);
    expect(
      await duplicates({ type: 'contacts', name: { surname: 'Борисенко', givenName: 'Клієнт' } }),
    ).toEqual([
      { field: 'name', visible: true, recordId: ids['Борисенко'], name: 'Борисенко Клієнт' },
    ]);
  });

  it('on an edit form: never the record itself, still only within the read scope', async () => {
    as('anna', 'manager', 'north');
    const koval = { surname: 'Коваль', givenName: 'Клієнт' };
    // Editing Коваль: her own name is not "a similar client".
    expect(await duplicates({ type: 'contacts', name: koval, excludeId: ids['Коваль'] })).toEqual(
      [],
    );
    // Editing Мельник into "Ковааль": Коваль is suggested (a merge candidate), Мельник is not.
    expect(
      await duplicates({
        type: 'contacts',
        name: { surname: 'Ковааль', givenName: 'Клієнт' },
        excludeId: ids['Мельник'],
      }),
    ).toEqual([{ field: 'name', visible: true, recordId: ids['Коваль'], name: 'Коваль Клієнт' }]);
    // Renaming her client after Borys's: his record is never suggested to her.
    const hidden = await duplicates({
      type: 'contacts',
      name: { surname: 'Борисенко', givenName: 'Клієнт' },
      excludeId: ids['Коваль'],
    });
    expect(hidden).toEqual([]);
    // A company being edited is not its own look-alike, even for the head who reads it.
    as('head', 'head');
    expect(
      await duplicates({ type: 'companies', name: { name: 'Таємниця' }, excludeId: hiddenCompany }),
    ).toEqual([]);
  });

  it('company names without the legal form; out of scope never named', async () => {
    as('anna', 'manager', 'north');
    expect(await duplicates({ type: 'companies', name: { name: 'Таємниця' } })).toEqual([]);
    as('head', 'head');
    expect(await duplicates({ type: 'companies', name: { name: 'таємниця' } })).toEqual([
      { field: 'name', visible: true, recordId: hiddenCompany, name: 'ТОВ «Таємниця»' },
    ]);
  });
});

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

  it('a contacts export of a filtered list holds what the list shows; a filter elsewhere is refused', async () => {
    as('head', 'head');
    const filtered = await exportAs({
      type: 'contacts',
      format: 'csv',
      filter: { text: 'Мельник' },
    });
    expect(filtered.ok && filtered.value.count).toBe(1);
    expect(filtered.ok && filtered.value.content).toContain('Мельник');
    expect(filtered.ok && filtered.value.content).not.toContain('Коваль');
    const byOwner = await exportAs({
      type: 'contacts',
      format: 'csv',
      filter: { ownerId: staff.borys },
    });
    expect(byOwner.ok && byOwner.value.count).toBe(1);
    for (const bad of [
      { type: 'companies', format: 'csv', filter: { text: 'Таємниця' } },
      { type: 'contacts', format: 'csv', filter: { text: 'Мельник' }, ids: [ids['Мельник']] },
      { type: 'contacts', format: 'csv', filter: { includeDeleted: true } },
    ]) {
      const refused = await exportAs(bad);
      expect(!refused.ok && refused.error.code).toBe('invalid_input');
    }
  });

  it('above the threshold a manager’s export is stored for approval; once approved it runs once', async () => {
    writeGuardSettings(vault.sqlite, { exportApprovalAbove: 1 });
    try {
      as('anna', 'manager', 'north');
      const input = { type: 'contacts', format: 'xlsx', locale: 'en' };
      const asked = await exportAnswer(input);
      if (!('status' in asked)) throw new Error('expected a stored request');
      expect(asked).toMatchObject({ status: 'pending', count: 2 });
      expect(JSON.stringify(asked)).not.toContain('Коваль');
      const stored = vault.sqlite
        .prepare('SELECT type, format, count, decision FROM export_requests WHERE id = ?')
        .get(asked.requestId);
      expect(stored).toEqual({ type: 'contacts', format: 'xlsx', count: 2, decision: null });
      // Asking again while waiting answers the same request; another format is another request.
      expect(await exportAnswer(input)).toEqual(asked);
      const other = await exportAnswer({ ...input, format: 'csv' });
      expect('status' in other && other.requestId).not.toBe(asked.requestId);

      as('owner', 'owner');
      const owner = await exportAs({ type: 'contacts', format: 'csv' });
      expect(owner.ok && owner.value.count).toBe(3);
      const approved = await router.call(
        'zamok:alerts.approveExport',
        { requestId: asked.requestId },
        { host: 'cli' },
      );
      expect(approved.ok).toBe(true);

      as('anna', 'manager', 'north');
      const file = await exportAnswer(input);
      if ('status' in file) throw new Error('expected the approved file');
      expect(file).toMatchObject({ count: 2, encoding: 'base64' });
      const used = vault.sqlite
        .prepare('SELECT consumed_at FROM export_requests WHERE id = ?')
        .pluck()
        .get(asked.requestId);
      expect(typeof used).toBe('string');
      // Single use: the next run asks again.
      const again = await exportAnswer(input);
      expect('status' in again && again.requestId).not.toBe(asked.requestId);
      const { entries } = await listAudit(vault.db, { action: 'records.export', limit: 20 });
      expect(entries.filter(e => e.details?.pending === true).length).toBe(3);
    } finally {
      writeGuardSettings(vault.sqlite, { exportApprovalAbove: null });
    }
  });
});
