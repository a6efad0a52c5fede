/**
 * Interface text of the users, roles and audit screens and of the entity history, merged into
 * i18next under `admin`: the words they share here, the rest by topic (./users-i18n.ts,
 * ./roles-i18n.ts, ./audit-i18n.ts, ./audit-entries-i18n.ts), each Ukrainian first.
 */
import type { Strings } from '../../i18n/types';
import * as auditEntries from './audit-entries-i18n';
import * as audit from './audit-i18n';
import * as officeAudit from './office-audit-i18n';
import * as roles from './roles-i18n';
import * as teams from './teams-i18n';
import * as users from './users-i18n';

/** Ukrainian (the reference). */
export const uk = {
  usersTitle: 'Користувачі',
  auditTitle: 'Журнал дій',
  loading: 'Завантаження…',
  retry: 'Спробувати ще раз',
  cancel: 'Скасувати',
  close: 'Закрити',
  save: 'Зберегти',
  saving: 'Збереження…',
  never: 'ще не входив(-ла)',
  tabs: {
    users: 'Працівники',
    roles: 'Ролі та доступ',
    teams: 'Команди',
  },
  ...users.uk,
  ...roles.uk,
  ...teams.uk,
  ...audit.uk,
  ...officeAudit.uk,
  ...auditEntries.uk,
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  usersTitle: 'Users',
  auditTitle: 'Audit log',
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  saving: 'Saving…',
  never: 'not yet',
  tabs: {
    users: 'Staff',
    roles: 'Roles and access',
    teams: 'Teams',
  },
  ...users.en,
  ...roles.en,
  ...teams.en,
  ...audit.en,
  ...officeAudit.en,
  ...auditEntries.en,
};
