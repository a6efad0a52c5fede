/**
 * Words of the lists' "Export" button (./RecordExportButton.tsx): `recordExport.*` in both
 * catalogues. The purpose picker keeps its own words (`contacts.exportPurpose.*`).
 */
import type { Strings } from '../../i18n/types';

/** Ukrainian (the reference). */
export const uk = {
  button: 'Експорт',
  hint: {
    contacts: 'Вивантажити контакти, які зараз показує список',
    companies: 'Вивантажити всі компанії, які вам доступні',
    deals: 'Вивантажити всі угоди, які вам доступні',
    activities: 'Вивантажити всі активності, які вам доступні',
  },
  title: {
    contacts: 'Експорт контактів',
    companies: 'Експорт компаній',
    deals: 'Експорт угод',
    activities: 'Експорт активностей',
  },
  scope:
    'Буде вивантажено записи, які вам доступні; контакти — лише ті, що відповідають фільтрам списку (вибрані рядки — через «Вивантажити» над списком).',
  format: 'Формат файлу',
  formats: {
    excel: 'CSV для Excel (крапка з комою, місцеві дати) — радимо',
    plain: 'Звичайний CSV (UTF-8, кома, дати ISO)',
    xlsx: 'XLSX (книга Excel)',
    vcf: 'vCard (телефон, пошта)',
  },
  privacy:
    'Файл міститиме дані клієнтів. Зберігайте його лише там, де йому місце. Експорт записується в журнал дій.',
  start: 'Експортувати',
  done_one: 'Збережено {{count}} запис у файл «{{fileName}}».',
  done_few: 'Збережено {{count}} записи у файл «{{fileName}}».',
  done_many: 'Збережено {{count}} записів у файл «{{fileName}}».',
  done_other: 'Збережено {{count}} запису у файл «{{fileName}}».',
  waitingTitle: 'Потрібен дозвіл власника',
  waiting_one:
    'Ви вивантажуєте {{count}} запис — це більше, ніж дозволено без погодження. Запит надіслано власникові. Коли власник дозволить, запустіть експорт ще раз.',
  waiting_few:
    'Ви вивантажуєте {{count}} записи — це більше, ніж дозволено без погодження. Запит надіслано власникові. Коли власник дозволить, запустіть експорт ще раз.',
  waiting_many:
    'Ви вивантажуєте {{count}} записів — це більше, ніж дозволено без погодження. Запит надіслано власникові. Коли власник дозволить, запустіть експорт ще раз.',
  waiting_other:
    'Ви вивантажуєте {{count}} запису — це більше, ніж дозволено без погодження. Запит надіслано власникові. Коли власник дозволить, запустіть експорт ще раз.',
  again: 'Експортувати ще раз',
  close: 'Закрити',
};

/** English, with exactly the same keys. */
export const en: Strings<typeof uk> = {
  button: 'Export',
  hint: {
    contacts: 'Export the contacts the list shows',
    companies: 'Export every company you have access to',
    deals: 'Export every deal you have access to',
    activities: 'Export every activity you have access to',
  },
  title: {
    contacts: 'Export contacts',
    companies: 'Export companies',
    deals: 'Export deals',
    activities: 'Export activities',
  },
  scope:
    'The records you have access to will be exported; contacts only as far as the list’s filters allow (chosen rows: “Export” above the list).',
  format: 'File format',
  formats: {
    excel: 'CSV for Excel (semicolons, local dates) — recommended',
    plain: 'Plain CSV (UTF-8, commas, ISO dates)',
    xlsx: 'XLSX (Excel workbook)',
    vcf: 'vCard (phone, e-mail apps)',
  },
  privacy:
    'The file will hold clients’ data. Keep it only where it belongs. Exports are recorded in the audit log.',
  start: 'Export',
  done_one: 'Saved {{count}} record to “{{fileName}}”.',
  done_few: 'Saved {{count}} records to “{{fileName}}”.',
  done_many: 'Saved {{count}} records to “{{fileName}}”.',
  done_other: 'Saved {{count}} records to “{{fileName}}”.',
  waitingTitle: 'The owner’s approval is needed',
  waiting_one:
    'You are exporting {{count}} record — more than may be exported without approval. The owner has been asked. Once the owner approves, start the export again.',
  waiting_few:
    'You are exporting {{count}} records — more than may be exported without approval. The owner has been asked. Once the owner approves, start the export again.',
  waiting_many:
    'You are exporting {{count}} records — more than may be exported without approval. The owner has been asked. Once the owner approves, start the export again.',
  waiting_other:
    'You are exporting {{count}} records — more than may be exported without approval. The owner has been asked. Once the owner approves, start the export again.',
  again: 'Export again',
  close: 'Close',
};
