/**
 * Words of the lists' view filters (source, date created, company) and saved filters: `views.*`.
 */
import type { Strings } from '../../i18n/types';

/** Ukrainian (the reference). */
export const uk = {
  source: 'Джерело',
  sourcePlaceholder: 'Будь-яке',
  created: 'Дата створення',
  periods: {
    any: 'За весь час',
    today: 'Сьогодні',
    last7: 'Останні 7 днів',
    thisMonth: 'Цей місяць',
    lastMonth: 'Минулий місяць',
    thisYear: 'Цей рік',
    custom: 'Свої дати',
  },
  createdFrom: 'Створено з',
  createdTo: 'Створено по',
  company: 'Компанія',
  companyPlaceholder: 'Будь-яка',
  companyNothing: 'Компаній не знайдено',
  companyHidden: 'Компанія поза вашим доступом',
  saved: 'Збережені фільтри',
  savedPlaceholder: 'Оберіть фільтр',
  savedNone: 'Збережених фільтрів ще немає',
  save: 'Зберегти фільтр',
  saveTitle: 'Зберегти поточний фільтр',
  saveName: 'Назва фільтра',
  saveNamePlaceholder: 'Мої ліди з OLX за цей місяць',
  saveHint: 'Відносні дати («цей місяць») зберігаються відносними.',
  saveConfirm: 'Зберегти',
  saving: 'Зберігаємо…',
  cancel: 'Скасувати',
  remove: 'Видалити збережений фільтр «{{name}}»',
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  source: 'Source',
  sourcePlaceholder: 'Any',
  created: 'Date created',
  periods: {
    any: 'Any time',
    today: 'Today',
    last7: 'Last 7 days',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    thisYear: 'This year',
    custom: 'Custom dates',
  },
  createdFrom: 'Created from',
  createdTo: 'Created to',
  company: 'Company',
  companyPlaceholder: 'Any',
  companyNothing: 'No companies found',
  companyHidden: 'A company outside your access',
  saved: 'Saved filters',
  savedPlaceholder: 'Choose a filter',
  savedNone: 'No saved filters yet',
  save: 'Save filter',
  saveTitle: 'Save the current filter',
  saveName: 'Filter name',
  saveNamePlaceholder: 'My leads from OLX this month',
  saveHint: 'Relative dates ("this month") are saved as relative.',
  saveConfirm: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  remove: 'Delete the saved filter “{{name}}”',
};
