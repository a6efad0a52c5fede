/**
 * Interface text of the users, roles and audit screens and of the entity history (Ukrainian first);
 * merged into i18next under `admin`. Permission and action names are nested by their dotted parts
 * (`permissions.contacts.read`, `actions.users.dismiss`) so a dotted name is looked up as it is.
 */
export { adminUk } from './i18n-uk';
export { adminEn } from './i18n-en';
