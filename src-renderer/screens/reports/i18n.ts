import type { Strings } from '../../i18n/types';

/**
 * Interface text of the reports screen (Ukrainian first), merged into i18next under `reports`. The
 * documents' own words come from src-shared/reports, so the screen and the PDF say the same.
 */
export const uk = {
  title: 'Звіти',
  tabs: { regulation: 'Регламент доступу', review: 'Щомісячний огляд' },
  language: 'Мова документа',
  languages: { uk: 'Українська', en: 'English' },
  print: 'Друкувати',
  printHint: 'Ctrl+P — друкувати',
  pdf: 'Завантажити PDF',
  csv: 'Завантажити CSV',
  downloading: 'Готуємо файл…',
  loading: 'Формуємо документ…',
  regulationIntro:
    'Регламент формується з чинних налаштувань: після зміни ролей, працівників, резервних копій чи сигналізації він змінюється сам. Роздрукуйте нову копію після кожної зміни.',
  auditedNote:
    'Кожне відкриття регламенту записується в журнал дій: він містить список працівників.',
  refresh: 'Оновити',
  month: 'Місяць',
  monthHint: 'Оберіть місяць і натисніть «Показати» (Ctrl+Enter).',
  show: 'Показати',
  badMonth: 'Оберіть місяць зі списку.',
  reviewIntro:
    'Хто коли входив і з яких пристроїв, скільки записів створив, змінив, видалив і вивантажив, які сповіщення виникли. Лише кількості — без даних клієнтів.',
  noStaff: 'За цей місяць немає працівників, яких ви можете переглядати.',
  teamOnly: 'Ви бачите лише працівників своєї команди.',
} as const;

export const en: Strings<typeof uk> = {
  title: 'Reports',
  tabs: { regulation: 'Access regulation', review: 'Monthly review' },
  language: 'Document language',
  languages: { uk: 'Українська', en: 'English' },
  print: 'Print',
  printHint: 'Ctrl+P — print',
  pdf: 'Download PDF',
  csv: 'Download CSV',
  downloading: 'Preparing the file…',
  loading: 'Generating the document…',
  regulationIntro:
    'The regulation is generated from the live settings: when roles, staff, backups or alerts change, it changes too. Print a new copy after every change.',
  auditedNote: 'Each opening of the regulation is written to the audit log: it lists the staff.',
  refresh: 'Refresh',
  month: 'Month',
  monthHint: 'Choose a month and press “Show” (Ctrl+Enter).',
  show: 'Show',
  badMonth: 'Choose a month from the list.',
  reviewIntro:
    'Who signed in when and from which devices, how many records they created, changed, deleted and exported, and which alerts were raised. Counts only — no client data.',
  noStaff: 'There is nobody you may review for this month.',
  teamOnly: 'You see the people of your own team only.',
};
