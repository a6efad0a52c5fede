/**
 * Contact validation messages, Ukrainian first. Nested under `contact` so the keys are the issue
 * codes themselves (`contact.phone_invalid`): the renderer merges `contactMessages.uk` / `.en` into
 * its i18next resources; the CLI calls {@link contactMessage}.
 */
import { CONTACT_LIMITS, type ContactIssue, type ContactIssueCode } from './codes';

/** One message per contact issue. */
export interface ContactCatalogue {
  contact: Record<ContactIssue, string>;
}

const uk = {
  contact: {
    surname_required: 'Вкажіть прізвище.',
    given_name_required: 'Вкажіть ім’я.',
    identity_required: 'Вкажіть прізвище, ім’я, телефон або компанію — хоча б щось одне.',
    name_invalid:
      'Ім’я, прізвище й по батькові можуть містити лише літери, пробіли, дефіс і апостроф.',
    text_too_long: 'Текст задовгий. Скоротіть його.',
    text_malformed: 'У тексті є пошкоджений символ (половина емодзі?). Введіть текст ще раз.',
    phone_invalid:
      'Номер телефону неправильний. Приклади: 067 123 45 67, +380 44 123 45 67, +48 22 123 45 67.',
    phones_too_many: `Можна зберегти не більше ${CONTACT_LIMITS.phones} номерів телефону.`,
    email_invalid: 'Адреса електронної пошти неправильна. Приклад: name@example.com.',
    emails_too_many: `Можна зберегти не більше ${CONTACT_LIMITS.emails} адрес електронної пошти.`,
    telegram_invalid:
      'Ім’я в Telegram: 5–32 латинські літери, цифри або «_», починається з літери (наприклад, @olena_k).',
    viber_invalid: 'Для Viber вкажіть номер телефону, наприклад 067 123 45 67.',
    whatsapp_invalid: 'Для WhatsApp вкажіть номер телефону, наприклад 067 123 45 67.',
    tag_too_long: `Мітка може мати не більше ${CONTACT_LIMITS.tag} символів.`,
    tags_too_many: `Можна додати не більше ${CONTACT_LIMITS.tags} міток.`,
    label_too_long: `Підпис номера може мати не більше ${CONTACT_LIMITS.label} символів.`,
    patch_empty: 'Немає змін для збереження.',
    invalid: 'Це поле заповнено неправильно.',
  },
} as const satisfies ContactCatalogue;

const en = {
  contact: {
    surname_required: 'Enter the surname.',
    given_name_required: 'Enter the given name.',
    identity_required: 'Enter a surname, a given name, a phone or a company — at least one.',
    name_invalid: 'Names may contain only letters, spaces, hyphens and apostrophes.',
    text_too_long: 'This text is too long. Shorten it.',
    text_malformed: 'The text holds a broken character (half of an emoji?). Type it again.',
    phone_invalid:
      'This phone number is not valid. Examples: 067 123 45 67, +380 44 123 45 67, +48 22 123 45 67.',
    phones_too_many: `At most ${CONTACT_LIMITS.phones} phone numbers can be saved.`,
    email_invalid: 'This e-mail address is not valid. Example: name@example.com.',
    emails_too_many: `At most ${CONTACT_LIMITS.emails} e-mail addresses can be saved.`,
    telegram_invalid:
      'A Telegram username has 5–32 Latin letters, digits or "_" and starts with a letter (e.g. @olena_k).',
    viber_invalid: 'For Viber, enter a phone number, e.g. 067 123 45 67.',
    whatsapp_invalid: 'For WhatsApp, enter a phone number, e.g. 067 123 45 67.',
    tag_too_long: `A tag can have at most ${CONTACT_LIMITS.tag} characters.`,
    tags_too_many: `At most ${CONTACT_LIMITS.tags} tags can be added.`,
    label_too_long: `A phone label can have at most ${CONTACT_LIMITS.label} characters.`,
    patch_empty: 'There are no changes to save.',
    invalid: 'This field is not filled in correctly.',
  },
} as const satisfies ContactCatalogue;

/** The contact catalogues by locale (Ukrainian first). */
export const contactMessages: Readonly<{ uk: ContactCatalogue; en: ContactCatalogue }> = { uk, en };

/** The message for a contact issue code in `locale` (English when the locale is unknown). */
export function contactMessage(locale: string, issueCode: ContactIssueCode): string {
  const catalogue = locale === 'uk' ? contactMessages.uk : contactMessages.en;
  return catalogue.contact[issueCode.slice('contact.'.length) as ContactIssue];
}
