/** What the signed-in role may do with contacts: used only to hide controls (main decides). */
import type { Grants } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';

/** The contact actions the interface offers to a role. */
export interface ContactAbilities {
  /** contacts.read reaches beyond own records: show owners and the owner filter. */
  wideScope: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  restore: boolean;
  reassign: boolean;
  share: boolean;
  /** contacts.export: the list's "Export" button. */
  export: boolean;
  /** users.read: the colleagues list for the owner filter, reassign and share. */
  readUsers: boolean;
}

/** The abilities of a role's grants. */
export function contactAbilities(grants: Grants): ContactAbilities {
  const read = grantOf(grants, 'contacts.read');
  return {
    wideScope: read === 'team' || read === 'all',
    create: grantOf(grants, 'contacts.create') !== undefined,
    update: grantOf(grants, 'contacts.update') !== undefined,
    delete: grantOf(grants, 'contacts.delete') !== undefined,
    restore: grantOf(grants, 'contacts.restore') !== undefined,
    reassign: grantOf(grants, 'contacts.reassign') !== undefined,
    share: grantOf(grants, 'contacts.share') !== undefined,
    export: grantOf(grants, 'contacts.export') !== undefined,
    readUsers: grantOf(grants, 'users.read') !== undefined,
  };
}
