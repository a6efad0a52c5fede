/**
 * Company validation messages, Ukrainian first. Nested under `company` so the keys are the issue
 * codes themselves (`company.edrpou_checksum`): the renderer merges `companyMessages.uk` / `.en`
 * into its i18next resources.
 */
import type { CompanyIssue, CompanyIssueCode } from './codes';

/** One message per company issue. */
export interface CompanyCatalogue {
  company: Record<CompanyIssue, string>;
}

const uk = {
  company: {
    name_required: 'Вкажіть назву компанії.',
    text_too_long: 'Текст задовгий. Скоротіть його.',
    text_malformed: 'У тексті є пошкоджений символ (половина емодзі?). Введіть текст ще раз.',
    edrpou_format:
      'Код ЄДРПОУ має 8 цифр (для відокремленого підрозділу — 10). Перевірте, чи не пропущено цифру.',
    edrpou_checksum:
      'Такого коду ЄДРПОУ не буває: не збігається контрольна цифра. Звірте код із витягом з реєстру.',
    rnokpp_format: 'РНОКПП (ідентифікаційний код) має 10 цифр.',
    rnokpp_checksum:
      'Такого РНОКПП не буває: не збігається контрольна цифра. Звірте номер із документами.',
    phone_invalid:
      'Номер телефону неправильний. Приклади: 044 123 45 67, +380 67 123 45 67, +48 22 123 45 67.',
    phones_too_many: 'Можна зберегти не більше 10 номерів телефону.',
    label_too_long: 'Підпис номера може мати не більше 40 символів.',
    website_invalid: 'Адреса сайту неправильна. Приклад: example.com.ua або https://example.com.',
    patch_empty: 'Немає змін для збереження.',
    invalid: 'Це поле заповнено неправильно.',
  },
} as const satisfies CompanyCatalogue;

const en = {
  company: {
    name_required: 'Enter the company name.',
    text_too_long: 'This text is too long. Shorten it.',
    text_malformed: 'The text holds a broken character (half of an emoji?). Type it again.',
    edrpou_format:
      'An EDRPOU code has 8 digits (10 for a branch). Check whether a digit is missing.',
    edrpou_checksum:
      'This EDRPOU code cannot exist: its check digit does not match. Compare it with the register extract.',
    rnokpp_format: 'An RNOKPP (tax number) has 10 digits.',
    rnokpp_checksum:
      'This RNOKPP cannot exist: its check digit does not match. Compare it with the documents.',
    phone_invalid:
      'This phone number is not valid. Examples: 044 123 45 67, +380 67 123 45 67, +48 22 123 45 67.',
    phones_too_many: 'At most 10 phone numbers can be saved.',
    label_too_long: 'A phone label can have at most 40 characters.',
    website_invalid:
      'This website address is not valid. Example: example.com or https://example.com.',
    patch_empty: 'There are no changes to save.',
    invalid: 'This field is not filled in correctly.',
  },
} as const satisfies CompanyCatalogue;

/** The company catalogues by locale (Ukrainian first). */
export const companyMessages: Readonly<{ uk: CompanyCatalogue; en: CompanyCatalogue }> = { uk, en };

/** The message for a company issue code in `locale` (English when the locale is unknown). */
export function companyMessage(locale: string, issueCode: CompanyIssueCode): string {
  const catalogue = locale === 'uk' ? companyMessages.uk : companyMessages.en;
  return catalogue.company[issueCode.slice('company.'.length) as CompanyIssue];
}
