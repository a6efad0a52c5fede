/** What the signed-in role may do with companies: used only to hide controls (main decides). */
import type { Grants } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { recordAbilities, type RecordAbilities } from '../../components/records/abilities';

/** The company actions the interface offers to a role: the shared ones, and the company's people. */
export type CompanyAbilities = RecordAbilities & {
  /** contacts.read: the company page lists its people. */
  readContacts: boolean;
  /** contacts.export (the one right to take client records out): the bulk bar's "Export". */
  export: boolean;
};

/** The abilities of a role's grants. */
export function companyAbilities(grants: Grants): CompanyAbilities {
  const readContacts = grantOf(grants, 'contacts.read') !== undefined;
  const exportable = grantOf(grants, 'contacts.export') !== undefined;
  return { ...recordAbilities(grants, 'companies'), readContacts, export: exportable };
}
