/**
 * Contacts, the main-process half: scoped repository functions over the vault database. The scope
 * always comes from the caller's role (a `Viewer`), and always ends up in the SQL.
 */
export { linkedCompany, requireLinkableCompany } from './company-link';
export { listContacts, type ContactListQuery } from './list';
export { reassignContact, shareContact, unshareContact } from './ownership';
export {
  createContact,
  deleteContact,
  getContact,
  readContact,
  restoreContact,
  updateContact,
  type ContactChange,
  type GetOptions,
} from './repository';
export { scopeCondition, type ScopeAccess } from './scope';
export { contactFields } from './tables';
export type { Viewer } from '../record/viewer';
