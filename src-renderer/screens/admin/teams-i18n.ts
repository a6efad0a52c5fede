/** Words of the teams tab (create, rename, delete, members, head), under `admin`. */
import type { Strings } from '../../i18n/types';

/** Ukrainian (the reference). */
export const uk = {
  teams: {
    title: 'Команди',
    hint: 'Керівник команди та її учасники бачать записи одне одного там, де їхня роль має доступ «команда». Керівник завжди є учасником своєї команди.',
    newName: 'Назва нової команди',
    create: 'Створити команду',
    creating: 'Створення…',
    empty: 'Команд ще немає.',
    head: 'Керівник',
    noHead: 'Не призначено',
    members: 'Учасники',
    noMembers: 'У команді ще нікого немає.',
    addMember: 'Додати учасника',
    addMemberPlaceholder: 'Виберіть працівника',
    removeMember: 'Вилучити {{name}} з команди',
    rename: 'Перейменувати',
    renameLabel: 'Перейменувати команду {{name}}',
    name: 'Назва команди',
    delete: 'Видалити',
    deleteLabel: 'Видалити команду {{name}}',
    deleteTitle: 'Видалити команду «{{name}}»?',
    deleteBody:
      'Учасників, які залишаться без команди: {{count}}. Записи залишаться за своїми відповідальними.',
    deleting: 'Видалення…',
  },
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  teams: {
    title: 'Teams',
    hint: "A team's head and its members see each other's records wherever their role's access is “team”. The head is always a member of their team.",
    newName: 'New team name',
    create: 'Create team',
    creating: 'Creating…',
    empty: 'No teams yet.',
    head: 'Head',
    noHead: 'Not assigned',
    members: 'Members',
    noMembers: 'Nobody is in this team yet.',
    addMember: 'Add a member',
    addMemberPlaceholder: 'Choose a colleague',
    removeMember: 'Remove {{name}} from the team',
    rename: 'Rename',
    renameLabel: 'Rename team {{name}}',
    name: 'Team name',
    delete: 'Delete',
    deleteLabel: 'Delete team {{name}}',
    deleteTitle: 'Delete team “{{name}}”?',
    deleteBody: 'Members left without a team: {{count}}. Records stay with their owners.',
    deleting: 'Deleting…',
  },
};
