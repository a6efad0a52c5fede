/**
 * Custom value messages, Ukrainian first, nested under `custom` so the keys are the issue codes
 * themselves (`custom.number_range`); the renderer merges them into its i18next resources.
 */
import { CUSTOM_FIELD_LIMITS } from './types';
import type { CustomValueIssue } from './values';

/** One message per custom value issue. */
export interface CustomCatalogue {
  custom: Record<CustomValueIssue, string>;
}

const uk = {
  custom: {
    unknown_field: 'Такого поля більше немає. Оновіть сторінку.',
    archived: 'Це поле в архіві: його значення не змінюється.',
    wrong_kind: 'Значення не того типу.',
    text_too_long: `Текст має бути не довшим за ${CUSTOM_FIELD_LIMITS.text} символів.`,
    number_invalid: 'Вкажіть число, не більше двох знаків після коми (наприклад, 1250,50).',
    number_range: 'Число має бути в межах ± 1 000 000 000 000.',
    date_invalid: 'Вкажіть справжню дату у форматі РРРР-ММ-ДД (наприклад, 2026-12-01).',
    choice_invalid: 'Виберіть одне зі значень списку.',
  },
} as const satisfies CustomCatalogue;

const en = {
  custom: {
    unknown_field: 'This field no longer exists. Reload the page.',
    archived: 'This field is archived: its value cannot change.',
    wrong_kind: 'The value is of the wrong kind.',
    text_too_long: `The text may be at most ${CUSTOM_FIELD_LIMITS.text} characters long.`,
    number_invalid: 'Enter a number with at most two decimals (for example 1250.50).',
    number_range: 'The number must be within ± 1,000,000,000,000.',
    date_invalid: 'Enter a real date as YYYY-MM-DD (for example 2026-12-01).',
    choice_invalid: 'Pick one of the values in the list.',
  },
} as const satisfies CustomCatalogue;

/** Custom value messages by language. */
export const customMessages = { uk, en } as const;
