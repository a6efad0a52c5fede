/**
 * Words of custom fields: the form section, the detail block, the list filter and the admin tab
 * («Додаткові поля»). Merged under `customFields` by src-renderer/i18n/index.ts; the value
 * messages (`custom.*`) come from src-shared/custom-fields/messages.ts.
 */
import type { Strings } from '../../i18n/types';

/** Ukrainian (the reference). */
export const uk = {
  section: 'Додаткові поля',
  none: 'не вказано',
  yes: 'Так',
  no: 'Ні',
  any: 'Будь-яке',
  kinds: {
    text: 'Текст',
    number: 'Число',
    date: 'Дата',
    choice: 'Вибір зі списку',
    yesno: 'Так / ні',
  },
  recordTypes: {
    contact: 'Контакти',
    company: 'Компанії',
    deal: 'Угоди',
  },
  filter: {
    title: 'Фільтр за додатковими полями',
    from: '{{label}}: від',
    to: '{{label}}: до',
    contains: '{{label}}: містить',
  },
  admin: {
    title: 'Додаткові поля',
    hint: 'Поля, які ваш офіс додає до контактів, компаній та угод. Вони є у формах, списках, фільтрах, імпорті й експорті; текст і вибір шукаються глобальним пошуком. Архівоване поле зникає з форм, але значення зберігаються.',
    recordType: 'Для яких записів',
    label: 'Назва поля',
    kind: 'Тип',
    options: 'Варіанти вибору',
    optionsHint: 'Введіть варіант і натисніть Enter',
    add: 'Додати поле',
    empty: 'Додаткових полів ще немає.',
    rename: 'Перейменувати',
    renameLabel: 'Нова назва поля «{{label}}»',
    up: 'Вище: {{label}}',
    down: 'Нижче: {{label}}',
    archive: 'В архів',
    unarchive: 'Повернути з архіву',
    archived: 'В архіві',
    showInList: 'Показувати в списку',
    showInListLabel: 'Показувати поле «{{label}}» у списку',
    delete: 'Видалити',
    deleteLabel: 'Видалити поле «{{label}}»',
    deleteTitle: 'Видалити поле «{{label}}»?',
    deleteBody:
      'Поле можна видалити, лише коли жоден запис не має його значення. Інакше перенесіть його в архів.',
    deleting: 'Видалення…',
    save: 'Зберегти',
    cancel: 'Скасувати',
    reasons: {
      label_taken: 'Поле з такою назвою вже є.',
      field_has_values: 'У записах є значення цього поля: перенесіть його в архів.',
      option_in_use: 'Варіант, який ви прибрали, ще вибрано в деяких записах.',
      too_many_fields: 'Для цього типу записів уже максимум полів.',
    },
  },
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  section: 'Custom fields',
  none: 'not set',
  yes: 'Yes',
  no: 'No',
  any: 'Any',
  kinds: {
    text: 'Text',
    number: 'Number',
    date: 'Date',
    choice: 'Choice from a list',
    yesno: 'Yes / no',
  },
  recordTypes: {
    contact: 'Contacts',
    company: 'Companies',
    deal: 'Deals',
  },
  filter: {
    title: 'Filter by custom fields',
    from: '{{label}}: from',
    to: '{{label}}: to',
    contains: '{{label}}: contains',
  },
  admin: {
    title: 'Custom fields',
    hint: 'Fields your office adds to contacts, companies and deals. They show in forms, lists, filters, import and export; text and choices are found by global search. An archived field leaves the forms, its values are kept.',
    recordType: 'For which records',
    label: 'Field name',
    kind: 'Type',
    options: 'Choices',
    optionsHint: 'Type a choice and press Enter',
    add: 'Add field',
    empty: 'No custom fields yet.',
    rename: 'Rename',
    renameLabel: 'New name of field “{{label}}”',
    up: 'Up: {{label}}',
    down: 'Down: {{label}}',
    archive: 'Archive',
    unarchive: 'Bring back',
    archived: 'Archived',
    showInList: 'Show in list',
    showInListLabel: 'Show the field “{{label}}” in the list',
    delete: 'Delete',
    deleteLabel: 'Delete field “{{label}}”',
    deleteTitle: 'Delete field “{{label}}”?',
    deleteBody:
      'A field can be deleted only while no record holds a value for it. Otherwise archive it.',
    deleting: 'Deleting…',
    save: 'Save',
    cancel: 'Cancel',
    reasons: {
      label_taken: 'A field with this name already exists.',
      field_has_values: 'Records hold values of this field: archive it instead.',
      option_in_use: 'A choice you removed is still chosen on some records.',
      too_many_fields: 'This record type already has as many fields as it may.',
    },
  },
};
