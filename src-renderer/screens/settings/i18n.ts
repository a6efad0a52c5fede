import type { Strings } from '../../i18n/types';

/**
 * Words of the office settings, the idle-lock warning and printing, Ukrainian first; merged under
 * `office`.
 */
export const uk = {
  tab: 'Офіс',
  title: 'Налаштування офісу',
  intro: 'Ці налаштування діють для всіх працівників офісу на цьому сховищі.',
  officeName: 'Назва офісу',
  officeNameHint:
    'Показується в заголовку програми, на друкованих сторінках і в регламенті доступу.',
  officeNamePlaceholder: 'ТОВ «Ромашка»',
  officeNameTooLong: 'Не більше ніж {{max}} символів',
  currency: 'Валюта за замовчуванням',
  currencyHint: 'Нові угоди створюються в цій валюті.',
  weekStart: 'Перший день тижня',
  weekStarts: { monday: 'Понеділок', sunday: 'Неділя' },
  autoLock: 'Автоматичне блокування',
  autoLockHint:
    'Після цього часу без дій Zamok блокується; за 30 секунд до того з’являється попередження.',
  autoLockChoice: '{{count}} хв',
  save: 'Зберегти',
  saving: 'Збереження…',
  saved: 'Налаштування збережено',
  readOnly: 'Змінювати налаштування офісу можуть власник і адміністратор системи.',
  idle: {
    title: 'Zamok скоро заблокується',
    body: 'Ви нічого не робили кілька хвилин. Блокування через {{seconds}} с.',
    stay: 'Продовжити роботу',
  },
  dates: { previous: 'Попередній місяць', next: 'Наступний місяць', clear: 'Очистити дату' },
  print: 'Друкувати',
  printHint: 'Друк картки на аркуші A4',
  printedAt: 'Надруковано {{when}}',
} as const;

/** English. */
export const en: Strings<typeof uk> = {
  tab: 'Office',
  title: 'Office settings',
  intro: 'These settings apply to everyone in the office on this vault.',
  officeName: 'Office name',
  officeNameHint: 'Shown in the app header, on printed pages and in the access regulation.',
  officeNamePlaceholder: 'Romashka LLC',
  officeNameTooLong: 'At most {{max}} characters',
  currency: 'Default currency',
  currencyHint: 'New deals start in this currency.',
  weekStart: 'First day of the week',
  weekStarts: { monday: 'Monday', sunday: 'Sunday' },
  autoLock: 'Auto-lock',
  autoLockHint:
    'After this time without activity Zamok locks; a warning appears 30 seconds before.',
  autoLockChoice: '{{count}} min',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Settings saved',
  readOnly: 'Only the owner and the system administrator can change the office settings.',
  idle: {
    title: 'Zamok will lock soon',
    body: 'You have not done anything for a few minutes. Locking in {{seconds}} s.',
    stay: 'Keep working',
  },
  dates: { previous: 'Previous month', next: 'Next month', clear: 'Clear the date' },
  print: 'Print',
  printHint: 'Print the card on an A4 page',
  printedAt: 'Printed {{when}}',
};
