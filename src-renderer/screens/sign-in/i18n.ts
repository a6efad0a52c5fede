import type { Strings } from '../../i18n/types';

/**
 * Words of the sign-in screen (`signIn`) and of the password reset with the recovery key
 * (`reset`), Ukrainian first; spread into the root catalogue.
 */
export const uk = {
  signIn: {
    title: 'Вхід',
    intro: 'Увійдіть, щоб почати роботу.',
    loginLabel: 'Логін',
    passwordLabel: 'Пароль',
    codeLabel: 'Код із застосунку автентифікації',
    codeDescription:
      '6 цифр із телефону. Якщо ви входите вперше і ще не налаштували застосунок, залиште порожнім.',
    codeDescriptionLocked: '6 цифр із застосунку автентифікації на телефоні.',
    codeInvalid: 'Введіть 6 цифр',
    recoveryCodeLabel: 'Код відновлення',
    recoveryCodeDescription: 'Один із кодів набору відновлення. Кожен код діє лише один раз.',
    recoveryCodeInvalid: 'Введіть код відновлення з набору',
    useRecoveryCode: 'Використати код відновлення',
    useAuthenticator: 'Використати код із телефону',
    submit: 'Увійти',
    submitting: 'Перевіряємо…',
    forgot: 'Забули пароль?',
    lockedOut: 'Забагато невдалих спроб. Вхід для цього логіна тимчасово призупинено.',
    tryAgainIn: 'Наступна спроба можлива через {{wait}}.',
    tryAgainNow: 'Можна спробувати знову.',
    passwordReset: 'Пароль змінено. Увійдіть з новим паролем.',
    deviceSecretMissing:
      'Паролі цього сховища прив’язані до системного сховища ключів комп’ютера, на якому його створено, тож тут пароль не підійде. Встановіть новий пароль ключем відновлення.',
    resetWithRecoveryKey: 'Встановити новий пароль ключем відновлення',
  },
  reset: {
    title: 'Новий пароль',
    intro:
      'Потрібен ключ відновлення з набору, збереженого під час налаштування. Він дозволяє встановити новий пароль для будь-якого логіна.',
    recoveryKeyLabel: 'Ключ відновлення',
    loginLabel: 'Логін, для якого змінюємо пароль',
    newPasswordLabel: 'Новий пароль',
    submit: 'Встановити новий пароль',
    submitting: 'Встановлюємо…',
    backToSignIn: 'Повернутися до входу',
  },
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  signIn: {
    title: 'Sign in',
    intro: 'Sign in to start working.',
    loginLabel: 'Login',
    passwordLabel: 'Password',
    codeLabel: 'Code from the authenticator app',
    codeDescription:
      'The 6 digits on your phone. Signing in for the first time without the app set up? Leave it empty.',
    codeDescriptionLocked: 'The 6 digits from the authenticator app on your phone.',
    codeInvalid: 'Enter 6 digits',
    recoveryCodeLabel: 'Recovery code',
    recoveryCodeDescription: 'One of the codes from the recovery kit. Each code works only once.',
    recoveryCodeInvalid: 'Enter a recovery code from the kit',
    useRecoveryCode: 'Use a recovery code instead',
    useAuthenticator: 'Use the code from my phone',
    submit: 'Sign in',
    submitting: 'Checking…',
    forgot: 'Forgot password?',
    lockedOut: 'Too many failed attempts. Sign-in for this login is paused for a while.',
    tryAgainIn: 'You can try again in {{wait}}.',
    tryAgainNow: 'You can try again now.',
    passwordReset: 'The password was changed. Sign in with the new password.',
    deviceSecretMissing:
      'This vault’s passwords are bound to the keychain of the computer it was made on, so no password works here. Set a new password with the recovery key.',
    resetWithRecoveryKey: 'Set a new password with the recovery key',
  },
  reset: {
    title: 'New password',
    intro:
      'You need the recovery key from the kit the owner stored during setup. It sets a new password for any login.',
    recoveryKeyLabel: 'Recovery key',
    loginLabel: 'Login whose password to change',
    newPasswordLabel: 'New password',
    submit: 'Set the new password',
    submitting: 'Setting it…',
    backToSignIn: 'Back to sign-in',
  },
};
