/**
 * Handler of the `search` channel. The channel is open to any session; what it searches is decided
 * by the caller's grants: each entity group needs its read permission, and that grant's scope goes
 * into the SQL (src-main/crm/search). Not audited (results as you type).
 */
import type { searchContract } from '../../../src-shared/ipc/search';
import { searchRecords } from '../../crm/search';
import type { Handlers } from '../../ipc';
import type { OpenVault } from '../../vault';
import { callerWithGrants, requireVault } from './kit';

/** What the search handler needs from the app. */
export interface SearchHandlerDeps {
  /** The vault of the signed-in session (null when locked: answered `unauthenticated`). */
  openVault(): OpenVault | null;
}

/** The `search` feature's handlers for the router. */
export function searchHandlers(
  deps: SearchHandlerDeps,
): Handlers<{ search: typeof searchContract }>['search'] {
  return {
    query: async (ctx, input) => {
      const caller = callerWithGrants(ctx);
      return searchRecords(requireVault(deps).db, caller, {
        text: input.text,
        limit: input.limit,
      });
    },
  };
}
