/**
 * Alert and security-check texts, Ukrainian first. Keys: `alerts.<rule>.title|body` and
 * `security.<finding>.title|why|fix` (some fixes have variants: `fix_<variant>`). The renderer merges
 * `guardMessages.uk` / `.en` into its i18next resources; the CLI calls {@link guardMessage}.
 * Placeholders in {{double braces}} are filled from the alert's or finding's details.
 */
import type { AlertRule } from '../ipc/alerts';
import type { FindingId } from '../ipc/security';

type Text = string;
/** The texts of one language. */
export interface GuardCatalogue {
  alerts: Record<AlertRule, { title: Text; body: Text }>;
  security: Record<
    FindingId,
    { title: Text; why: Text; fix: Text; [variant: `fix_${string}`]: Text }
  >;
}

const uk: GuardCatalogue = {
  alerts: {
    new_device: {
      title: 'Вхід з нового пристрою',
      body: 'Користувач увійшов з пристрою, з якого раніше не входив.',
    },
    off_hours: {
      title: 'Вхід у неробочий час',
      body: 'Вхід поза дозволеними годинами ({{start}}–{{end}}).',
    },
    off_network: {
      title: 'Вхід поза дозволеною мережею',
      body: 'Комп’ютер не в жодній із дозволених мереж.',
    },
    failed_sign_ins: {
      title: 'Багато невдалих спроб входу',
      body: '{{count}} невдалих спроб для одного логіна.',
    },
    failed_sign_ins_burst: {
      title: 'Хвиля невдалих входів',
      body: '{{count}} невдалих спроб за кількома логінами.',
    },
    mass_export: {
      title: 'Масовий експорт',
      body: 'Один користувач експортував {{records}} записів за короткий час.',
    },
    mass_delete: {
      title: 'Масове видалення',
      body: 'Один користувач видалив {{records}} записів за короткий час.',
    },
    security_change: { title: 'Змінено ролі або налаштування безпеки', body: 'Дія: {{action}}.' },
    privileged_grant: {
      title: 'Надано права власника або адміністратора',
      body: 'Роль: {{role}}.',
    },
    backup_failed: {
      title: 'Резервна копія не вдалася',
      body: 'Дія «{{action}}» завершилася помилкою.',
    },
    backup_overdue: {
      title: 'Резервна копія прострочена',
      body: 'Останньої вдалої копії немає вже {{days}} дн.',
    },
    audit_chain_broken: {
      title: 'Журнал аудиту пошкоджено',
      body: 'Ланцюг розірвано на записі №{{brokenAt}}.',
    },
    lockout_file_changed: {
      title: 'Лічильник невдалих входів підмінено',
      body: 'Файл lockout.json змінили, замінили старішою копією або видалили, тож частину невдалих спроб входу могло не бути пораховано. Змініть паролі, якщо їх могли підбирати, і перевірте, хто має доступ до теки сховища.',
    },
    vault_damaged: {
      title: 'Сховище пошкоджено',
      body: 'Останні зміни втрачено або пошкоджено. Відновіть сховище з резервної копії; пошкоджені файли збережено в {{evidence}}.',
    },
    vault_files_changed: {
      title: 'Файли сховища змінено, поки Zamok був закритий',
      body: 'Змінено: {{files}}. Якщо ви цього не робили, перевірте комп’ютер і резервні копії.',
    },
    office_audit_broken: {
      title: 'Журнал дій іншого комп’ютера пошкоджено',
      body: 'Записи журналу з комп’ютера {{device}}, отримані через офіс, не сходяться з його ланцюжком: змінено {{edited}}, бракує {{missing}}. Сервер або хтось на тому комп’ютері міг змінити чи видалити записи. Перевірте журнал дій (вкладка «Офіс») і перевірте ланцюг офісу.',
    },
    device_refused: {
      title: 'Вхід із несхваленого комп’ютера відхилено',
      body: 'Пароль і код були правильні, але цей комп’ютер не схвалено. Схваліть його в розділі «Налаштування → Пристрої й мережі», якщо він ваш.',
    },
    network_refused: {
      title: 'Вхід поза мережею офісу відхилено',
      body: 'Пароль і код були правильні, але комп’ютер не в дозволеній мережі.',
    },
    export_approval: {
      title: 'Експорт чекає вашого дозволу',
      body: 'Працівник хоче вивантажити {{count}} контактів ({{format}}). Дозвольте або відхиліть.',
    },
  },
  security: {
    users_without_2fa: {
      title: 'Користувачі без двофакторного входу',
      why: 'Без другого фактора вкраденого пароля досить, щоб увійти.',
      fix: 'Скиньте двофакторний вхід цим користувачам: вони налаштують його під час наступного входу.',
    },
    dormant_accounts: {
      title: 'Неактивні облікові записи',
      why: 'Забутий обліковий запис — зайвий шлях до даних клієнтів.',
      fix: 'Звільніть або вимкніть тих, хто не входив {{days}} днів.',
    },
    dismissed_with_access: {
      title: 'Звільнені співробітники досі можуть відкрити сховище',
      why: 'Їхній пароль усе ще розшифровує дані.',
      fix: 'Повторіть звільнення: його ключовий слот буде видалено.',
    },
    privileged_count: {
      title: 'Власники й адміністратори',
      why: 'Кожен обліковий запис з повними правами — ризик; а один-єдиний власник — ризик втратити доступ.',
      fix: 'Кількість у нормі.',
      fix_many: 'Залиште не більше трьох власників і адміністраторів разом.',
      fix_single: 'Надрукуйте й сховайте ключ відновлення або призначте другого адміністратора.',
    },
    export_roles: {
      title: 'Ролі, що можуть експортувати',
      why: 'Експорт виносить дані клієнтів за межі зашифрованого сховища.',
      fix: 'Заберіть право експорту в ролей, яким воно не потрібне для роботи.',
    },
    kdf_below_floor: {
      title: 'Слабкі параметри захисту пароля',
      why: 'Деякі ключові слоти зашифровано з параметрами, слабшими за поточну норму: пароль легше підібрати.',
      fix: 'Змініть пароль (і створіть новий ключ відновлення): слот буде перешифровано з новими параметрами.',
    },
    backup_never: {
      title: 'Резервних копій немає',
      why: 'Збій диска або крадіжка ноутбука — і дані втрачено назавжди.',
      fix: 'Налаштуйте щоденну резервну копію на зовнішній диск.',
    },
    backup_overdue: {
      title: 'Остання резервна копія застаріла',
      why: 'Усе, що змінено після неї, буде втрачено.',
      fix: 'Зробіть резервну копію зараз і перевірте розклад.',
    },
    backup_unverified: {
      title: 'Останню резервну копію не перевірено',
      why: 'Неперевірена копія може не відновитися саме тоді, коли вона потрібна.',
      fix: 'Запустіть перевірку останньої копії.',
    },
    backup_same_disk: {
      title: 'Резервна копія на тому самому диску',
      why: 'Збій або крадіжка диска забере і сховище, і копії.',
      fix: 'Оберіть теку на зовнішньому диску або в мережі.',
    },
    audit_chain_broken: {
      title: 'Журнал аудиту пошкоджено',
      why: 'Хтось змінив або видалив записи журналу поза Zamok.',
      fix: 'Експортуйте журнал, з’ясуйте, що сталося, і порівняйте з резервною копією.',
    },
    device_binding_off: {
      title: 'Сховище не прив’язане до цього комп’ютера',
      why: 'Скопійовані файли сховища можна відкрити паролем на будь-якому комп’ютері.',
      fix: 'Увімкніть прив’язку до пристрою в налаштуваннях сховища.',
    },
    allowed_devices: {
      title: 'Пристрої, з яких входили',
      why: 'Незнайомий пристрій у цьому списку — привід з’ясувати, хто ним користувався.',
      fix: 'Перегляньте список пристроїв.',
    },
    app_version: {
      title: 'Версія програми',
      why: 'Оновлення закривають відомі вразливості.',
      fix: 'Встановлюйте оновлення, щойно вони виходять.',
    },
    update_certificate: {
      title: 'Сертифікат сервера оновлень',
      why: 'Прострочений сертифікат зупиняє оновлення.',
      fix: 'Повідомте постачальника Zamok.',
      fix_unknown: 'Сервер оновлень не налаштовано або він недоступний; перевірте пізніше.',
    },
    disk_encryption: {
      title: 'Шифрування диска',
      why: 'Шифрування всього диска захищає сховище й тимчасові файли, якщо ноутбук украдуть.',
      fix: 'Увімкніть BitLocker, FileVault або LUKS.',
      fix_none: 'Диск зашифровано.',
    },
  },
};

