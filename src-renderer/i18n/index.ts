/**
 * i18next for the renderer: the interface catalogues (./uk, ./en) merged with the shared error and
 * password messages (src-shared/i18n), one instance per app, the <html lang> kept in step.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en as sharedEn } from '../../src-shared/i18n/en';
import { uk as sharedUk } from '../../src-shared/i18n/uk';
import { companyMessages } from '../../src-shared/companies/messages';
import { contactMessages } from '../../src-shared/contacts/messages';
import { dealMessages } from '../../src-shared/deals/messages';
import { guardMessages } from '../../src-shared/guard/messages';
import {
  activitiesAuditEn,
  activitiesAuditUk,
  withActivityAudit,
} from '../screens/activities/audit-words';
import { activitiesEn, activitiesUk } from '../screens/activities/i18n';
import { adminEn, adminUk } from '../screens/admin/i18n';
import { backupsEn, backupsUk } from '../screens/backups/i18n';
import {
  companiesAuditEn,
  companiesAuditUk,
  companiesEn,
  companiesUk,
  withCompanyAudit,
} from '../screens/companies/i18n';
import { contactsEn, contactsUk } from '../screens/contacts/i18n';
import { dashboardEn, dashboardUk } from '../screens/dashboard/i18n';
import {
  dealsAuditEn,
  dealsAuditUk,
  dealsEn,
  dealsUk,
  withDealAudit,
} from '../screens/deals/i18n';
import { documentsEn, documentsUk } from '../screens/documents/i18n';
import { reportsEn, reportsUk } from '../screens/reports/i18n';
import { searchEn, searchUk } from '../screens/search/i18n';
import { securityEn, securityUk } from '../screens/security/i18n';
import { en } from './en';
import { detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language';
import { uk } from './uk';

/** Everything each language shows: shared `errors.*` / `password.*` plus the interface text. */
export const catalogues = {
  uk: {
    ...sharedUk,
    ...contactMessages.uk,
    ...companyMessages.uk,
    ...dealMessages.uk,
    ...uk,
    activities: activitiesUk,
    contacts: contactsUk,
    companies: companiesUk,
    deals: dealsUk,
    documents: documentsUk,
    admin: withActivityAudit(
      withDealAudit(withCompanyAudit(adminUk, companiesAuditUk), dealsAuditUk),
      activitiesAuditUk,
    ),
    backups: backupsUk,
    reports: reportsUk,
    search: searchUk,
    dashboard: dashboardUk,
    alerts: guardMessages.uk.alerts,
    security: { ...guardMessages.uk.security, ...securityUk },
  },
  en: {
    ...sharedEn,
    ...contactMessages.en,
    ...companyMessages.en,
    ...dealMessages.en,
    ...en,
    activities: activitiesEn,
    contacts: contactsEn,
    companies: companiesEn,
    deals: dealsEn,
    documents: documentsEn,
    admin: withActivityAudit(
      withDealAudit(withCompanyAudit(adminEn, companiesAuditEn), dealsAuditEn),
      activitiesAuditEn,
    ),
    backups: backupsEn,
    reports: reportsEn,
    search: searchEn,
    dashboard: dashboardEn,
    alerts: guardMessages.en.alerts,
    security: { ...guardMessages.en.security, ...securityEn },
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

/** Reads the saved choice or the system languages, and keeps <html lang> and the saved choice in step. */
export function initI18n(): I18n {
  const language = detectLanguage(
    readStoredLanguage(),
    navigator.languages ?? [navigator.language],
  );
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
