import type { Strings } from '../../i18n/types';

/**
 * Words of the restricted first sign-in and the new recovery codes, Ukrainian first; merged under
 * `firstSignIn`.
 */
export const uk = {
  title: 'Завершіть налаштування облікового запису',
  intro: 'Вітаємо в Zamok! Ще кілька кроків — і можна починати роботу.',
  passwordHeading: 'Ваш власний пароль',
  passwordIntro: 'Пароль, який вам видали, знає ще хтось. Виберіть новий — його знатимете лише ви.',
  newPasswordLabel: 'Новий пароль',
  confirmHeading: 'Підтвердження',
  confirmIntro: 'Введіть код із застосунку автентифікації, щоб підтвердити зміни.',
  submit: 'Зберегти й почати роботу',
  submitting: 'Зберігаємо…',
  signOut: 'Вийти',
  codesTitle: 'Ваші коди відновлення',
  codesIntro:
    'Якщо телефон загубиться, кожен код один раз замінить код із застосунку. Коди показуються лише зараз: збережіть або роздрукуйте їх.',
  stored: 'Коди відновлення збережено в безпечному місці',
  continue: 'Почати роботу',
  fileName: 'zamok-kody-vidnovlennia.txt',
  fileTitle: 'Zamok — коди відновлення',
  fileLogin: 'Логін: {{login}}',
  fileAdvice: 'Зберігайте ці коди окремо від телефону. Кожен код діє лише один раз.',
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  title: 'Finish setting up your account',
  intro: 'Welcome to Zamok! A couple of steps and you can start working.',
  passwordHeading: 'Your own password',
  passwordIntro:
    'Someone else knows the password you were given. Choose a new one that only you will know.',
  newPasswordLabel: 'New password',
  confirmHeading: 'Confirmation',
  confirmIntro: 'Enter the code from your authenticator app to confirm the changes.',
  submit: 'Save and start working',
  submitting: 'Saving…',
  signOut: 'Sign out',
  codesTitle: 'Your recovery codes',
  codesIntro:
    'If your phone is lost, each code replaces the app code once. The codes are shown only now: save or print them.',
  stored: 'The recovery codes are stored in a safe place',
  continue: 'Start working',
  fileName: 'zamok-recovery-codes.txt',
  fileTitle: 'Zamok — recovery codes',
  fileLogin: 'Login: {{login}}',
  fileAdvice: 'Keep these codes away from your phone. Each code works only once.',
};
