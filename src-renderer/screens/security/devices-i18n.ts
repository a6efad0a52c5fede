import type { Strings } from '../../i18n/types';

/** Interface text of Settings → Devices and networks (Ukrainian first), merged as `security.devices`. */
export const uk = {
  tabCheck: 'Перевірка',
  tab: 'Пристрої й мережі',
  intro:
    'Хто і звідки може входити. Перевірка відбувається після пароля й коду, тож сторонній нічого не дізнається. Вона зупиняє колег і випадкові входи з дому, але не того, хто повністю контролює комп’ютер.',
  loading: 'Завантажуємо пристрої…',
  retry: 'Спробувати ще раз',
  approval: {
    heading: 'Лише схвалені комп’ютери',
    label: 'Входити можна лише з комп’ютерів, які ви схвалили',
    hintOff:
      'Вимкнено: входити можна з будь-якого комп’ютера. Коли ввімкнете, цей комп’ютер буде схвалено автоматично.',
    hintOn:
      'Увімкнено: з нового комп’ютера вхід буде відхилено, доки ви його не схвалите тут. Ви отримаєте сповіщення.',
  },
  list: {
    heading: 'Комп’ютери',
    caption: 'Комп’ютери, з яких входили',
    empty:
      'Ще жоден комп’ютер не входив із правильним паролем. Вони з’являться тут після першої спроби входу.',
    name: 'Назва',
    status: 'Стан',
    seen: 'Остання спроба',
    actions: 'Дії',
    thisComputer: 'цей комп’ютер',
    firstSeen: 'Уперше: {{date}}',
    pending: 'Чекає схвалення',
    approved: 'Схвалено',
    revoked: 'Відкликано',
    approve: 'Схвалити',
    revoke: 'Відкликати',
    rename: 'Перейменувати',
    pendingCount: 'Чекають схвалення: {{count}}. Схваліть лише ті комп’ютери, які ви знаєте.',
  },
  renameDialog: {
    title: 'Назва комп’ютера',
    label: 'Назва',
    hint: 'Наприклад, «Ноутбук бухгалтерії» або «Рецепція».',
    save: 'Зберегти',
    cancel: 'Скасувати',
  },
  networks: {
    heading: 'Мережа офісу',
    intro:
      'Якщо задати мережі або адресу роутера, вхід буде можливий лише з мережі офісу. Достатньо збігу одного з двох.',
    cidrs: 'Дозволені мережі',
    cidrsHint: 'По одній на рядок, IPv4 або IPv6, наприклад 192.168.1.0/24 або 2001:db8:1::/48.',
    current: 'Адреси цього комп’ютера зараз: {{addresses}}',
    noAddresses: 'Цей комп’ютер зараз не має мережевих адрес.',
    macs: 'MAC-адреса роутера офісу (основного шлюзу)',
    macsHint: 'По одній на рядок, наприклад a4:2b:b0:11:22:33.',
    useGateway: 'Узяти роутер цієї мережі',
    gatewayUnknown:
      'На цьому комп’ютері адресу роутера не видно (так буває не в Linux або без з’єднання). Задайте мережі.',
    save: 'Зберегти мережі',
    saving: 'Зберігаємо…',
    saveHint: 'Ctrl+Enter — зберегти',
    saved: 'Збережено.',
    none: 'Не задано: входити можна з будь-якої мережі.',
    badCidr: 'Рядок {{line}}: «{{value}}» — не мережа. Приклад: 192.168.1.0/24.',
    badMac: 'Рядок {{line}}: «{{value}}» — не MAC-адреса. Приклад: a4:2b:b0:11:22:33.',
    tooMany: 'Не більше {{max}} рядків.',
    allowedHere: 'Цей комп’ютер зараз у дозволеній мережі.',
    notAllowedHere: 'Цей комп’ютер зараз поза дозволеними мережами.',
  },
  conflicts: {
    would_lock_out_network:
      'Цей комп’ютер не в жодній із цих мереж — після збереження ви б не змогли увійти. Додайте поточну мережу (адреси вище) і збережіть ще раз.',
    would_lock_out_device:
      'Це комп’ютер, з якого ви працюєте: після відкликання ви б не змогли увійти. Відкличте його з іншого схваленого комп’ютера.',
    gateway_unknown:
      'Тут адресу роутера прочитати не можна, тож лише роутер закрив би вам вхід. Додайте також мережу офісу.',
  },
} as const;

/** English, with exactly the same keys. */
export const en: Strings<typeof uk> = {
  tabCheck: 'Check',
  tab: 'Devices and networks',
  intro:
    'Who may sign in, and from where. Checked after the password and code, so a stranger learns nothing. It stops colleagues and casual sign-ins from home, not someone who fully controls the computer.',
  loading: 'Loading the devices…',
  retry: 'Try again',
  approval: {
    heading: 'Approved computers only',
    label: 'Allow sign-in only on computers you approved',
    hintOff:
      'Off: people can sign in on any computer. When you turn it on, this computer is approved automatically.',
    hintOn:
      'On: a sign-in on a new computer is refused until you approve it here. You get an alert.',
  },
  list: {
    heading: 'Computers',
    caption: 'Computers used to sign in',
    empty:
      'No computer has signed in with a correct password yet. They appear here after their first sign-in attempt.',
    name: 'Name',
    status: 'Status',
    seen: 'Last attempt',
    actions: 'Actions',
    thisComputer: 'this computer',
    firstSeen: 'First: {{date}}',
    pending: 'Waiting for approval',
    approved: 'Approved',
    revoked: 'Revoked',
    approve: 'Approve',
    revoke: 'Revoke',
    rename: 'Rename',
    pendingCount: 'Waiting for approval: {{count}}. Approve only computers you know.',
  },
  renameDialog: {
    title: 'Computer name',
    label: 'Name',
    hint: 'For example “Accounts laptop” or “Reception”.',
    save: 'Save',
    cancel: 'Cancel',
  },
  networks: {
    heading: 'Office network',
    intro:
      'With networks or the router’s address set, people can sign in only on the office network. Either one matching is enough.',
    cidrs: 'Allowed networks',
    cidrsHint: 'One per line, IPv4 or IPv6, e.g. 192.168.1.0/24 or 2001:db8:1::/48.',
    current: 'This computer’s addresses now: {{addresses}}',
    noAddresses: 'This computer has no network addresses right now.',
    macs: 'MAC address of the office router (default gateway)',
    macsHint: 'One per line, e.g. a4:2b:b0:11:22:33.',
    useGateway: 'Use this network’s router',
    gatewayUnknown:
      'This computer cannot see the router’s address (outside Linux, or offline). Set networks instead.',
    save: 'Save networks',
    saving: 'Saving…',
    saveHint: 'Ctrl+Enter — save',
    saved: 'Saved.',
    none: 'Not set: people can sign in on any network.',
    badCidr: 'Line {{line}}: “{{value}}” is not a network. Example: 192.168.1.0/24.',
    badMac: 'Line {{line}}: “{{value}}” is not a MAC address. Example: a4:2b:b0:11:22:33.',
    tooMany: 'At most {{max}} lines.',
    allowedHere: 'This computer is on an allowed network now.',
    notAllowedHere: 'This computer is outside the allowed networks now.',
  },
  conflicts: {
    would_lock_out_network:
      'This computer is on none of these networks: after saving you could not sign in. Add the current network (addresses above) and save again.',
    would_lock_out_device:
      'This is the computer you are using: revoking it would shut you out. Revoke it from another approved computer.',
    gateway_unknown:
      'The router’s address cannot be read here, so a router rule alone would shut you out. Add the office network too.',
  },
};
