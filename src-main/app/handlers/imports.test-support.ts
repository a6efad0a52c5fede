/**
 * Test-only: the `imports` channels behind the router's audit and permission wrappers, on a real
 * vault with the contacts test staff and an administrator; sign in as one of them and call.
 */
import type { Result } from '../../../src-shared/ipc/contract';
import { importsContract } from '../../../src-shared/ipc/imports';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createUser } from '../../auth/accounts';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { createRouter, requirePermission, type Router } from '../../ipc';
import type { OpenVault } from '../../vault';
import { createAuditWrapper } from '../audit-wrapper';
import { createVaultState, type VaultState } from '../vault-state';
import { importsHandlers } from './imports';

/** The app under test: close `vault` when done. */
export interface ImportsTestApp {
  vault: OpenVault;
  state: VaultState;
  router: Router;
  staff: TestStaff & { admin: string };
  /** Signs `who` in with a built-in role. */
  as(who: keyof TestStaff | 'admin', role: BuiltInRole, teamId?: string | null): void;
  /** Calls `zamok:imports.<name>` as the command line does (a path is allowed). */
  call<T>(name: string, input: Record<string, unknown>): Promise<Result<T>>;
}

/** A fresh vault and router with the imports handlers (see the module comment). */
export async function createImportsTestApp(): Promise<ImportsTestApp> {
  const t = await createContactsTestVault();
  const { vault } = t;
  const admin = await createUser(t.db, {
    login: 'admin',
    displayName: 'Адмін',
    role: 'administrator',
  });
  const staff = { ...t.staff, admin: admin.id };
  const state = createVaultState(vault.dir);
  const router = createRouter({
    contract: { imports: importsContract },
    handlers: {
      imports: importsHandlers({ openVault: () => state.openVault(), deviceId: () => 'dev-test' }),
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [createAuditWrapper({ state, deviceId: 'dev-test' }), requirePermission],
  });
  return {
    vault,
    state,
    router,
    staff,
    as: (who, role, teamId = null) =>
      state.signIn(vault, {
        userId: staff[who],
        login: who,
        role,
        grants: BUILT_IN_GRANTS[role],
        teamId,
      }),
    call: async <T>(name: string, input: Record<string, unknown>) =>
      (await router.call(`zamok:imports.${name}`, input, { host: 'cli' })) as Result<T>,
  };
}

/** The value of an ok result; throws with the error's code otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
