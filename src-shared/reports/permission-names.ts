/**
 * Permission and built-in role names for documents written in main (the PDF regulation), which
 * cannot read the renderer's catalogues. The texts are the admin screen's (`admin.permissions.*`,
 * `shell.roles.*`); src-renderer/screens/admin/permission-names.test.ts fails when they drift
 * apart. A permission missing here is shown by its id.
 */

type Names = Readonly<Record<string, string>>;

const uk: Names = {
  'contacts.read': 'Переглядати контакти',
  'contacts.update': 'Змінювати контакти',
  'contacts.delete': 'Видаляти контакти',
  'contacts.export': 'Вивантажувати контакти',
  'contacts.reassign': 'Передавати контакти іншим',
  'contacts.share': 'Ділитися контактами',
  'contacts.create': 'Створювати контакти',
  'contacts.restore': 'Відновлювати видалені контакти й компанії',
  'contacts.import': 'Імпортувати контакти з файлів',
  'companies.read': 'Переглядати компанії',
  'companies.update': 'Змінювати компанії',
  'companies.delete': 'Видаляти компанії',
  'companies.reassign': 'Передавати компанії іншим',
  'companies.create': 'Створювати компанії',
  'companies.import': 'Імпортувати компанії з файлів',
  'deals.read': 'Переглядати угоди',
  'deals.update': 'Змінювати угоди',
  'deals.delete': 'Видаляти угоди',
  'deals.reassign': 'Передавати угоди іншим',
  'deals.create': 'Створювати угоди',
  'deals.import': 'Імпортувати угоди з файлів',
  'activities.read': 'Переглядати дзвінки, зустрічі та завдання',
  'activities.update': 'Змінювати активності',
  'activities.delete': 'Видаляти активності',
  'activities.create': 'Записувати активності та завдання',
  'documents.read': 'Переглядати документи',
  'documents.create': 'Додавати документи',
  'documents.delete': 'Видаляти документи',
  'documents.export': 'Зберігати копії документів',
  'pipelines.manage': 'Налаштовувати воронки та етапи',
  'users.read': 'Бачити працівників',
  'users.manage': 'Керувати працівниками',
  'users.handover': 'Вирішувати, кому перейдуть клієнти звільненого',
  'roles.manage': 'Керувати ролями',
  'teams.manage': 'Керувати командами',
  'fields.manage': 'Налаштовувати додаткові поля',
  'settings.manage': 'Змінювати налаштування',
  'audit.read': 'Читати журнал дій',
  'audit.export': 'Вивантажувати журнал дій',
  'analytics.read': 'Бачити аналітику',
  'alerts.read': 'Бачити сповіщення безпеки',
  'exports.approve': 'Дозволяти великі експорти',
  'exports.control': 'Налаштовувати контроль експорту й сповіщення про обсяги',
  'privacy.erase': 'Остаточно стирати персональні дані особи',
  'privacy.retention': 'Переглядати й затверджувати стирання за строками зберігання',
  'security.check': 'Запускати перевірку безпеки',
  'backup.manage': 'Керувати резервними копіями',
  'backup.restore': 'Відновлювати з резервної копії',
  'backup.encryption': 'Змінювати шифрування резервних копій',
  'reports.regulation': 'Формувати регламент доступу',
  'reports.review': 'Бачити щомісячний огляд',
  'privacy.read': 'Бачити реєстр обробки, запити суб’єктів і витоки',
  'privacy.manage': 'Вести реєстр обробки, запити суб’єктів і витоки',
  'consent.record': 'Записувати згоди та заперечення клієнтів',
};

const en: Names = {
  'contacts.read': 'View contacts',
  'contacts.update': 'Edit contacts',
  'contacts.delete': 'Delete contacts',
  'contacts.export': 'Export contacts',
  'contacts.reassign': 'Hand contacts over to others',
  'contacts.share': 'Share contacts',
  'contacts.create': 'Create contacts',
  'contacts.restore': 'Restore deleted contacts and companies',
  'contacts.import': 'Import contacts from files',
  'companies.read': 'View companies',
  'companies.update': 'Edit companies',
  'companies.delete': 'Delete companies',
  'companies.reassign': 'Hand companies over to others',
  'companies.create': 'Create companies',
  'companies.import': 'Import companies from files',
  'deals.read': 'View deals',
  'deals.update': 'Edit deals',
  'deals.delete': 'Delete deals',
  'deals.reassign': 'Hand deals over to others',
  'deals.create': 'Create deals',
  'deals.import': 'Import deals from files',
  'activities.read': 'View calls, meetings and tasks',
  'activities.update': 'Edit activities',
  'activities.delete': 'Delete activities',
  'activities.create': 'Log activities and tasks',
  'documents.read': 'View documents',
  'documents.create': 'Attach documents',
  'documents.delete': 'Delete documents',
  'documents.export': 'Save copies of documents',
  'pipelines.manage': 'Set up pipelines and stages',
  'users.read': 'See staff',
  'users.manage': 'Manage staff',
  'users.handover': "Choose who takes over a dismissed colleague's clients",
  'roles.manage': 'Manage roles',
  'teams.manage': 'Manage teams',
  'fields.manage': 'Set up custom fields',
  'settings.manage': 'Change settings',
  'audit.read': 'Read the audit log',
  'audit.export': 'Export the audit log',
  'analytics.read': 'See analytics',
  'alerts.read': 'See security alerts',
  'exports.approve': 'Approve large exports',
  'exports.control': 'Set export controls and volume alerts',
  'privacy.erase': "Erase a person's personal data for good",
  'privacy.retention': 'Review and approve erasure at the end of retention periods',
  'security.check': 'Run the security check',
  'backup.manage': 'Manage backups',
  'backup.restore': 'Restore from a backup',
  'backup.encryption': 'Change how backups are encrypted',
  'reports.regulation': 'Generate the access regulation',
  'reports.review': 'See the monthly review',
  'privacy.read': 'See the processing register, subject requests and breaches',
  'privacy.manage': 'Keep the processing register, subject requests and breaches',
  'consent.record': 'Record clients’ consents and objections',
};

/** Permission names by language. */
export const PERMISSION_NAMES: Readonly<Record<'uk' | 'en', Names>> = { uk, en };

/** Built-in role names by language (custom roles keep the name the owner gave them). */
export const BUILT_IN_ROLE_NAMES: Readonly<Record<'uk' | 'en', Names>> = {
  uk: {
    owner: 'Власник',
    administrator: 'Адміністратор системи',
    head: 'Керівник',
    manager: 'Менеджер',
    auditor: 'Аудитор',
  },
  en: {
    owner: 'Owner',
    administrator: 'System administrator',
    head: 'Head',
    manager: 'Manager',
    auditor: 'Auditor',
  },
};

/** A permission's name in `lang`, or its id when it has none yet. */
export function permissionName(lang: 'uk' | 'en', permission: string): string {
  return PERMISSION_NAMES[lang][permission] ?? permission;
}

/** A role's display name: translated for built-in ids, as stored for custom roles. */
export function roleName(lang: 'uk' | 'en', role: { id: string; name: string }): string {
  return BUILT_IN_ROLE_NAMES[lang][role.id] ?? role.name;
}