const en: GuardCatalogue = {
  alerts: {
    new_device: {
      title: 'Sign-in from a new device',
      body: 'A user signed in from a device they never used before.',
    },
    off_hours: {
      title: 'Sign-in outside working hours',
      body: 'Sign-in outside the allowed hours ({{start}}–{{end}}).',
    },
    off_network: {
      title: 'Sign-in outside the allowed networks',
      body: 'The computer is on none of the allowed networks.',
    },
    failed_sign_ins: {
      title: 'Many failed sign-ins',
      body: '{{count}} failed attempts for one login.',
    },
    failed_sign_ins_burst: {
      title: 'A wave of failed sign-ins',
      body: '{{count}} failed attempts across logins.',
    },
    mass_export: {
      title: 'Mass export',
      body: 'One user exported {{records}} records in a short time.',
    },
    mass_delete: {
      title: 'Mass delete',
      body: 'One user deleted {{records}} records in a short time.',
    },
    security_change: { title: 'Roles or security settings changed', body: 'Action: {{action}}.' },
    privileged_grant: { title: 'Owner or administrator rights granted', body: 'Role: {{role}}.' },
    backup_failed: { title: 'A backup failed', body: '“{{action}}” ended with an error.' },
    backup_overdue: { title: 'Backup overdue', body: 'No successful backup for {{days}} days.' },
    audit_chain_broken: {
      title: 'The audit log is damaged',
      body: 'The chain breaks at entry #{{brokenAt}}.',
    },
    lockout_file_changed: {
      title: 'The failed sign-in counter was tampered with',
      body: 'lockout.json was edited, replaced with an older copy or deleted, so some failed sign-ins may not have been counted. Change passwords that may have been guessed and check who can reach the vault folder.',
    },
    vault_damaged: {
      title: 'The vault is damaged',
      body: 'Its last changes are missing or damaged. Restore it from a backup; the damaged files were kept in {{evidence}}.',
    },
    vault_files_changed: {
      title: 'Vault files changed while Zamok was closed',
      body: 'Changed: {{files}}. If this was not you, check the computer and your backups.',
    },
    office_audit_broken: {
      title: 'Another computer’s audit log is broken',
      body: 'Audit entries from computer {{device}}, received through the office, do not match its chain: {{edited}} edited, {{missing}} missing. The server or someone on that computer may have changed or removed entries. Check the audit log (“The office” tab) and verify the office chain.',
    },
    device_refused: {
      title: 'Sign-in from an unapproved computer refused',
      body: 'The password and code were right, but this computer is not approved. Approve it in Settings → Devices and networks if it is yours.',
    },
    network_refused: {
      title: 'Sign-in outside the office network refused',
      body: 'The password and code were right, but the computer is on none of the allowed networks.',
    },
    export_approval: {
      title: 'An export waits for your approval',
      body: 'A staff member wants to export {{count}} contacts ({{format}}). Approve or deny it.',
    },
  },
  security: {
    users_without_2fa: {
      title: 'Users without two-step sign-in',
      why: 'Without a second factor a stolen password is enough to sign in.',
      fix: 'Reset 2FA for these users: they set it up at their next sign-in.',
    },
    dormant_accounts: {
      title: 'Dormant accounts',
      why: 'A forgotten account is one more way into client data.',
      fix: 'Dismiss or disable those who have not signed in for {{days}} days.',
    },
    dismissed_with_access: {
      title: 'Dismissed staff can still open the vault',
      why: 'Their password still decrypts the data.',
      fix: 'Dismiss them again: their key slot is deleted.',
    },
    privileged_count: {
      title: 'Owners and administrators',
      why: 'Every full-rights account is a risk; a single owner is a risk of losing access.',
      fix: 'The number is fine.',
      fix_many: 'Keep at most three owners and administrators together.',
      fix_single: 'Print and store the recovery key, or appoint a second administrator.',
    },
    export_roles: {
      title: 'Roles that can export',
      why: 'An export takes client data out of the encrypted vault.',
      fix: 'Remove the export right from roles that do not need it.',
    },
    kdf_below_floor: {
      title: 'Weak password protection parameters',
      why: 'Some key slots use parameters below the current floor: their passwords are easier to guess.',
      fix: 'Change the password (and make a new recovery key): the slot is rewrapped with current parameters.',
    },
    backup_never: {
      title: 'No backups',
      why: 'A failed disk or a stolen laptop and the data is gone for good.',
      fix: 'Set up a daily backup to an external drive.',
    },
    backup_overdue: {
      title: 'The last backup is old',
      why: 'Everything changed since then would be lost.',
      fix: 'Back up now and check the schedule.',
    },
    backup_unverified: {
      title: 'The last backup was not verified',
      why: 'An unchecked backup may fail to restore exactly when it is needed.',
      fix: 'Run the verification of the last backup.',
    },
    backup_same_disk: {
      title: 'Backups on the same disk',
      why: 'A failed or stolen disk takes the vault and its backups together.',
      fix: 'Choose a folder on an external drive or a network share.',
    },
    audit_chain_broken: {
      title: 'The audit log is damaged',
      why: 'Someone changed or removed log entries outside Zamok.',
      fix: 'Export the log, find out what happened and compare with a backup.',
    },
    device_binding_off: {
      title: 'The vault is not bound to this computer',
      why: 'Copied vault files open with a password on any computer.',
      fix: 'Turn on device binding in the vault settings.',
    },
    allowed_devices: {
      title: 'Devices staff signed in from',
      why: 'An unknown device in this list deserves a question: who used it?',
      fix: 'Review the list of devices.',
    },
    app_version: {
      title: 'App version',
      why: 'Updates close known vulnerabilities.',
      fix: 'Install updates as soon as they come out.',
    },
    update_certificate: {
      title: 'Update server certificate',
      why: 'An expired certificate stops updates.',
      fix: 'Tell the Zamok supplier.',
      fix_unknown: 'No update server is configured or it is unreachable; check again later.',
    },
    disk_encryption: {
      title: 'Disk encryption',
      why: 'Full-disk encryption protects the vault and temporary files if the laptop is stolen.',
      fix: 'Turn on BitLocker, FileVault or LUKS.',
      fix_none: 'The disk is encrypted.',
    },
  },
};

/** Both catalogues. */
export const guardMessages: Readonly<{ uk: GuardCatalogue; en: GuardCatalogue }> = { uk, en };

/**
 * The text of a key such as `security.backup_never.fix` in `locale` ('uk' unless it starts with
 * 'en'), with {{placeholders}} filled from `values`. Unknown keys come back as the key itself.
 */
export function guardMessage(
  locale: string,
  key: string,
  values: Record<string, unknown> = {},
): string {
  const catalogue = locale.startsWith('en') ? en : uk;
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    const value = values[name];
    return Array.isArray(value)
      ? value.join(', ')
      : value === undefined || value === null
        ? ''
        : String(value);
  });
}
