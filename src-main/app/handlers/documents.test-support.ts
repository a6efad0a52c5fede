/**
 * Test-only: a real vault with the contacts test staff behind the real router (audit wrapper →
 * session guard → permission → handler) with the contacts and documents channels, for the document
 * tests of issue 14 (names, tickets at the session's end).
 */
import type { Contact } from '../../../src-shared/contacts';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import { documentsContract } from '../../../src-shared/ipc/documents';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import type { TransferRegistry } from '../../crm/documents';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { createRouter, requirePermission } from '../../ipc';
import type { OpenVault } from '../../vault';
import { createAuditWrapper } from '../audit-wrapper';
import { createSessionGuard } from '../session-guard';
import { createVaultState, type VaultStateOptions } from '../vault-state';
import { contactsHandlers } from './contacts';
import { documentsHandlers } from './documents';

/** The value of a successful call; throws with the error otherwise. */
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`call failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The app around a fresh vault; `opened` collects the vault for the test to close. */
export async function documentsTestApp(options: {
  transfers: TransferRegistry;
  opened: OpenVault[];
  state?: VaultStateOptions;
}) {
  const { vault, staff } = await createContactsTestVault();
  options.opened.push(vault);
  const state = createVaultState(vault.dir, options.state);
  const openVault = () => state.openVault();
  const router = createRouter({
    contract: { contacts: contactsContract, documents: documentsContract },
    handlers: {
      contacts: contactsHandlers({ openVault }),
      documents: documentsHandlers({ openVault, transfers: options.transfers }),
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [
      createAuditWrapper({ state, deviceId: 'dev-test' }),
      createSessionGuard({ state }),
      requirePermission,
    ],
  });
  /** Signs a manager in (over any session before). */
  const signIn = (who: 'anna' | 'borys') =>
    state.signIn(vault, {
      userId: staff[who],
      login: who,
      role: 'manager',
      grants: BUILT_IN_GRANTS.manager,
      teamId: null,
    });
  const call = (name: string, input: unknown) =>
    router.call(`zamok:${name}`, input, { host: 'cli' });
  /** A contact of the signed-in user. */
  const contact = async () =>
    value<Contact>(
      await call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Олена' } }),
    );
  return { vault, state, router, signIn, call, contact };
}
