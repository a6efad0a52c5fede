/**
 * Ukrainian interface words several screens share (the default on a Ukrainian OS); each screen's
 * own words are in its `i18n.ts`. `errors.*` and `password.*` come from src-shared/i18n; all are
 * merged in ./index.ts. Keep the key set identical to ./en.ts (a test checks).
 */
export const uk = {
  app: {
    name: 'Zamok',
    tagline: 'Захищена CRM для вашого офісу',
    loading: 'Завантаження…',
    startupError: 'Не вдалося запустити Zamok',
    startupErrorHint:
      'Спробуйте ще раз. Якщо помилка повториться, перезапустіть програму або зверніться до адміністратора.',
    retry: 'Спробувати ще раз',
  },
  language: {
    label: 'Мова інтерфейсу',
  },
  common: {
    next: 'Далі',
    back: 'Назад',
    required: 'Заповніть це поле',
    unexpectedError: 'Сталася неочікувана помилка. Спробуйте ще раз.',
    showPassword: 'Показати або сховати символи',
    copy: 'Копіювати',
    copied: 'Скопійовано',
  },
  owner: {
    label: 'Відповідальний',
    all: 'Усі відповідальні',
  },
  duration: {
    seconds: '{{seconds}} с',
    minutesSeconds: '{{minutes}} хв {{seconds}} с',
    hoursMinutes: '{{hours}} год {{minutes}} хв',
  },
  strength: {
    label: 'Надійність пароля',
    level0: 'Дуже слабкий',
    level1: 'Слабкий',
    level2: 'Посередній',
    level3: 'Надійний',
    level4: 'Дуже надійний',
    good: 'Пароль відповідає вимогам.',
    hint: 'Порада: кілька не пов’язаних слів разом запам’ятати легше, ніж набір символів.',
    confirmLabel: 'Повторіть пароль',
    mismatch: 'Паролі не збігаються',
  },
  duplicates: {
    title: 'Можливо, цей клієнт уже є',
    named: '«{{name}}» уже має {{field}}.',
    office: 'Цей клієнт уже є в офісі: інший запис має {{field}}. Зверніться до його власника.',
    field: {
      phones: 'цей номер телефону',
      emails: 'цю адресу електронної пошти',
      edrpou: 'цей код ЄДРПОУ',
      rnokpp: 'цей РНОКПП',
      name: 'схоже ім’я',
    },
    similar: 'Можливо, той самий клієнт: «{{name}}» (схоже ім’я).',
  },
  fieldErrors: {
    totpCode: 'Код не підходить. Перевірте час на телефоні та введіть найновіший код.',
    newPassword: 'Виберіть власний пароль, відмінний від виданого вам.',
    enrollment: 'Час на налаштування коду минув. Відскануйте новий QR-код і введіть код ще раз.',
  },
} as const;
