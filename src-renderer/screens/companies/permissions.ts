/** What the signed-in role may do with companies: used only to hide controls (main decides). */
import type { Grants } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { recordAbilities, type RecordAbilities } from '../../components/records/abilities';

/** The company actions the interface offers to a role. */
export interface CompanyAbilities extends RecordAbilities {
  read: boolean;
  /** contacts.restore (the one restore grant): deleted companies, their filter and Restore. */
  restore: boolean;
  /** contacts.read: the company page lists its people. */
  readContacts: boolean;
}

/** The abilities of a role's grants. */
export function companyAbilities(grants: Grants): CompanyAbilities {
  return {
    ...recordAbilities(grants, 'companies'),
    read: grantOf(grants, 'companies.read') !== undefined,
    restore: grantOf(grants, 'contacts.restore') !== undefined,
    readContacts: grantOf(grants, 'contacts.read') !== undefined,
  };
}
