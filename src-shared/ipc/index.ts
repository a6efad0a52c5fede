/**
 * The merged contract: every feature's channels. Add a feature here and the router (main) will not
 * compile until it has handlers for every call; the preload and renderer pick it up automatically.
 */
import { alertsContract } from './alerts';
import { analyticsContract } from './analytics';
import { auditContract } from './audit';
import { authContract } from './auth';
import { backupContract } from './backup';
import { bulkContract } from './bulk';
import { viewsContract } from './views';
import { activitiesContract } from './activities';
import { companiesContract } from './companies';
import { contactsContract } from './contacts';
import { dealsContract, pipelinesContract } from './deals';
import { devicesContract } from './devices';
import { documentsContract } from './documents';
import { erasureContract } from './erasure';
import { importsContract } from './imports';
import { mergesContract } from './merges';
import { privacyContract } from '../privacy/contract';
import { recordsContract } from './records';
import { reportsContract } from './reports';
import { rolesContract } from './roles';
import { searchContract } from './search';
import { securityContract } from './security';
import { settingsContract } from './settings';
import { teamsContract } from './teams';
import { customFieldsContract } from './custom-fields';
import { syncContract } from './sync';
import { officeContract } from './office';
import { usersContract } from './users';
import { vaultContract } from './vault';
import type { BridgeApi } from './contract';

export const contract = {
  auth: authContract,
  vault: vaultContract,
  audit: auditContract,
  users: usersContract,
  roles: rolesContract,
  teams: teamsContract,
  fields: customFieldsContract,
  contacts: contactsContract,
  companies: companiesContract,
  activities: activitiesContract,
  deals: dealsContract,
  pipelines: pipelinesContract,
  alerts: alertsContract,
  devices: devicesContract,
  security: securityContract,
  settings: settingsContract,
  backup: backupContract,
  reports: reportsContract,
  documents: documentsContract,
  search: searchContract,
  analytics: analyticsContract,
  imports: importsContract,
  erasure: erasureContract,
  privacy: privacyContract,
  sync: syncContract,
  office: officeContract,
  records: recordsContract,
  bulk: bulkContract,
  views: viewsContract,
  merges: mergesContract,
} as const;

export type Contract = typeof contract;
/** The type of `window.zamok`. */
export type ZamokApi = BridgeApi<Contract>;
