/** Texts of the contact export (merged into the contacts catalogue under `contacts.export`). */
export const exportUk = {
  button: 'Експорт',
  buttonHint: 'Вивантажити контакти за поточним фільтром',
  title: 'Експорт контактів',
  scopeAll: 'Буде вивантажено всі контакти, які вам доступні.',
  scopeFiltered: 'Буде вивантажено контакти за поточним пошуком і фільтрами.',
  format: 'Формат файлу',
  csv: 'CSV (Excel, Google Таблиці)',
  vcard: 'vCard (телефон, пошта)',
  privacy:
    'Файл міститиме персональні дані клієнтів. Зберігайте його лише там, де йому місце. Експорт записується в журнал дій.',
  start: 'Експортувати',
  running: 'Готуємо файл…',
  waitingTitle: 'Чекаємо дозволу власника',
  waiting:
    'Ви вивантажуєте {{count}} контактів — це більше, ніж дозволено без погодження. Власник отримав сповіщення. Файл завантажиться сам, щойно власник дозволить; не закривайте це вікно.',
  waitingCheck: 'Перевіряємо кожні кілька секунд…',
  stopWaiting: 'Не чекати',
  done_one: 'Збережено {{count}} контакт у файл «{{fileName}}».',
  done_few: 'Збережено {{count}} контакти у файл «{{fileName}}».',
  done_many: 'Збережено {{count}} контактів у файл «{{fileName}}».',
  done_other: 'Збережено {{count}} контакту у файл «{{fileName}}».',
  refused: {
    denied: 'Власник відхилив цей експорт. Якщо файл справді потрібен, поговоріть із власником.',
    expired: 'Запит застарів (минуло 24 години). Запустіть експорт ще раз.',
    used: 'Цей дозвіл уже використано. Для нового файлу запустіть експорт ще раз.',
  },
  again: 'Експортувати ще раз',
  close: 'Закрити',
};

/** English, with exactly the same keys. */
export const exportEn: typeof exportUk = {
  button: 'Export',
  buttonHint: 'Export the contacts of the current filter',
  title: 'Export contacts',
  scopeAll: 'Every contact you have access to will be exported.',
  scopeFiltered: 'The contacts of the current search and filters will be exported.',
  format: 'File format',
  csv: 'CSV (Excel, Google Sheets)',
  vcard: 'vCard (phone, e-mail apps)',
  privacy:
    'The file will hold clients’ personal data. Keep it only where it belongs. Exports are recorded in the audit log.',
  start: 'Export',
  running: 'Preparing the file…',
  waitingTitle: 'Waiting for the owner’s approval',
  waiting:
    'You are exporting {{count}} contacts — more than may be exported without approval. The owner has been alerted. The file downloads by itself as soon as the owner approves; keep this window open.',
  waitingCheck: 'Checking every few seconds…',
  stopWaiting: 'Stop waiting',
  done_one: 'Saved {{count}} contact to “{{fileName}}”.',
  done_few: 'Saved {{count}} contacts to “{{fileName}}”.',
  done_many: 'Saved {{count}} contacts to “{{fileName}}”.',
  done_other: 'Saved {{count}} contacts to “{{fileName}}”.',
  refused: {
    denied: 'The owner denied this export. If you really need the file, talk to the owner.',
    expired: 'The request has expired (24 hours passed). Start the export again.',
    used: 'This approval was already used. Start the export again for a new file.',
  },
  again: 'Export again',
  close: 'Close',
};
