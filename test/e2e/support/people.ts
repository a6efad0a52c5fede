/**
 * The colleagues the staff specs add (test/e2e/support/staff.ts re-exports them): one head and
 * two managers, each with the setup password the owner gives and the password they choose.
 */
import type { StaffMember } from './staff';

/** Ганна Бойко, a head. */
export const HANNA: StaffMember = {
  login: 'hanna.boiko',
  displayName: 'Ганна Бойко',
  roleName: 'Head',
  setupPassword: 'copper meadow violin eleven',
  ownPassword: 'saffron glacier pencil orbit',
};

/** Дарина Мельник, a manager. */
export const DARYNA: StaffMember = {
  login: 'daryna.melnyk',
  displayName: 'Дарина Мельник',
  roleName: 'Manager',
  setupPassword: 'amber kettle willow ninety',
  ownPassword: 'indigo harbor cactus lantern',
};

/** Олег Савчук, a manager (in no team unless a spec puts him in one). */
export const OLEH: StaffMember = {
  login: 'oleh.savchuk',
  displayName: 'Олег Савчук',
  roleName: 'Manager',
  setupPassword: 'violet harbour spoon sixty',
  ownPassword: 'maple thunder kettle ribbon',
};
