/**
 * i18next for the renderer: the shared interface words (./uk, ./en) and each screen's `i18n.ts`
 * merged with the shared error and password messages (src-shared/i18n), one instance per app, the
 * <html lang> kept in step.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en as sharedEn } from '../../src-shared/i18n/en';
import { uk as sharedUk } from '../../src-shared/i18n/uk';
import { companyMessages } from '../../src-shared/companies/messages';
import { contactMessages } from '../../src-shared/contacts/messages';
import { customMessages } from '../../src-shared/custom-fields/messages';
import * as customFields from '../components/records/custom-fields-i18n';
import { dealMessages } from '../../src-shared/deals/messages';
import { guardMessages } from '../../src-shared/guard/messages';
import * as bulk from '../components/records/bulk-i18n';
import * as recordExport from '../components/records/record-export-i18n';
import * as views from '../components/records/views-i18n';
import * as merge from '../components/records/merge/i18n';
import * as activitiesAudit from '../screens/activities/audit-i18n';
import * as activities from '../screens/activities/i18n';
import * as admin from '../screens/admin/i18n';
import * as backups from '../screens/backups/i18n';
import * as companies from '../screens/companies/i18n';
import * as contacts from '../screens/contacts/i18n';
import * as dashboard from '../screens/dashboard/i18n';
import * as deals from '../screens/deals/i18n';
import * as documents from '../screens/documents/i18n';
import * as firstSignIn from '../screens/first-sign-in/i18n';
import * as importer from '../screens/import/i18n';
import * as lock from '../screens/lock/i18n';
import * as officeSync from '../screens/office/i18n';
import * as privacy from '../screens/privacy/i18n';
import * as reports from '../screens/reports/i18n';
import * as search from '../screens/search/i18n';
import * as security from '../screens/security/i18n';
import * as office from '../screens/settings/i18n';
import * as setup from '../screens/setup/i18n';
import * as signIn from '../screens/sign-in/i18n';
import * as sync from '../shell/sync-i18n';
import * as shell from '../shell/i18n';
import * as shortcuts from '../shell/shortcuts-i18n';
import { en } from './en';
import { detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language';
import { uk } from './uk';

/** Everything each language shows: shared `errors.*` / `password.*` plus the interface text. */
export const catalogues = {
  uk: {
    ...sharedUk,
    ...contactMessages.uk,
    ...customMessages.uk,
    ...companyMessages.uk,
    ...dealMessages.uk,
    ...uk,
    setup: setup.uk,
    firstSignIn: firstSignIn.uk,
    ...signIn.uk,
    lock: lock.uk,
    sync: sync.uk,
    office: { ...office.uk, ...officeSync.uk },
    shell: shell.uk,
    shortcuts: shortcuts.uk,
    activities: activities.uk,
    contacts: contacts.uk,
    customFields: customFields.uk,
    companies: companies.uk,
    deals: deals.uk,
    documents: documents.uk,
    importer: importer.uk,
    admin: activitiesAudit.withActivityAudit(
      deals.withDealAudit(
        companies.withCompanyAudit(admin.uk, companies.companiesAuditUk),
        deals.dealsAuditUk,
      ),
      activitiesAudit.uk,
    ),
    backups: backups.uk,
    reports: reports.uk,
    privacy: privacy.uk,
    search: search.uk,
    dashboard: dashboard.uk,
    bulk: bulk.uk,
    recordExport: recordExport.uk,
    views: views.uk,
    alerts: guardMessages.uk.alerts,
    security: { ...guardMessages.uk.security, ...security.uk },
    merge: merge.uk,
  },
  en: {
    ...sharedEn,
    ...contactMessages.en,
    ...customMessages.en,
    ...companyMessages.en,
    ...dealMessages.en,
    ...en,
    setup: setup.en,
    firstSignIn: firstSignIn.en,
    ...signIn.en,
    lock: lock.en,
    sync: sync.en,
    office: { ...office.en, ...officeSync.en },
    shell: shell.en,
    shortcuts: shortcuts.en,
    activities: activities.en,
    contacts: contacts.en,
    customFields: customFields.en,
    companies: companies.en,
    deals: deals.en,
    documents: documents.en,
    importer: importer.en,
    admin: activitiesAudit.withActivityAudit(
      deals.withDealAudit(
        companies.withCompanyAudit(admin.en, companies.companiesAuditEn),
        deals.dealsAuditEn,
      ),
      activitiesAudit.en,
    ),
    backups: backups.en,
    reports: reports.en,
    privacy: privacy.en,
    search: search.en,
    dashboard: dashboard.en,
    bulk: bulk.en,
    recordExport: recordExport.en,
    views: views.en,
    alerts: guardMessages.en.alerts,
    security: { ...guardMessages.en.security, ...security.en },
    merge: merge.en,
  },
} as const;

/** Creates and initialises an i18next instance (synchronously: the catalogues are bundled). */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      uk: { translation: catalogues.uk },
      en: { translation: catalogues.en },
    },
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text itself; escaping here would show "&amp;" in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Reads the saved choice (else Ukrainian), and keeps <html lang> and the saved choice in step. */
export function initI18n(): I18n {
  const language = detectLanguage(readStoredLanguage());
  const instance = createI18n(language);
  document.documentElement.lang = language;
  instance.on('languageChanged', lng => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // Storage can be unavailable (private mode, policy): the choice then lasts this session only.
    }
  });
  return instance;
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}
