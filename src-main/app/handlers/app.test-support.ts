/**
 * The composed app of the handler tests: a router built like the app's (audit wrapper → session
 * guard → permission wrapper → handler) over a real test vault, and sessions of the test staff
 * (crm/contacts/contacts.test-support). Never imported by the app.
 */
import type { Kysely } from 'kysely';
import type { ContractSpec, Result } from '../../../src-shared/ipc/contract';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createUser } from '../../auth/accounts';
import type { TestStaff } from '../../crm/contacts/contacts.test-support';
import {
  createRouter,
  requirePermission,
  type Handlers,
  type Router,
  type Session,
  type Wrapper,
} from '../../ipc';
import type { OpenVault, VaultDatabase } from '../../vault';
import { createAuditWrapper } from '../audit-wrapper';
import { createSessionGuard } from '../session-guard';
import { createVaultState, type VaultState } from '../vault-state';

/** The built-in role of each member of the test staff. */
export const ROLE_OF: Record<keyof TestStaff, BuiltInRole> = {
  owner: 'owner',
  anna: 'manager',
  borys: 'manager',
  vira: 'manager',
  head: 'head',
  gone: 'manager',
};

/** The value of an ok result; a failure throws with its code and message. */
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`call failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const opened: OpenVault[] = [];

/** Keeps `made`'s vault for {@link closeTestVaults}; answers `made` itself. */
export async function keepOpen<T extends { vault: OpenVault }>(made: Promise<T>): Promise<T> {
  const t = await made;
  opened.push(t.vault);
  return t;
}

/** Closes the vaults kept by {@link keepOpen} (a test file's `afterEach`). */
export function closeTestVaults(): void {
  for (const vault of opened.splice(0)) vault.close();
}

/** What the handlers of a {@link TestApp} get: the app's state and its open vault. */
export interface TestAppDeps {
  state: VaultState;
  openVault: () => OpenVault | null;
}

/** A composed app over one vault. */
export interface TestApp {
  state: VaultState;
  router: Router;
  /** Calls `zamok:<name>` from the CLI host as whoever is signed in. */
  call: (name: string, input: unknown) => Promise<Result<unknown>>;
  /**
   * Signs `who` of the staff in with their built-in role's grants and no team, unless `session`
   * says otherwise (a custom role, a team).
   */
  signInStaff: (who: keyof TestStaff, session?: Partial<Session>) => void;
}

/**
 * Composes `contract` and its `handlers` over `vault` like the app does. `sessionGuard: false`
 * leaves out the guard that re-reads the account on each call (sessions with chosen grants).
 */
export function composeTestApp<C extends ContractSpec>(options: {
  vault: OpenVault;
  staff: TestStaff;
  contract: C;
  handlers: (deps: TestAppDeps) => Handlers<C>;
  sessionGuard?: boolean;
  /** Wrappers after the session guard (e.g. the idle lock), given the app's state. */
  wrappers?: (state: VaultState) => Wrapper[];
}): TestApp {
  const { vault, staff } = options;
  const state = createVaultState(vault.dir);
  const audit = createAuditWrapper({ state, deviceId: 'dev-test' });
  const router = createRouter({
    contract: options.contract,
    handlers: options.handlers({ state, openVault: () => state.openVault() }),
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [
      audit,
      ...(options.sessionGuard === false ? [] : [createSessionGuard({ state })]),
      ...(options.wrappers?.(state) ?? []),
      requirePermission,
    ],
  });
  return {
    state,
    router,
    call: (name, input) => router.call(`zamok:${name}`, input, { host: 'cli' }),
    signInStaff: (who, session = {}) => {
      const role = ROLE_OF[who];
      state.signIn(vault, {
        userId: staff[who],
        login: who,
        role,
        grants: BUILT_IN_GRANTS[role],
        teamId: null,
        ...session,
      });
    },
  };
}

/**
 * One user of each built-in role for the permission matrices: the staff's owner, head and a manager
 * (borys), an administrator and an auditor added here, and two managers whose records are "another
 * user's" (anna, the stranger; vira, the colleague).
 */
export async function usersByRole(db: Kysely<VaultDatabase>, staff: TestStaff) {
  const add = async (login: string, role: BuiltInRole) =>
    (await createUser(db, { login, displayName: login, role })).id;
  return {
    owner: staff.owner,
    head: staff.head,
    manager: staff.borys,
    administrator: await add('admin', 'administrator'),
    auditor: await add('auditor', 'auditor'),
    stranger: staff.anna,
    colleague: staff.vira,
  };
}
