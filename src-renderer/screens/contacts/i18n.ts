/** Interface text of the contacts screens (Ukrainian first); merged into i18next under `contacts`. */
export const contactsUk = {
  title: 'Контакти',
};

/** English text of the contacts screens: the same keys as {@link contactsUk}. */
export const contactsEn: typeof contactsUk = {
  title: 'Contacts',
};
