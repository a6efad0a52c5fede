/**
 * The words of the access regulation in Ukrainian and English. Numbers and names are filled in from
 * {@link RegulationFacts} by ./regulation.ts; nothing here states a setting on its own.
 */

/** Every text of the document, for one language. */
export interface RegulationText {
  title: string;
  generated(at: string, version: string): string;
  purposeHeading: string;
  purpose: string[];
  accountsHeading: string;
  accounts(managers: string): string[];
  passwordsHeading: string;
  passwords(p: { minLength: number; minScore: number }): string[];
  lockout(l: {
    free: number;
    first: number;
    from: number;
    lockMinutes: number;
    forgetHours: number;
  }): string;
  kdf(memoryMiB: number, iterations: number): string;
  autoLock(minutes: number): string;
  twoFactorHeading: string;
  twoFactor: string[];
  withoutTwoFactor(logins: string): string;
  allHaveTwoFactor: string;
  rolesHeading: string;
  rolesIntro: string;
  rolesColumns: [string, string, string];
  scopes: Record<'own' | 'team' | 'all', string>;
  custom: string;
  staffHeading: string;
  staffColumns: [string, string, string, string, string];
  noTeam: string;
  yes: string;
  no: string;
  dismissed(count: number): string;
  dismissalHeading: string;
  dismissal: string[];
  backupHeading: string;
  schedule(s: { kind: 'daily' | 'weekly'; time: string; weekday: number }): string;
  noDestinations: string;
  destinations: string;
  retention(r: { daily: number; weekly: number; monthly: number }): string;
  encryption: Record<'recovery_key' | 'passphrase', string>;
  guardHeading: string;
  hours(h: { start: string; end: string; timeZone: string } | null): string;
  networks(n: string[] | null, macs: string[] | null): string;
  devices(required: boolean, approved: string[]): string;
  thresholds(g: {
    failedPerLogin: number;
    failedAcrossLogins: number;
    failedWindowMinutes: number;
    exportRecords: number;
    exportWindowMinutes: number;
    deleteRecords: number;
    deleteWindowMinutes: number;
    backupMaxAgeDays: number;
  }): string[];
  reviewHeading: string;
  review(dormantDays: number, checkDays: number): string[];
}

