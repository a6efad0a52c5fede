/** What the signed-in role may do with a record type: used only to hide controls (main decides). */
import type { Grants } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';

/** The actions every owned record type offers a role. */
export interface RecordAbilities {
  read: boolean;
  /** `<type>.read` reaches beyond own records: show owners (and an owner filter). */
  wideScope: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  reassign: boolean;
  /** contacts.restore (the one restore grant): deleted records, their filter and Restore. */
  restore: boolean;
  /** users.read: the colleagues list for the owner filter and reassign. */
  readUsers: boolean;
}

/** The shared abilities of a role's grants for `type`. */
export function recordAbilities(grants: Grants, type: 'contacts' | 'companies'): RecordAbilities {
  const read = grantOf(grants, `${type}.read`);
  return {
    read: read !== undefined,
    wideScope: read === 'team' || read === 'all',
    create: grantOf(grants, `${type}.create`) !== undefined,
    update: grantOf(grants, `${type}.update`) !== undefined,
    delete: grantOf(grants, `${type}.delete`) !== undefined,
    reassign: grantOf(grants, `${type}.reassign`) !== undefined,
    restore: grantOf(grants, 'contacts.restore') !== undefined,
    readUsers: grantOf(grants, 'users.read') !== undefined,
  };
}
