/** Interface text of the users, roles and audit screens (Ukrainian first); merged under `admin`. */
export const adminUk = {
  usersTitle: 'Користувачі',
  auditTitle: 'Журнал дій',
};

/** English text of the admin screens: the same keys as {@link adminUk}. */
export const adminEn: typeof adminUk = {
  usersTitle: 'Users',
  auditTitle: 'Audit log',
};