const WEEKDAYS_UK = ['неділі', 'понеділка', 'вівторка', 'середи', 'четверга', "п'ятниці", 'суботи'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const uk: RegulationText = {
  title: 'Регламент роботи з CRM і доступу до даних клієнтів',
  generated: (at, version) => `Сформовано ${at} із чинних налаштувань Zamok ${version}.`,
  purposeHeading: '1. Призначення',
  purpose: [
    'Цей регламент описує, як у нашій CRM створюються облікові записи, які діють правила паролів і двофакторного входу, хто має яку роль, що відбувається при звільненні працівника, як і куди робляться резервні копії та як перевіряється активність.',
    'Документ сформовано автоматично з налаштувань програми, тому він завжди відповідає дійсності. Після кожної зміни налаштувань роздрукуйте нову копію.',
  ],
  accountsHeading: '2. Облікові записи',
  accounts: managers => [
    `Нові облікові записи створюють лише працівники з ролями, що мають право керувати працівниками: ${managers}.`,
    'Кожен працівник має власний логін; спільні облікові записи заборонені. Новий працівник отримує одноразовий пароль, а під час першого входу встановлює власний пароль і налаштовує двофакторний вхід.',
    'Ніхто не може призначити роль, ширшу за власну. Останнього власника неможливо понизити чи звільнити.',
  ],
  passwordsHeading: '3. Паролі та вхід',
  passwords: p => [
    `Пароль має містити щонайменше ${p.minLength} символів, мати оцінку надійності не нижче ${p.minScore} з 4, не містити логін і не бути поширеним паролем.`,
    'Пароль не передають іншим і не записують поруч із комп’ютером. Забутий пароль відновлює власник ключем відновлення.',
  ],
  lockout: l =>
    `Після ${l.free} невдалих спроб входу кожна наступна змушує чекати: спершу ${l.first} с, далі вдвічі довше; з ${l.from}-ї спроби вхід блокується на ${l.lockMinutes} хв. Лічильник обнуляється після успішного входу або через ${l.forgetHours} год без помилок.`,
  kdf: (mib, t) =>
    `Ключ сховища виводиться з пароля алгоритмом Argon2id із параметрами не нижче ${mib} МіБ пам’яті та ${t} ітерацій.`,
  autoLock: m =>
    `Програма блокується після ${m} хв бездіяльності, а також при блокуванні комп’ютера.`,
  twoFactorHeading: '4. Двофакторний вхід',
  twoFactor: [
    'Двофакторний вхід (код із застосунку-автентифікатора) обов’язковий для кожного облікового запису: без неї робота в програмі не починається.',
    'Кожен працівник зберігає свої одноразові коди відновлення в надійному місці. Скинути двофакторний вхід може лише працівник із правом керувати працівниками.',
  ],
  withoutTwoFactor: logins =>
    `Ще не налаштували двофакторний вхід (зроблять при першому вході): ${logins}.`,
  allHaveTwoFactor: 'Усі активні працівники налаштували двофакторний вхід.',
  rolesHeading: '5. Ролі та права',
  rolesIntro:
    'Кожна роль дає лише потрібні для роботи права. «Свої» — записи працівника та ті, якими з ним поділилися; «команда» — записи його команди; «усі» — усі записи.',
  rolesColumns: ['Роль', 'Права', 'Працівників'],
  scopes: { own: 'свої', team: 'команда', all: 'усі' },
  custom: 'власна роль',
  staffHeading: '6. Працівники та їхні ролі',
  staffColumns: ['Ім’я', 'Логін', 'Роль', 'Команда', 'Двофакторний вхід'],
  noTeam: '—',
  yes: 'так',
  no: 'ні',
  dismissed: n =>
    `Звільнених облікових записів: ${n} (вони не можуть увійти; записи журналу про них зберігаються).`,
  dismissalHeading: '7. Звільнення працівника',
  dismissal: [
    'Звільнення виконує працівник із правом керувати працівниками в розділі «Користувачі» одразу в день звільнення.',
    'Спершу видаляється ключ входу працівника: його пароль більше не відкриває сховище, навіть якщо решта кроків не вдасться.',
    'Обліковий запис позначається звільненим; відкрита сесія працівника завершується при наступній його дії.',
    'Усі його контакти передаються обраному колезі, а доступи, якими з ним поділилися, скасовуються.',
    'Дія записується в журнал; обліковий запис не видаляється, щоб історія залишалась повною.',
    'Якщо працівник знав пароль резервних копій, власник змінює його в налаштуваннях резервного копіювання.',
  ],
  backupHeading: '8. Резервні копії',
  schedule: s =>
    s.kind === 'daily'
      ? `Резервна копія створюється щодня о ${s.time} (місцевий час цього комп’ютера); пропущені запуски наздоганяються.`
      : `Резервна копія створюється щотижня до ${WEEKDAYS_UK[s.weekday] ?? ''} о ${s.time} (місцевий час цього комп’ютера); пропущені запуски наздоганяються.`,
  noDestinations:
    'Місце для резервних копій ще не налаштовано. Власник або адміністратор має налаштувати його в розділі «Резервні копії» (бажано зовнішній диск або хмарна тека).',
  destinations: 'Копії зберігаються в таких місцях:',
  retention: r =>
    `Зберігаються ${r.daily} щоденних, ${r.weekly} щотижневих і ${r.monthly} щомісячних копій у кожному місці. Кожна нова копія перевіряється повторним відкриттям.`,
  encryption: {
    recovery_key:
      'Копії зашифровано на ключ відновлення власника (age); відкрити їх можна лише з роздрукованим набором відновлення.',
    passphrase:
      'Копії зашифровано паролем резервних копій (age); пароль знає лише власник і зберігає окремо від копій.',
  },
  guardHeading: '9. Сигналізація',
  hours: h =>
    h
      ? `Дозволений час входу: з ${h.start} до ${h.end} (${h.timeZone}); вхід поза ним створює сповіщення.`
      : 'Обмеження часу входу не встановлено.',
  networks: (n, macs) =>
    n || macs
      ? `Вхід дозволено лише з мереж офісу (${[...(n ?? []), ...(macs ?? []).map(m => `шлюз ${m}`)].join(', ')}); вхід з інших мереж відхиляється і створює сповіщення.`
      : 'Обмеження мереж не встановлено.',
  devices: (required, approved) =>
    required
      ? `Вхід дозволено лише з комп’ютерів, схвалених власником (${approved.length}: ${approved.join(', ') || '—'}); вхід з інших відхиляється і створює сповіщення.`
      : 'Схвалення комп’ютерів не ввімкнено: вхід з нового комп’ютера лише створює сповіщення.',
  thresholds: g => [
    `Сповіщення про підбір пароля: ${g.failedPerLogin} невдалих спроб для одного логіна або ${g.failedAcrossLogins} для всіх за ${g.failedWindowMinutes} хв.`,
    `Сповіщення про масове вивантаження: ${g.exportRecords} записів за ${g.exportWindowMinutes} хв; про масове видалення: ${g.deleteRecords} записів за ${g.deleteWindowMinutes} хв.`,
    `Сповіщення про прострочену резервну копію: старша за ${g.backupMaxAgeDays} дн.`,
    'Сповіщення також створюються при вході з нового пристрою, зміні ролей і налаштувань та порушенні цілісності журналу.',
  ],
  reviewHeading: '10. Перевірка активності',
  review: (dormant, check) => [
    'Щомісяця власник (керівник — для своєї команди) переглядає щомісячний огляд: хто коли входив і з яких пристроїв, скільки записів створив, змінив, видалив і вивантажив, які сповіщення виникли.',
    `Облікові записи без входу понад ${dormant} дн. вважаються неактивними: їх слід вимкнути, якщо вони не потрібні.`,
    `Перевірку безпеки запускають щонайменше раз на ${check} дн. і після кожного оновлення програми.`,
  ],
};

const en: RegulationText = {
  title: 'Regulation of work with the CRM and access to client data',
  generated: (at, version) => `Generated ${at} from the live settings of Zamok ${version}.`,
  purposeHeading: '1. Purpose',
  purpose: [
    'This regulation says how accounts are created in our CRM, which password and two-factor rules apply, who has which role, what happens when someone leaves, how and where backups are made and how activity is reviewed.',
    'The document is generated from the program’s settings, so it always matches them. Print a new copy after every change of settings.',
  ],
  accountsHeading: '2. Accounts',
  accounts: managers => [
    `New accounts are created only by staff whose role may manage staff: ${managers}.`,
    'Everyone has their own login; shared accounts are not allowed. A new colleague gets a one-time setup password and, at the first sign-in, sets their own password and enrols two-factor authentication.',
    'Nobody can give a role wider than their own. The last owner cannot be demoted or dismissed.',
  ],
  passwordsHeading: '3. Passwords and sign-in',
  passwords: p => [
    `A password has at least ${p.minLength} characters, a strength score of at least ${p.minScore} out of 4, does not contain the login and is not a common password.`,
    'Passwords are never shared or written down next to the computer. A forgotten password is reset by the owner with the recovery key.',
  ],
  lockout: l =>
    `After ${l.free} failed sign-ins each further one makes the login wait: ${l.first} s first, then twice as long; from failure ${l.from} on, the login is locked for ${l.lockMinutes} min. The counter resets after a successful sign-in or ${l.forgetHours} h without failures.`,
  kdf: (mib, t) =>
    `The vault key is derived from the password with Argon2id at no less than ${mib} MiB of memory and ${t} iterations.`,
  autoLock: m =>
    `The program locks after ${m} min without activity and when the computer is locked.`,
  twoFactorHeading: '4. Two-factor authentication',
  twoFactor: [
    'Two-factor authentication (a code from an authenticator app) is required for every account: work in the program does not start without it.',
    'Everyone keeps their one-time recovery codes in a safe place. Only staff who may manage staff can reset someone’s two-factor authentication.',
  ],
  withoutTwoFactor: logins =>
    `Not enrolled in two-factor authentication yet (they will at their first sign-in): ${logins}.`,
  allHaveTwoFactor: 'Every active member of staff has enrolled two-factor authentication.',
  rolesHeading: '5. Roles and permissions',
  rolesIntro:
    'Each role gives only what the work needs. “Own” means the person’s records and those shared with them; “team” their team’s records; “all” every record.',
  rolesColumns: ['Role', 'Permissions', 'Staff'],
  scopes: { own: 'own', team: 'team', all: 'all' },
  custom: 'custom role',
  staffHeading: '6. Staff and their roles',
  staffColumns: ['Name', 'Login', 'Role', 'Team', '2FA'],
  noTeam: '—',
  yes: 'yes',
  no: 'no',
  dismissed: n => `Dismissed accounts: ${n} (they cannot sign in; their audit history is kept).`,
  dismissalHeading: '7. When someone leaves',
  dismissal: [
    'A member of staff who may manage staff dismisses the account in “Users” on the day the person leaves.',
    'First the person’s sign-in key slot is deleted: their password no longer opens the vault even if the remaining steps fail.',
    'The account is marked dismissed; their open session ends at their next action.',
    'All their contacts move to the chosen colleague, and what was shared with them is unshared.',
    'The action is written to the audit log; the account is never deleted, so the history stays complete.',
    'If the person knew the backup passphrase, the owner changes it in the backup settings.',
  ],
  backupHeading: '8. Backups',
  schedule: s =>
    s.kind === 'daily'
      ? `A backup is made every day at ${s.time} (this computer’s local time); missed runs are caught up.`
      : `A backup is made every week on ${WEEKDAYS_EN[s.weekday] ?? ''} at ${s.time} (this computer’s local time); missed runs are caught up.`,
  noDestinations:
    'No backup place is set up yet. The owner or an administrator sets one up in “Backups” (an external drive or a synced cloud folder is best).',
  destinations: 'Backups are kept in these places:',
  retention: r =>
    `Each place keeps ${r.daily} daily, ${r.weekly} weekly and ${r.monthly} monthly backups. Each new backup is verified by opening it again.`,
  encryption: {
    recovery_key:
      'Backups are encrypted to the owner’s recovery key (age); they open only with the printed recovery kit.',
    passphrase:
      'Backups are encrypted with the backup passphrase (age); only the owner knows it and keeps it apart from the backups.',
  },
  guardHeading: '9. Alerts',
  hours: h =>
    h
      ? `Allowed sign-in hours: ${h.start} to ${h.end} (${h.timeZone}); a sign-in outside them raises an alert.`
      : 'Sign-in hours are not restricted.',
  networks: (n, macs) =>
    n || macs
      ? `Sign-ins are allowed only from the office networks (${[...(n ?? []), ...(macs ?? []).map(m => `gateway ${m}`)].join(', ')}); others are refused and raise an alert.`
      : 'Networks are not restricted.',
  devices: (required, approved) =>
    required
      ? `Sign-ins are allowed only from computers the owner approved (${approved.length}: ${approved.join(', ') || '—'}); others are refused and raise an alert.`
      : 'Computer approval is off: a sign-in from a new computer only raises an alert.',
  thresholds: g => [
    `Password guessing alert: ${g.failedPerLogin} failed sign-ins for one login or ${g.failedAcrossLogins} across logins within ${g.failedWindowMinutes} min.`,
    `Mass export alert: ${g.exportRecords} records within ${g.exportWindowMinutes} min; mass delete alert: ${g.deleteRecords} records within ${g.deleteWindowMinutes} min.`,
    `Overdue backup alert: older than ${g.backupMaxAgeDays} days.`,
    'Alerts are also raised for a sign-in from a new device, role and settings changes and a broken audit chain.',
  ],
  reviewHeading: '10. Reviewing activity',
  review: (dormant, check) => [
    'Every month the owner (a head for their team) reads the monthly review: who signed in when and from which devices, how many records they created, changed, deleted and exported, and which alerts were raised.',
    `Accounts without a sign-in for more than ${dormant} days are dormant: disable them when they are not needed.`,
    `The security check is run at least every ${check} days and after every update of the program.`,
  ],
};

/** The regulation texts by language. */
export const REGULATION_TEXT: Readonly<Record<'uk' | 'en', RegulationText>> = { uk, en };
