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
  syncPanel: {
    title: 'Синхронізація з офісом',
    off: 'Це сховище не синхронізується з офісним сервером.',
    server: 'Адреса сервера',
    fingerprint: 'Відбиток сертифіката сервера',
    noFingerprint: '(немає: з’єднання лише на цьому комп’ютері)',
    device: 'Ідентифікатор цього пристрою',
    lastSync: 'Остання синхронізація',
    never: 'ще не було',
    now: 'Синхронізувати зараз',
    done: 'Синхронізовано: надіслано {{pushed}}, отримано {{pulled}}.',
    conflicts: 'Конфлікти',
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
  syncPanel: {
    title: 'Office sync',
    off: 'This vault does not sync with an office server.',
    server: 'Server address',
    fingerprint: 'Server certificate fingerprint',
    noFingerprint: '(none: a connection on this computer only)',
    device: 'This device’s id',
    lastSync: 'Last sync',
    never: 'not yet',
    now: 'Sync now',
    done: 'Synced: {{pushed}} sent, {{pulled}} received.',
    conflicts: 'Conflicts',
  },
};
