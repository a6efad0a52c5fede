import type { Strings } from '../../i18n/types';

/** Words of the office screens (sync panel, joining, approvals, conflicts), Ukrainian first; merged under `office`. */
export const uk = {
  conflicts: {
    title: 'Конфлікти синхронізації',
    intro:
      'Двоє змінили те саме поле одночасно. Діє значення, яке першим дійшло до офісного сервера; оберіть, яке залишити.',
    none: 'Конфліктів немає.',
    record: 'Запис',
    field: 'Поле',
    mine: 'Моє',
    theirs: 'Їхнє',
    when: 'Коли',
    who: 'Пристрій',
    keepMine: 'Залишити моє',
    keepTheirs: 'Залишити їхнє',
    empty: '(порожньо)',
    resolved: 'Конфлікт розв’язано.',
    tables: {
      contacts: 'Контакт',
      companies: 'Компанія',
      deals: 'Угода',
      activities: 'Активність',
    },
    fields: {
      stage_id: 'Етап',
      amount_minor: 'Сума',
      owner_id: 'Відповідальний',
    },
  },
  syncPanel: {
    title: 'Синхронізація з офісом',
    off: 'Це сховище не синхронізується з офісним сервером.',
    dismissals:
      'Звільнень, які офісний сервер ще не підтвердив: {{count}}. Синхронізація повторює їх сама, доки сервер не прийме.',
    server: 'Адреса сервера',
    fingerprint: 'Відбиток сертифіката сервера',
    noFingerprint: '(немає: з’єднання лише на цьому комп’ютері)',
    device: 'Ідентифікатор цього пристрою',
    lastSync: 'Остання синхронізація',
    never: 'ще не було',
    now: 'Синхронізувати зараз',
    done: 'Синхронізовано: надіслано {{pushed}}, отримано {{pulled}}.',
    conflicts: 'Конфлікти',
  },
  join: {
    title: 'Приєднатися до офісу',
    intro:
      'Введіть адресу офісного сервера й код приєднання. Власник бере код у того, хто запустив сервер; співробітники — у власника (кнопка «Запросити співробітника»).',
    server: 'Адреса сервера',
    serverHint: 'Наприклад, https://192.168.1.10:8443',
    code: 'Код приєднання',
    codeHint: 'Код містить відбиток сертифіката сервера: вставте його повністю.',
    submit: 'Приєднатися',
    active: 'Цей комп’ютер приєднано до офісу.',
    sent: 'Запит надіслано. Тепер власник має схвалити цей комп’ютер.',
    errors: {
      bad_code: 'Це не код приєднання. Скопіюйте код повністю, разом із частиною після крапки.',
      offline:
        'Сервер за цією адресою не відповідає. Перевірте адресу й порт та чи запущено сервер, і спробуйте ще раз.',
      certificate_mismatch:
        'Сертифікат сервера не збігається з відбитком у коді. Перевірте адресу; якщо вона правильна, попросіть новий код: можливо, ви з’єднуєтеся не з офісним сервером.',
      wrong_code:
        'Код неправильний, уже використаний або прострочений. Попросіть новий код у власника (або перезапустіть сервер, щоб отримати новий код власника).',
      no_fingerprint:
        'Для адреси https:// код має містити відбиток сертифіката. Скопіюйте код повністю.',
      bad_url: 'Адреса має починатися з https:// (http:// — лише для сервера на цьому комп’ютері).',
      forbidden: 'Перший комп’ютер офісу під’єднує лише власник сховища.',
      joined: 'Це сховище вже приєднане до офісу.',
      rate_limited:
        'Забагато спроб з цього комп’ютера. Зачекайте кілька хвилин і спробуйте ще раз із правильним кодом.',
    },
  },
  pending: {
    title: 'Очікує схвалення',
    text: 'Запит на приєднання надіслано. Коли власник схвалить цей комп’ютер, натисніть «Перевірити зараз».',
    check: 'Перевірити зараз',
    notYet: 'Власник ще не схвалив цей комп’ютер (або відхилив запит).',
    refused:
      'Запит відхилено або ви передумали? Забудьте цей офіс, щоб приєднатися знову з новим кодом чи працювати окремо.',
  },
  invite: {
    button: 'Запросити співробітника',
    title: 'Код для співробітника',
    text: 'Передайте цей код співробітникові разом з адресою сервера. Код діє 7 днів і лише для одного комп’ютера.',
    expires: 'Діє до {{when}}',
    waiting: 'Комп’ютери, що чекають схвалення',
  },
  devices: {
    title: 'Комп’ютери, що чекають схвалення',
    intro:
      'Схвалюючи комп’ютер, ви передаєте йому ключі записів, які його користувач може бачити. Схвалює власник, а керівник команди — менеджерів своєї команди.',
    headNote:
      'Ви керівник команди: тут лише запити до вашої команди, і ви схвалюєте їх тільки як менеджерів цієї команди.',
    none: 'Ніхто не чекає схвалення.',
    name: 'Співробітник',
    unknownName: '(запит на інший комп’ютер власника)',
    device: 'Пристрій',
    asked: 'Коли',
    role: 'Роль',
    team: 'Команда',
    noTeam: 'Без команди',
    approve: 'Схвалити',
    refuse: 'Відхилити',
    approved: 'Комп’ютер схвалено: передано ключів — {{partitions}}.',
    refused: 'Запит відхилено.',
    back: 'До синхронізації',
    roles: {
      manager: 'Менеджер',
      head: 'Керівник команди',
      administrator: 'Адміністратор',
      auditor: 'Аудитор',
    },
  },
  forget: {
    button: 'Забути цей офіс',
    title: 'Забути цей офіс?',
    text: 'Цей комп’ютер вийде з офісу: зникнуть його членство, ключі пристрою й ключі записів колег, а зміни, ще не надіслані на сервер, туди вже не потраплять. Записи в цьому сховищі залишаться. Потім можна приєднатися знову з новим кодом або працювати окремо.',
    confirm: 'Забути офіс',
    cancel: 'Скасувати',
    busy: 'Забуваю…',
    done: 'Офіс забуто. Можна приєднатися знову з новим кодом.',
  },
  link: {
    title: 'Синхронізація з офісом',
    text: 'Кілька комп’ютерів офісу працюють з однією базою через офісний сервер, який бачить лише зашифровані дані. Тут можна приєднати цей комп’ютер до офісу, запросити співробітника й переглянути стан синхронізації.',
    open: 'Відкрити синхронізацію',
  },
  progress: {
    label: 'Перша синхронізація',
    counts: 'Отримано {{applied}} з {{total}} змін',
    applied: 'Отримано {{applied}} змін',
    badge: 'Перша синхронізація: {{applied}} з {{total}}',
    badgeApplied: 'Перша синхронізація: {{applied}}',
  },
} as const;

