/**
 * Names of legal grounds, consent channels and statuses in Ukrainian and English, for documents
 * written in main (the register's PDF, the subject export) and for the renderer's catalogues,
 * which take them from here so the screen and the file say the same.
 */
import type { ConsentChannel, LegalGround } from './types';

/** The two languages. */
export type PrivacyLang = 'uk' | 'en';

/** The legal grounds' names. */
export const GROUND_LABELS: Readonly<Record<PrivacyLang, Readonly<Record<LegalGround, string>>>> = {
  uk: {
    consent: 'Згода суб’єкта',
    contract: 'Договір із суб’єктом',
    legal_obligation: 'Обов’язок за законом',
    legitimate_interest: 'Законний інтерес',
    vital_interest: 'Життєво важливі інтереси',
    public_task: 'Публічне завдання',
  },
  en: {
    consent: 'Consent',
    contract: 'Contract with the subject',
    legal_obligation: 'Legal obligation',
    legitimate_interest: 'Legitimate interest',
    vital_interest: 'Vital interests',
    public_task: 'Public task',
  },
};

/** How a consent was obtained. */
export const CHANNEL_LABELS: Readonly<
  Record<PrivacyLang, Readonly<Record<ConsentChannel, string>>>
> = {
  uk: {
    in_person: 'Особисто',
    paper: 'Паперовий бланк',
    email: 'Електронна пошта',
    phone: 'Телефон',
    website: 'Вебсайт',
    messenger: 'Месенджер',
    other: 'Інше',
  },
  en: {
    in_person: 'In person',
    paper: 'Paper form',
    email: 'Email',
    phone: 'Phone',
    website: 'Website',
    messenger: 'Messenger',
    other: 'Other',
  },
};

/** An incident opened from a security alert is titled by the alert's rule (unknown rules: the id). */
export const ALERT_INCIDENT_TITLES: Readonly<
  Record<PrivacyLang, Readonly<Record<string, string>>>
> = {
  uk: {
    mass_export: 'Масове вивантаження даних',
    mass_delete: 'Масове видалення даних',
    new_device: 'Вхід із нового пристрою',
    off_hours: 'Вхід у неробочий час',
    off_network: 'Вхід не з мережі офісу',
    failed_sign_ins: 'Спроби підібрати пароль',
    failed_sign_ins_burst: 'Масові невдалі входи',
    vault_files_changed: 'Файли сховища змінено поза програмою',
    audit_chain_broken: 'Порушено ланцюжок журналу дій',
    export_approval: 'Запит на велике вивантаження',
    office_audit_broken: 'Журнал дій іншого комп’ютера пошкоджено',
  },
  en: {
    mass_export: 'Mass data export',
    mass_delete: 'Mass data deletion',
    new_device: 'Sign-in from a new device',
    off_hours: 'Sign-in outside working hours',
    off_network: 'Sign-in outside the office network',
    failed_sign_ins: 'Password guessing',
    failed_sign_ins_burst: 'Burst of failed sign-ins',
    vault_files_changed: 'Vault files changed outside the app',
    audit_chain_broken: 'Audit chain broken',
    export_approval: 'Large export requested',
    office_audit_broken: 'Another computer’s audit log broken',
  },
};
