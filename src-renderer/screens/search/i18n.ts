import type { Strings } from '../../i18n/types';

/** Interface text of the global search box (Ukrainian first); merged into i18next under `search`. */
export const uk = {
  label: 'Пошук',
  placeholder: 'Пошук… Ctrl+K',
  hint: 'Ім’я, компанія, телефон, ЄДРПОУ, угода або текст нотатки',
  searching: 'Шукаємо…',
  empty: 'Нічого не знайдено за «{{text}}». Спробуйте інше слово або частину номера.',
  failed: 'Пошук не вдався. Спробуйте ще раз за мить.',
  keys: '↑↓ — вибрати, Enter — відкрити, Esc — закрити',
  groups: {
    contacts: 'Контакти',
    companies: 'Компанії',
    deals: 'Угоди',
    activities: 'Активності',
  },
  kinds: {
    call: 'Дзвінок',
    meeting: 'Зустріч',
    message: 'Повідомлення',
    email: 'Лист',
    note: 'Нотатка',
    task: 'Завдання',
  },
} as const;

/** English catalogue: the same keys. */
export const en: Strings<typeof uk> = {
  label: 'Search',
  placeholder: 'Search… Ctrl+K',
  hint: 'Name, company, phone, EDRPOU code, deal or note text',
  searching: 'Searching…',
  empty: 'Nothing found for “{{text}}”. Try another word or part of the number.',
  failed: 'Search failed. Try again in a moment.',
  keys: '↑↓ to choose, Enter to open, Esc to close',
  groups: {
    contacts: 'Contacts',
    companies: 'Companies',
    deals: 'Deals',
    activities: 'Activities',
  },
  kinds: {
    call: 'Call',
    meeting: 'Meeting',
    message: 'Message',
    email: 'E-mail',
    note: 'Note',
    task: 'Task',
  },
};
