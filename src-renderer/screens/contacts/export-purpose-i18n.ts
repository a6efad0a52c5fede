/** Texts of the export's purpose picker (merged into the contacts catalogue as `exportPurpose`). */
export const exportPurposeUk = {
  label: 'Мета обробки',
  none: 'Без окремої мети',
  hint: 'Якщо мета спирається на згоду, до файлу не ввійдуть контакти без чинної згоди на неї.',
  objected_one: 'Не ввійде {{count}} контакт: заперечив проти обробки.',
  objected_few: 'Не ввійдуть {{count}} контакти: заперечили проти обробки.',
  objected_many: 'Не ввійдуть {{count}} контактів: заперечили проти обробки.',
  objected_other: 'Не ввійдуть {{count}} контакту: заперечили проти обробки.',
  noBasis_one: 'Не ввійде {{count}} контакт: немає чинної згоди чи підстави для цієї мети.',
  noBasis_few: 'Не ввійдуть {{count}} контакти: немає чинної згоди чи підстави для цієї мети.',
  noBasis_many: 'Не ввійдуть {{count}} контактів: немає чинної згоди чи підстави для цієї мети.',
  noBasis_other: 'Не ввійдуть {{count}} контакту: немає чинної згоди чи підстави для цієї мети.',
};

/** English, with exactly the same keys. */
export const exportPurposeEn: typeof exportPurposeUk = {
  label: 'Processing purpose',
  none: 'No particular purpose',
  hint: 'When the purpose rests on consent, contacts without a valid consent to it are left out.',
  objected_one: '{{count}} contact is left out: objected to processing.',
  objected_few: '{{count}} contacts are left out: objected to processing.',
  objected_many: '{{count}} contacts are left out: objected to processing.',
  objected_other: '{{count}} contacts are left out: objected to processing.',
  noBasis_one: '{{count}} contact is left out: no valid consent or basis for this purpose.',
  noBasis_few: '{{count}} contacts are left out: no valid consent or basis for this purpose.',
  noBasis_many: '{{count}} contacts are left out: no valid consent or basis for this purpose.',
  noBasis_other: '{{count}} contacts are left out: no valid consent or basis for this purpose.',
};
