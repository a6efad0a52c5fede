import type { Strings } from '../../i18n/types';

/**
 * The setup wizard's words (vault folder, owner account, two-step sign-in, recovery kit),
 * Ukrainian first; merged under `setup` (the first sign-in and the recovery codes reuse some).
 */
export const uk = {
  title: 'Налаштування Zamok',
  intro: 'Кілька кроків — і ваші дані будуть під надійним захистом.',
  stepsLabel: 'Кроки налаштування',
  steps: {
    vault: 'Сховище',
    account: 'Власник',
    twoFactor: 'Двофакторний вхід',
    recovery: 'Набір відновлення',
  },
  vault: {
    heading: 'Де зберігати сховище',
    intro:
      'Усі дані клієнтів зберігаються в одній зашифрованій теці на цьому комп’ютері. Без пароля її вміст прочитати неможливо.',
    dirLabel: 'Тека сховища',
    dirDescription: 'Можна залишити запропоновану теку.',
    keychainLabel: 'Прив’язати сховище до цього комп’ютера',
    keychainDescription:
      'Додатковий ключ зберігається в системному сховищі ключів: скопійована тека без цього комп’ютера не відкриється.',
    keychainUnavailable: 'Системне сховище ключів недоступне, тому прив’язка вимкнена.',
    goToSignIn: 'Увійти до цього сховища',
  },
  account: {
    heading: 'Обліковий запис власника',
    intro: 'Власник має всі права: додає працівників, керує налаштуваннями та резервними копіями.',
    loginLabel: 'Логін',
    loginDescription: 'Латинські або кириличні літери, цифри та . _ @ -, від 2 до 64 символів.',
    loginInvalid: 'Логін: від 2 до 64 символів — літери, цифри та . _ @ -',
    displayNameLabel: 'Ім’я та прізвище',
    displayNameDescription: 'Так вас бачитимуть колеги.',
    passwordLabel: 'Пароль',
    passwordDescription:
      'Щонайменше 12 символів. Пароль знаєте лише ви: Zamok не може його нагадати.',
    fixPassword: 'Виправте пароль, щоб продовжити.',
  },
  totp: {
    heading: 'Двофакторний вхід',
    intro:
      'Відкрийте застосунок автентифікації на телефоні (Google Authenticator, Microsoft Authenticator, FreeOTP тощо) і відскануйте QR-код.',
    qrAlt: 'QR-код для застосунку автентифікації',
    preparing: 'Готуємо ключ…',
    manualKeyLabel: 'Не вдається відсканувати? Введіть ключ вручну',
    codeLabel: 'Код із застосунку',
    codeDescription: '6 цифр, які показує застосунок зараз.',
    codeInvalid: 'Введіть 6 цифр із застосунку автентифікації',
    create: 'Створити сховище',
    creating: 'Створюємо сховище…',
    creatingHint: 'Це займе кілька секунд: ключі шифрування навмисно обчислюються повільно.',
  },
  kit: {
    heading: 'Набір відновлення',
    intro:
      'Це єдиний спосіб повернути доступ, якщо пароль забуто або телефон втрачено. Набір показується лише один раз.',
    warning:
      'Збережіть файл або роздрукуйте набір і покладіть у безпечне місце (сейф, не на цей комп’ютер).',
    keyLabel: 'Ключ відновлення',
    codesLabel: 'Одноразові коди відновлення',
    codesHint: 'Кожен код замінює код із телефону один раз.',
    save: 'Зберегти як файл',
    print: 'Друкувати',
    stored: 'Набір відновлення збережено в безпечному місці',
    open: 'Відкрити Zamok',
    fileName: 'zamok-nabir-vidnovlennia.txt',
    fileTitle: 'Zamok — набір відновлення',
    fileCreated: 'Створено: {{date}}',
    fileVault: 'Сховище: {{vaultId}}',
    fileLogin: 'Логін власника: {{login}}',
    fileKeyHeading: 'Ключ відновлення (дозволяє встановити новий пароль):',
    fileCodesHeading: 'Одноразові коди відновлення (замість коду з телефону, кожен лише раз):',
    fileAdvice:
      'Зберігайте цей документ у безпечному місці окремо від комп’ютера. Хто має цей набір, той може відкрити сховище.',
  },
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  title: 'Set up Zamok',
  intro: 'A few steps and your data will be safely protected.',
  stepsLabel: 'Setup steps',
  steps: {
    vault: 'Vault',
    account: 'Owner',
    twoFactor: 'Two-step sign-in',
    recovery: 'Recovery kit',
  },
  vault: {
    heading: 'Where to keep the vault',
    intro:
      'All client data is kept in one encrypted folder on this computer. Without a password nobody can read it.',
    dirLabel: 'Vault folder',
    dirDescription: 'You can keep the suggested folder.',
    keychainLabel: 'Bind the vault to this computer',
    keychainDescription:
      'An extra key is kept in the system password store: a copied folder will not open without this computer.',
    keychainUnavailable: 'The system password store is not available, so binding is off.',
    goToSignIn: 'Sign in to this vault',
  },
  account: {
    heading: 'The owner account',
    intro: 'The owner can do everything: add staff, change settings and manage backups.',
    loginLabel: 'Login',
    loginDescription: 'Letters, digits and . _ @ -, from 2 to 64 characters.',
    loginInvalid: 'Login: 2 to 64 characters — letters, digits and . _ @ -',
    displayNameLabel: 'Full name',
    displayNameDescription: 'This is how colleagues will see you.',
    passwordLabel: 'Password',
    passwordDescription: 'At least 12 characters. Only you know it: Zamok cannot remind you of it.',
    fixPassword: 'Fix the password to continue.',
  },
  totp: {
    heading: 'Two-step sign-in',
    intro:
      'Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, FreeOTP and others) and scan the QR code.',
    qrAlt: 'QR code for the authenticator app',
    preparing: 'Preparing the key…',
    manualKeyLabel: 'Cannot scan it? Enter this key by hand',
    codeLabel: 'Code from the app',
    codeDescription: 'The 6 digits the app shows now.',
    codeInvalid: 'Enter the 6 digits from the authenticator app',
    create: 'Create the vault',
    creating: 'Creating the vault…',
    creatingHint: 'This takes a few seconds: encryption keys are slow to compute on purpose.',
  },
  kit: {
    heading: 'Recovery kit',
    intro:
      'This is the only way back in if a password is forgotten or a phone is lost. The kit is shown only once.',
    warning:
      'Save the file or print the kit and keep it somewhere safe (a safe, not this computer).',
    keyLabel: 'Recovery key',
    codesLabel: 'One-time recovery codes',
    codesHint: 'Each code replaces the phone code once.',
    save: 'Save as file',
    print: 'Print',
    stored: 'The recovery kit is stored in a safe place',
    open: 'Open Zamok',
    fileName: 'zamok-recovery-kit.txt',
    fileTitle: 'Zamok — recovery kit',
    fileCreated: 'Created: {{date}}',
    fileVault: 'Vault: {{vaultId}}',
    fileLogin: 'Owner login: {{login}}',
    fileKeyHeading: 'Recovery key (sets a new password):',
    fileCodesHeading: 'One-time recovery codes (instead of the phone code, each only once):',
    fileAdvice:
      'Keep this document somewhere safe, away from the computer. Whoever holds this kit can open the vault.',
  },
};
