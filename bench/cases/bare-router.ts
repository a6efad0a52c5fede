/**
 * The contacts channels behind the same wrappers as the product's router (src-main/app/compose.ts)
 * minus the audit wrapper: the baseline of the audited-update case. Built from the exported pieces
 * on the app's own vault state, so the session, the vault connection and the handlers are shared.
 */
import { createSessionGuard } from '../../src-main/app/session-guard';
import type { VaultState } from '../../src-main/app/vault-state';
import { contactsHandlers } from '../../src-main/app/handlers/contacts';
import { createRouter, requirePermission, type Router } from '../../src-main/ipc';
import { contactsContract } from '../../src-shared/ipc/contacts';

/** A router serving `contacts.*` with session guard and permission check, without auditing. */
export function createUnauditedContactsRouter(state: VaultState): Router {
  return createRouter({
    contract: { contacts: contactsContract },
    handlers: { contacts: contactsHandlers({ openVault: () => state.openVault() }) },
    sessions: state,
    // Same arrangement as compose.ts: the permission check is a listed wrapper, not `authorize`.
    authorize: (_meta, next) => next,
    wrappers: [createSessionGuard({ state }), requirePermission],
  });
}
