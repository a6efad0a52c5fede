import type { Strings } from '../../i18n/types';

/** Words of the office screens (sync conflicts), Ukrainian first; merged under `office`. */
export const uk = {
  conflicts: {
    title: 'Конфлікти синхронізації',
    intro:
      'Двоє змінили те саме поле одночасно. Діє значення, яке першим дійшло до офісного сервера; оберіть, яке залишити.',
    none: 'Конфліктів немає.',
    record: 'Запис',
    field: 'Поле',
    mine: 'Моє',
    theirs: 'Їхнє',
    when: 'Коли',
    who: 'Пристрій',
    keepMine: 'Залишити моє',
    keepTheirs: 'Залишити їхнє',
    empty: '(порожньо)',
    resolved: 'Конфлікт розв’язано.',
    tables: {
      contacts: 'Контакт',
      companies: 'Компанія',
      deals: 'Угода',
      activities: 'Активність',
    },
    fields: {
      stage_id: 'Етап',
      amount_minor: 'Сума',
      owner_id: 'Відповідальний',
    },
  },
} as const;

/** English. */
export const en: Strings<typeof uk> = {
  conflicts: {
    title: 'Sync conflicts',
    intro:
      'Two people changed the same field at once. The value that reached the office server first is in force; choose which one to keep.',
    none: 'No conflicts.',
    record: 'Record',
    field: 'Field',
    mine: 'Mine',
    theirs: 'Theirs',
    when: 'When',
    who: 'Device',
    keepMine: 'Keep mine',
    keepTheirs: 'Keep theirs',
    empty: '(empty)',
    resolved: 'Conflict resolved.',
    tables: {
      contacts: 'Contact',
      companies: 'Company',
      deals: 'Deal',
      activities: 'Activity',
    },
    fields: {
      stage_id: 'Stage',
      amount_minor: 'Amount',
      owner_id: 'Owner',
    },
  },
};
