/**
 * Deal and pipeline validation messages, Ukrainian first. Nested under `deal` so the keys are the
 * issue codes themselves (`deal.amount_format`): the renderer merges `dealMessages.uk` / `.en` into
 * its i18next resources.
 */
import type { DealIssue, DealIssueCode } from './codes';

/** One message per deal issue. */
export interface DealCatalogue {
  deal: Record<DealIssue, string>;
}

const uk = {
  deal: {
    title_required: 'Вкажіть назву угоди.',
    text_too_long: 'Текст задовгий. Скоротіть його.',
    text_malformed: 'У тексті є пошкоджений символ (половина емодзі?). Введіть текст ще раз.',
    amount_format:
      'Сума неправильна. Приклади: 12 500,50 або 12500.50 (не більше двох знаків після коми).',
    amount_too_large: 'Сума завелика. Перевірте, чи не зайві нулі.',
    currency_invalid: 'Оберіть валюту: UAH, USD, EUR або PLN.',
    probability_invalid: 'Імовірність — ціле число від 0 до 100.',
    date_invalid: 'Дата неправильна. Оберіть її в календарі (РРРР-ММ-ДД).',
    lost_reason_required: 'Вкажіть причину програшу: це допоможе наступного разу.',
    name_required: 'Вкажіть назву.',
    stages_mismatch: 'Перелік етапів застарів. Оновіть сторінку й спробуйте ще раз.',
    patch_empty: 'Немає змін для збереження.',
    invalid: 'Це поле заповнено неправильно.',
  },
} as const satisfies DealCatalogue;

const en = {
  deal: {
    title_required: 'Enter the deal title.',
    text_too_long: 'This text is too long. Shorten it.',
    text_malformed: 'The text holds a broken character (half of an emoji?). Type it again.',
    amount_format:
      'This amount is not valid. Examples: 12 500,50 or 12500.50 (at most two decimals).',
    amount_too_large: 'This amount is too large. Check for extra zeros.',
    currency_invalid: 'Choose a currency: UAH, USD, EUR or PLN.',
    probability_invalid: 'Probability is a whole number from 0 to 100.',
    date_invalid: 'This date is not valid. Pick it in the calendar (YYYY-MM-DD).',
    lost_reason_required: 'Enter why the deal was lost: it helps next time.',
    name_required: 'Enter a name.',
    stages_mismatch: 'The list of stages is out of date. Reload and try again.',
    patch_empty: 'There are no changes to save.',
    invalid: 'This field is not filled in correctly.',
  },
} as const satisfies DealCatalogue;

/** The deal catalogues by locale (Ukrainian first). */
export const dealMessages: Readonly<{ uk: DealCatalogue; en: DealCatalogue }> = { uk, en };

/** The message for a deal issue code in `locale` (English when the locale is unknown). */
export function dealMessage(locale: string, issueCode: DealIssueCode): string {
  const catalogue = locale === 'uk' ? dealMessages.uk : dealMessages.en;
  return catalogue.deal[issueCode.slice('deal.'.length) as DealIssue];
}
