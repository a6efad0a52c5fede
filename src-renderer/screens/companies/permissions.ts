/** What the signed-in role may do with companies: used only to hide controls (main decides). */
import type { Grants } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';

/** The company actions the interface offers to a role. */
export interface CompanyAbilities {
  read: boolean;
  /** companies.read reaches beyond own records: show owners. */
  wideScope: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  reassign: boolean;
  /** contacts.restore (the one restore grant): deleted companies, their filter and Restore. */
  restore: boolean;
  /** contacts.read: the company page lists its people. */
  readContacts: boolean;
  /** users.read: the colleagues list for reassign. */
  readUsers: boolean;
}

/** The abilities of a role's grants. */
export function companyAbilities(grants: Grants): CompanyAbilities {
  const read = grantOf(grants, 'companies.read');
  return {
    read: read !== undefined,
    wideScope: read === 'team' || read === 'all',
    create: grantOf(grants, 'companies.create') !== undefined,
    update: grantOf(grants, 'companies.update') !== undefined,
    delete: grantOf(grants, 'companies.delete') !== undefined,
    reassign: grantOf(grants, 'companies.reassign') !== undefined,
    restore: grantOf(grants, 'contacts.restore') !== undefined,
    readContacts: grantOf(grants, 'contacts.read') !== undefined,
    readUsers: grantOf(grants, 'users.read') !== undefined,
  };
}
