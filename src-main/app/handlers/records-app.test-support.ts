/**
 * Test-only: the record channels (contacts, companies, documents, search) through the composed test
 * app (./app.test-support: audit wrapper → session guard → permission → handler) on a real vault,
 * signed in as any member of the test staff — with a built-in role or a custom one an owner made.
 */
import { companiesContract } from '../../../src-shared/ipc/companies';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import { documentsContract } from '../../../src-shared/ipc/documents';
import { searchContract } from '../../../src-shared/ipc/search';
import type { Grants } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { createTransferRegistry } from '../../crm/documents';
import { createRole } from '../../roles/roles';
import type { OpenVault } from '../../vault';
import { composeTestApp } from './app.test-support';
import { companiesHandlers } from './companies';
import { contactsHandlers } from './contacts';
import { documentsHandlers } from './documents';
import { searchHandlers } from './search';

export { value } from './app.test-support';

/** The record app on a fresh vault; push `vault` to the caller's close list. */
export async function recordsApp() {
  const { vault, staff } = await createContactsTestVault();
  const transfers = createTransferRegistry();
  const app = composeTestApp({
    vault,
    staff,
    contract: {
      companies: companiesContract,
      contacts: contactsContract,
      documents: documentsContract,
      search: searchContract,
    },
    handlers: ({ openVault }) => ({
      companies: companiesHandlers({ openVault }),
      contacts: contactsHandlers({ openVault }),
      documents: documentsHandlers({ openVault, transfers }),
      search: searchHandlers({ openVault }),
    }),
  });
  const customRoles = new Map<keyof TestStaff, { id: string; grants: Grants }>();
  /** Gives `who` a custom role with `grants`, stored like the owner's role editor does. */
  async function giveRole(who: keyof TestStaff, name: string, grants: Grants): Promise<void> {
    const owner = { userId: staff.owner, role: 'owner', grants: BUILT_IN_GRANTS.owner };
    const role = await createRole(vault.db, owner, { name, grants }, new Date());
    vault.sqlite.prepare('UPDATE users SET role = ? WHERE id = ?').run(role.id, staff[who]);
    customRoles.set(who, { id: role.id, grants: role.grants });
  }
  /** Signs `who` in; `call` runs a channel (`feature.call`) as them. */
  function as(who: keyof TestStaff) {
    const custom = customRoles.get(who);
    app.signInStaff(who, custom ? { role: custom.id, grants: custom.grants } : {});
    const call = (name: string, input: unknown): Promise<Result<unknown>> => app.call(name, input);
    return { call };
  }
  return { vault, staff, as, giveRole, transfers };
}

/** The soft-delete stamps of one row of `table`, to show a refused call changed nothing. */
export function stampsOf(vault: OpenVault, table: 'contacts' | 'companies', id: string): unknown {
  return vault.sqlite
    .prepare(`SELECT deleted_at, deleted_by, updated_at, updated_by FROM ${table} WHERE id = ?`)
    .get(id);
}
