/** What the signed-in role may do with contacts: used only to hide controls (main decides). */
import type { Grants } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { recordAbilities, type RecordAbilities } from '../../components/records/abilities';

/** The contact actions the interface offers to a role. */
export interface ContactAbilities extends RecordAbilities {
  share: boolean;
  /** contacts.export: the list's "Export" button. */
  export: boolean;
}

/** The abilities of a role's grants. */
export function contactAbilities(grants: Grants): ContactAbilities {
  return {
    ...recordAbilities(grants, 'contacts'),
    share: grantOf(grants, 'contacts.share') !== undefined,
    export: grantOf(grants, 'contacts.export') !== undefined,
  };
}
