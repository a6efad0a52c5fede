import type { Strings } from '../i18n/types';

/**
 * Words of the signed-in frame (header, navigation, role and section names), Ukrainian first;
 * merged under `shell`.
 */
export const uk = {
  navigation: 'Розділи',
  signedInAs: 'Ви увійшли як {{name}}',
  lock: 'Заблокувати',
  lockHint: 'Заблокувати (Ctrl+L)',
  signOut: 'Вийти',
  comingSoon: 'Незабаром',
  comingSoonHint: 'Розділ з’явиться в одному з найближчих оновлень.',
  roles: {
    owner: 'Власник',
    administrator: 'Адміністратор системи',
    head: 'Керівник',
    manager: 'Менеджер',
    auditor: 'Аудитор',
  },
  sections: {
    contacts: 'Контакти',
    contactsDescription:
      'Клієнти та контактні особи: телефони, адреси, нотатки й історія спілкування.',
    companies: 'Компанії',
    companiesDescription: 'Організації, з якими ви працюєте, та їхні працівники.',
    deals: 'Угоди',
    dealsDescription: 'Продажі та замовлення за етапами: від першого дзвінка до оплати.',
    activities: 'Завдання',
    activitiesDescription: 'Дзвінки, зустрічі та завдання з нагадуваннями.',
    documents: 'Документи',
    documentsDescription: 'Договори та скани, зашифровані разом з рештою даних.',
    dashboard: 'Панель',
    dashboardDescription:
      'Воронка, виграні й програні угоди, активність працівників і нові контакти.',
    reports: 'Звіти',
    reportsDescription: 'Підсумки продажів і роботи команди за обраний період.',
    privacy: 'Персональні дані',
    privacyDescription: 'Реєстр обробки, запити суб’єктів і порушення безпеки даних.',
    audit: 'Журнал дій',
    auditDescription: 'Хто, що і коли змінював. Записи неможливо непомітно змінити.',
    users: 'Користувачі',
    usersDescription: 'Працівники, їхні ролі та доступ до даних.',
    backups: 'Резервні копії',
    backupsDescription: 'Автоматичні зашифровані копії на зовнішній диск або в хмарну теку.',
    settings: 'Налаштування',
    settingsDescription: 'Автоблокування, правила паролів та інші параметри офісу.',
    office: 'Офісна синхронізація',
    officeDescription: 'Конфлікти синхронізації та з’єднання з офісним сервером.',
  },
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  navigation: 'Sections',
  signedInAs: 'Signed in as {{name}}',
  lock: 'Lock',
  lockHint: 'Lock (Ctrl+L)',
  signOut: 'Sign out',
  comingSoon: 'Coming soon',
  comingSoonHint: 'This section arrives in one of the next updates.',
  roles: {
    owner: 'Owner',
    administrator: 'System administrator',
    head: 'Head',
    manager: 'Manager',
    auditor: 'Auditor',
  },
  sections: {
    contacts: 'Contacts',
    contactsDescription:
      'Clients and contact people: phones, addresses, notes and the history of every conversation.',
    companies: 'Companies',
    companiesDescription: 'The organisations you work with and their people.',
    deals: 'Deals',
    dealsDescription: 'Sales and orders by stage, from the first call to payment.',
    activities: 'Activities',
    activitiesDescription: 'Calls, meetings and tasks with reminders.',
    documents: 'Documents',
    documentsDescription: 'Contracts and scans, encrypted together with everything else.',
    dashboard: 'Dashboard',
    dashboardDescription: 'Pipeline, won and lost deals, activities per person and new contacts.',
    reports: 'Reports',
    reportsDescription: 'Sales and team results for the period you choose.',
    privacy: 'Personal data',
    privacyDescription: 'Processing register, subject requests and data breaches.',
    audit: 'Audit log',
    auditDescription: 'Who changed what and when. Entries cannot be altered unnoticed.',
    users: 'Users',
    usersDescription: 'Staff, their roles and what data they can see.',
    backups: 'Backups',
    backupsDescription: 'Automatic encrypted copies to an external drive or a cloud folder.',
    settings: 'Settings',
    settingsDescription: 'Auto-lock, password rules and other office settings.',
    office: 'Office sync',
    officeDescription: 'Sync conflicts and the connection to the office server.',
  },
};
