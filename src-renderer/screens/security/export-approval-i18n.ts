import type { Strings } from '../../i18n/types';

/** Texts of the export approval in the alert centre (merged under `security.exportApproval`). */
export const uk = {
  approve: 'Дозволити',
  deny: 'Відхилити',
  approved: 'Дозволено: працівник отримає файл один раз протягом доби.',
  denied: 'Відхилено: працівник побачить, що експорт не дозволено.',
  conflict: {
    approved: 'Цей експорт уже дозволено.',
    denied: 'Цей експорт уже відхилено.',
    expired: 'Запит застарів (минуло 24 години): рішення більше не потрібне.',
    used: 'Цей експорт уже виконано.',
  },
  settingTitle: 'Погодження великих експортів',
  settingSwitch: 'Експорт понад поріг чекає мого дозволу',
  settingLimit: 'Поріг (записів)',
  settingHint:
    'Працівник, крім власника, не отримає файл із більшою кількістю контактів, доки ви не дозволите.',
  save: 'Зберегти',
  saved: 'Збережено.',
} as const;

/** English, with exactly the same keys. */
export const en: Strings<typeof uk> = {
  approve: 'Approve',
  deny: 'Deny',
  approved: 'Approved: the staff member gets the file once, within a day.',
  denied: 'Denied: the staff member will see the export was not allowed.',
  conflict: {
    approved: 'This export was already approved.',
    denied: 'This export was already denied.',
    expired: 'The request has expired (24 hours passed): no decision needed.',
    used: 'This export has already run.',
  },
  settingTitle: 'Approval of large exports',
  settingSwitch: 'Exports above the limit wait for my approval',
  settingLimit: 'Limit (records)',
  settingHint: 'Staff other than the owner get no file with more contacts until you approve it.',
  save: 'Save',
  saved: 'Saved.',
};
