/** Texts of "Erase personal data" (merged into the contacts catalogue under `contacts.erase`). */
export const eraseUk = {
  button: 'Стерти персональні дані',
  title: 'Остаточно стерти персональні дані',
  warning:
    'Буде стерто контакт, його нотатки й події, документи (файли знищуються), згадки в пошуку; записи журналу дій про цю особу збережуть лише псевдонім. Скасувати це неможливо. Резервні копії, зроблені раніше, під час відновлення стиратимуть особу знову.',
  companyWarning:
    'Стирайте так лише картку, яка є людиною (ФОП). Буде стерто картку компанії, її нотатки й події, документи (файли знищуються), згадки в пошуку; контакти й угоди залишаться без зв’язку з нею; записи журналу дій про неї збережуть лише псевдонім. Скасувати це неможливо.',
  typeName: 'Щоб підтвердити, введіть ім’я особи: {{name}}',
  confirm: 'Стерти назавжди',
  running: 'Стираємо…',
  cancel: 'Скасувати',
};

/** English, with exactly the same keys. */
export const eraseEn: typeof eraseUk = {
  button: 'Erase personal data',
  title: 'Erase personal data for good',
  warning:
    'The contact, its notes and activities, its documents (files are shredded) and its search entries are erased; audit log entries about this person keep only a pseudonym. This cannot be undone. Backups made earlier erase the person again when restored.',
  companyWarning:
    'Erase this way only a card that is a person (a sole proprietor). The company card, its notes and activities, its documents (files are shredded) and its search entries are erased; contacts and deals stay, without the link; audit log entries about it keep only a pseudonym. This cannot be undone.',
  typeName: 'To confirm, type the person’s name: {{name}}',
  confirm: 'Erase for good',
  running: 'Erasing…',
  cancel: 'Cancel',
};
