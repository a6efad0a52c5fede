/**
 * Words of the roles tab: the matrix, the role editor, permission groups, scopes and permission
 * names, nested by their dotted parts (`permissions.contacts.read`) so a dotted name is looked up
 * as it is. Merged under `admin` by ./i18n.ts.
 */
import type { Strings } from '../../i18n/types';

/** Ukrainian (the reference). */
export const uk = {
  roles: {
    matrixTitle: 'Хто що бачить',
    matrixHint:
      'Зведено з чинних визначень ролей. «Свої» — записи, якими людина володіє або якими з нею поділилися; «команда» — записи її команди; «усі» — усі записи.',
    matrixLabel: 'Дозволи за ролями',
    permission: 'Дозвіл',
    granted: 'так',
    notGranted: 'ні',
    usersOf: 'Хто має роль',
    nobody: 'нікого',
    customTitle: 'Власні ролі',
    customEmpty:
      'Власних ролей поки немає. Створіть роль, якщо вбудовані не підходять (наприклад, «Бухгалтер»).',
    builtInNote:
      'Вбудовані ролі не змінюються: так нікого не можна випадково позбавити чи надати зайвого доступу. Для іншого набору дозволів створіть власну роль.',
    create: 'Створити роль',
    edit: 'Змінити',
    editLabel: 'Змінити роль «{{name}}»',
    delete: 'Видалити',
    deleteLabel: 'Видалити роль «{{name}}»',
    deleteTitle: 'Видалити роль «{{name}}»?',
    deleteBody:
      'Роль можна видалити, лише коли її не має жоден працівник. Дію буде записано в журнал.',
    deleteBusy: 'Видалення…',
    grantsCount: 'Дозволів: {{count}}',
  },
  editor: {
    createTitle: 'Нова роль',
    editTitle: 'Роль «{{name}}»',
    name: 'Назва ролі',
    grantsLabel: 'Дозволи',
    scope: 'Обсяг: {{permission}}',
    noGrants: 'Позначте хоча б один дозвіл.',
    nameRequired: 'Вкажіть назву ролі.',
    withinOwn: 'Роль не може бути ширшою за вашу власну.',
  },
  groups: {
    contacts: 'Контакти',
    companies: 'Компанії',
    deals: 'Угоди',
    activities: 'Активності',
    documents: 'Документи',
    users: 'Користувачі та ролі',
    audit: 'Журнал дій',
    security: 'Безпека',
    analytics: 'Аналітика',
    backup: 'Резервні копії',
    privacy: 'Персональні дані',
    settings: 'Налаштування',
  },
  scopes: {
    own: 'свої',
    team: 'команда',
    all: 'усі',
  },
  permissions: {
    contacts: {
      read: 'Переглядати контакти',
      update: 'Змінювати контакти',
      delete: 'Видаляти контакти',
      export: 'Вивантажувати контакти',
      reassign: 'Передавати контакти іншим',
      share: 'Ділитися контактами',
      create: 'Створювати контакти',
      restore: 'Відновлювати видалені контакти й компанії',
      import: 'Імпортувати контакти з файлів',
    },
    companies: {
      read: 'Переглядати компанії',
      update: 'Змінювати компанії',
      delete: 'Видаляти компанії',
      reassign: 'Передавати компанії іншим',
      create: 'Створювати компанії',
      import: 'Імпортувати компанії з файлів',
    },
    deals: {
      read: 'Переглядати угоди',
      update: 'Змінювати угоди',
      delete: 'Видаляти угоди',
      reassign: 'Передавати угоди іншим',
      create: 'Створювати угоди',
      import: 'Імпортувати угоди з файлів',
    },
    activities: {
      read: 'Переглядати дзвінки, зустрічі та завдання',
      update: 'Змінювати активності',
      delete: 'Видаляти активності',
      create: 'Записувати активності та завдання',
    },
    documents: {
      read: 'Переглядати документи',
      create: 'Додавати документи',
      delete: 'Видаляти документи',
      export: 'Зберігати копії документів',
    },
    pipelines: {
      manage: 'Налаштовувати воронки та етапи',
    },
    users: {
      read: 'Бачити працівників',
      manage: 'Керувати працівниками',
      handover: 'Вирішувати, кому перейдуть клієнти звільненого',
    },
    roles: {
      manage: 'Керувати ролями',
    },
    teams: {
      manage: 'Керувати командами',
    },
    fields: {
      manage: 'Налаштовувати додаткові поля',
    },
    settings: {
      manage: 'Змінювати налаштування',
    },
    audit: {
      read: 'Читати журнал дій',
      export: 'Вивантажувати журнал дій',
    },
    analytics: {
      read: 'Бачити аналітику',
    },
    alerts: {
      read: 'Бачити сповіщення безпеки',
    },
    exports: {
      approve: 'Дозволяти великі експорти',
      control: 'Налаштовувати контроль експорту й сповіщення про обсяги',
    },
    security: {
      check: 'Запускати перевірку безпеки',
    },
    backup: {
      manage: 'Керувати резервними копіями',
      restore: 'Відновлювати з резервної копії',
      encryption: 'Змінювати шифрування резервних копій',
    },
    reports: {
      regulation: 'Формувати регламент доступу',
      review: 'Бачити щомісячний огляд',
    },
    privacy: {
      read: 'Бачити реєстр обробки, запити суб’єктів і витоки',
      manage: 'Вести реєстр обробки, запити суб’єктів і витоки',
      erase: 'Остаточно стирати персональні дані особи',
      retention: 'Переглядати й затверджувати стирання за строками зберігання',
    },
    consent: {
      record: 'Записувати згоди та заперечення клієнтів',
    },
  },
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  roles: {
    matrixTitle: 'Who can see what',
    matrixHint:
      'Built from the live role definitions. “Own” means records the person owns or that were shared with them; “team” the records of their team; “all” every record.',
    matrixLabel: 'Permissions by role',
    permission: 'Permission',
    granted: 'yes',
    notGranted: 'no',
    usersOf: 'Who holds the role',
    nobody: 'nobody',
    customTitle: 'Custom roles',
    customEmpty:
      'No custom roles yet. Create one when the built-in roles do not fit (for example, “Accountant”).',
    builtInNote:
      'Built-in roles cannot be changed, so nobody loses or gains access by accident. For a different set of permissions, create a custom role.',
    create: 'Create role',
    edit: 'Edit',
    editLabel: 'Edit role {{name}}',
    delete: 'Delete',
    deleteLabel: 'Delete role {{name}}',
    deleteTitle: 'Delete the role “{{name}}”?',
    deleteBody:
      'A role can be deleted only when nobody holds it. The action is written to the audit log.',
    deleteBusy: 'Deleting…',
    grantsCount: 'Permissions: {{count}}',
  },
  editor: {
    createTitle: 'New role',
    editTitle: 'Role “{{name}}”',
    name: 'Role name',
    grantsLabel: 'Permissions',
    scope: 'Scope: {{permission}}',
    noGrants: 'Tick at least one permission.',
    nameRequired: 'Give the role a name.',
    withinOwn: 'A role cannot be wider than your own.',
  },
  groups: {
    contacts: 'Contacts',
    companies: 'Companies',
    deals: 'Deals',
    activities: 'Activities',
    documents: 'Documents',
    users: 'Users and roles',
    audit: 'Audit log',
    security: 'Security',
    analytics: 'Analytics',
    backup: 'Backups',
    privacy: 'Personal data',
    settings: 'Settings',
  },
  scopes: {
    own: 'own',
    team: 'team',
    all: 'all',
  },
  permissions: {
    contacts: {
      read: 'View contacts',
      update: 'Edit contacts',
      delete: 'Delete contacts',
      export: 'Export contacts',
      reassign: 'Hand contacts over to others',
      share: 'Share contacts',
      create: 'Create contacts',
      restore: 'Restore deleted contacts and companies',
      import: 'Import contacts from files',
    },
    companies: {
      read: 'View companies',
      update: 'Edit companies',
      delete: 'Delete companies',
      reassign: 'Hand companies over to others',
      create: 'Create companies',
      import: 'Import companies from files',
    },
    deals: {
      read: 'View deals',
      update: 'Edit deals',
      delete: 'Delete deals',
      reassign: 'Hand deals over to others',
      create: 'Create deals',
      import: 'Import deals from files',
    },
    activities: {
      read: 'View calls, meetings and tasks',
      update: 'Edit activities',
      delete: 'Delete activities',
      create: 'Log activities and tasks',
    },
    documents: {
      read: 'View documents',
      create: 'Attach documents',
      delete: 'Delete documents',
      export: 'Save copies of documents',
    },
    pipelines: {
      manage: 'Set up pipelines and stages',
    },
    users: {
      read: 'See staff',
      manage: 'Manage staff',
      handover: "Choose who takes over a dismissed colleague's clients",
    },
    roles: {
      manage: 'Manage roles',
    },
    teams: {
      manage: 'Manage teams',
    },
    fields: {
      manage: 'Set up custom fields',
    },
    settings: {
      manage: 'Change settings',
    },
    audit: {
      read: 'Read the audit log',
      export: 'Export the audit log',
    },
    analytics: {
      read: 'See analytics',
    },
    alerts: {
      read: 'See security alerts',
    },
    exports: {
      approve: 'Approve large exports',
      control: 'Set export controls and volume alerts',
    },
    security: {
      check: 'Run the security check',
    },
    backup: {
      manage: 'Manage backups',
      restore: 'Restore from a backup',
      encryption: 'Change how backups are encrypted',
    },
    reports: {
      regulation: 'Generate the access regulation',
      review: 'See the monthly review',
    },
    privacy: {
      read: 'See the processing register, subject requests and breaches',
      manage: 'Keep the processing register, subject requests and breaches',
      erase: "Erase a person's personal data for good",
      retention: 'Review and approve erasure at the end of retention periods',
    },
    consent: {
      record: 'Record clients’ consents and objections',
    },
  },
};
