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