/** English. */
export const en: Strings<typeof uk> = {
  conflicts: {
    title: 'Sync conflicts',
    intro:
      'Two people changed the same field at once. The value that reached the office server first is in force; choose which one to keep.',
    none: 'No conflicts.',
    record: 'Record',
    field: 'Field',
    mine: 'Mine',
    theirs: 'Theirs',
    when: 'When',
    who: 'Device',
    keepMine: 'Keep mine',
    keepTheirs: 'Keep theirs',
    empty: '(empty)',
    resolved: 'Conflict resolved.',
    tables: {
      contacts: 'Contact',
      companies: 'Company',
      deals: 'Deal',
      activities: 'Activity',
    },
    fields: {
      stage_id: 'Stage',
      amount_minor: 'Amount',
      owner_id: 'Owner',
    },
  },
  syncPanel: {
    title: 'Office sync',
    off: 'This vault does not sync with an office server.',
    dismissals:
      'Dismissals the office server has not confirmed yet: {{count}}. Sync retries them by itself until the server accepts.',
    server: 'Server address',
    fingerprint: 'Server certificate fingerprint',
    noFingerprint: '(none: a connection on this computer only)',
    device: 'This device’s id',
    lastSync: 'Last sync',
    never: 'not yet',
    now: 'Sync now',
    done: 'Synced: {{pushed}} sent, {{pulled}} received.',
    conflicts: 'Conflicts',
  },
  join: {
    title: 'Join an office',
    intro:
      'Enter the office server’s address and an enrolment code. The owner gets the code from whoever started the server; staff get one from the owner (the “Invite a colleague” button).',
    server: 'Server address',
    serverHint: 'For example, https://192.168.1.10:8443',
    code: 'Enrolment code',
    codeHint: 'The code carries the server certificate’s fingerprint: paste all of it.',
    submit: 'Join',
    active: 'This computer has joined the office.',
    sent: 'Request sent. The owner now has to approve this computer.',
    errors: {
      bad_code: 'This is not an enrolment code. Copy all of it, including the part after the dot.',
      offline:
        'The server at this address does not answer. Check the address and port and that the server is running, then try again.',
      certificate_mismatch:
        'The server’s certificate does not match the fingerprint in the code. Check the address; if it is right, ask for a new code: you may not be talking to the office server.',
      wrong_code:
        'The code is wrong, used or expired. Ask the owner for a new one (or restart the server for a new owner code).',
      no_fingerprint:
        'For an https:// address the code must carry the certificate fingerprint. Copy all of the code.',
      bad_url: 'The address must start with https:// (http:// only for a server on this computer).',
      forbidden: 'Only the vault’s owner joins the office’s first computer.',
      joined: 'This vault has already joined an office.',
      rate_limited:
        'Too many attempts from this computer. Wait a few minutes, then try again with the right code.',
    },
  },
  pending: {
    title: 'Waiting for approval',
    text: 'The request to join was sent. Once the owner approves this computer, press “Check now”.',
    check: 'Check now',
    notYet: 'The owner has not approved this computer yet (or refused the request).',
    refused:
      'Request refused, or changed your mind? Forget this office to join again with a new code, or to work alone.',
  },
  invite: {
    button: 'Invite a colleague',
    title: 'Code for a colleague',
    text: 'Give this code to your colleague with the server address. It works for 7 days and for one computer.',
    expires: 'Valid until {{when}}',
    waiting: 'Computers waiting for approval',
  },
  devices: {
    title: 'Computers waiting for approval',
    intro:
      'Approving a computer hands it the keys of the records its user may see. The owner approves; a team head approves managers of their team.',
    headNote:
      'You are a team head: only requests to your team are listed here, and you approve them only as managers of that team.',
    none: 'Nobody is waiting for approval.',
    name: 'Colleague',
    unknownName: '(request to another owner computer)',
    device: 'Device',
    asked: 'When',
    role: 'Role',
    team: 'Team',
    noTeam: 'No team',
    approve: 'Approve',
    refuse: 'Refuse',
    approved: 'Computer approved: {{partitions}} keys handed over.',
    refused: 'Request refused.',
    back: 'Back to sync',
    roles: {
      manager: 'Manager',
      head: 'Team head',
      administrator: 'Administrator',
      auditor: 'Auditor',
    },
  },
  forget: {
    button: 'Forget this office',
    title: 'Forget this office?',
    text: 'This computer leaves the office: its membership, its device keys and the keys of colleagues’ records go, and changes not yet sent to the server will not reach it. The records in this vault stay. You can then join again with a new code, or work alone.',
    confirm: 'Forget the office',
    cancel: 'Cancel',
    busy: 'Forgetting…',
    done: 'Office forgotten. You can join again with a new code.',
  },
  link: {
    title: 'Office sync',
    text: 'Several office computers work on one client base through the office server, which sees only encrypted data. Join this computer to the office, invite a colleague or see the sync state here.',
    open: 'Open office sync',
  },
  progress: {
    label: 'First sync',
    counts: '{{applied}} of {{total}} changes received',
    applied: '{{applied}} changes received',
    badge: 'First sync: {{applied}} of {{total}}',
    badgeApplied: 'First sync: {{applied}}',
  },
};
