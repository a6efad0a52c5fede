import type { Strings } from '../../i18n/types';

/**
 * Words of the lock screen, Ukrainian first; merged under `lock`.
 */
export const uk = {
  title: 'Zamok заблоковано',
  lockedUser: 'Заблокований сеанс: {{name}}',
  idleReason: 'Сеанс заблоковано через бездіяльність.',
  systemReason: 'Сеанс заблоковано, бо комп’ютер було заблоковано або переведено в режим сну.',
  intro: 'Введіть пароль і код, щоб продовжити роботу.',
  unlock: 'Розблокувати',
  unlocking: 'Розблоковуємо…',
  switchUser: 'Увійти як інший користувач',
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  title: 'Zamok is locked',
  lockedUser: 'Locked session: {{name}}',
  idleReason: 'The session was locked after a period of inactivity.',
  systemReason: 'The session was locked because the computer was locked or went to sleep.',
  intro: 'Enter your password and code to continue.',
  unlock: 'Unlock',
  unlocking: 'Unlocking…',
  switchUser: 'Sign in as someone else',
};
