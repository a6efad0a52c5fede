/**
 * Companies, the main-process half: scoped repository functions over the vault database. The scope
 * always comes from the caller's role (a `Viewer` built from the `companies.*` grant) and always
 * ends up in the SQL. Contacts link to companies (contacts.company_id, see ../contacts/company-link.ts).
 */
export { listCompanies, type CompanyListQuery } from './list';
export {
  createCompany,
  deleteCompany,
  getCompany,
  readCompany,
  reassignCompany,
  restoreCompany,
  updateCompany,
  type CompanyChange,
} from './repository';
export type { Viewer } from '../record/viewer';
