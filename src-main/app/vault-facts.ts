/**
 * The opened vault's facts that declared `also` conditions may read (src-shared/ipc/contract.ts,
 * `VaultFacts`): read on demand through the session's connection, inside the audited call's
 * transaction, so a condition judges the state the handler will change.
 */
import type { OfficeMembershipFacts, VaultFacts } from '../../src-shared/ipc/contract';
import type { OpenVault } from '../vault';

/** The facts of the vault `openVault` returns (none open: no membership). */
export function vaultFactsOf(openVault: () => OpenVault | null): VaultFacts {
  return Object.freeze({
    officeMembership(): OfficeMembershipFacts | null {
      const open = openVault();
      if (!open) return null;
      // Kysely builds the query; better-sqlite3 runs it synchronously (the wrapper is synchronous).
      const query = open.db.selectFrom('office_settings').select(['status', 'role']).compile();
      const row = open.sqlite
        .prepare<unknown[], Pick<OfficeMembershipFacts, 'status' | 'role'>>(query.sql)
        .get(...query.parameters);
      return row ? { status: row.status, role: row.role } : null;
    },
  });
}
