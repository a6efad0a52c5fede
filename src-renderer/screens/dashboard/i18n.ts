import type { Strings } from '../../i18n/types';

/** Interface text of the head's dashboard (Ukrainian first), merged into i18next under `dashboard`. */
export const uk = {
  title: 'Панель',
  intro:
    'Підсумки за записами, які ви можете переглядати. Лише кількості та суми — без даних клієнтів.',
  period: 'Період',
  periods: { '3': '3 місяці', '6': '6 місяців', '12': '12 місяців' },
  periodHint: 'Alt+3, Alt+6, Alt+1 — змінити період',
  refresh: 'Оновити',
  loading: 'Рахуємо…',
  noData: 'Ще немає даних за цей період.',
  noAccess: 'Ваша роль не дає доступу до цих записів.',
  currency: 'Валюта',
  pipeline: {
    title: 'Вартість воронки за етапами',
    hint: 'Відкриті угоди: сума за кожним етапом.',
    stage: 'Етап',
    deals: 'Угод',
    amount: 'Сума',
    openList: 'Відкрити угоди етапу:',
  },
  wonLost: {
    title: 'Виграні та програні угоди за місяцями',
    hint: 'За датою закриття угоди.',
    month: 'Місяць',
    won: 'Виграно',
    lost: 'Програно',
    openList: 'Відкрити закриті угоди місяця:',
    wonButton: '{{month}}: виграно {{n}}',
    lostButton: '{{month}}: програно {{n}}',
  },
  activities: {
    title: 'Активність працівників за 30 днів',
    hint: 'Дзвінки, зустрічі, листи, нотатки й завдання, починаючи з {{since}}',
    person: 'Працівник',
    count: 'Записів',
    openList: 'Відкрити активності працівника:',
  },
  contacts: {
    title: 'Нові контакти за місяцями',
    hint: 'Контакти, додані за місяць (видалені не враховано).',
    month: 'Місяць',
    count: 'Нових контактів',
    openList: 'Відкрити нові контакти місяця:',
  },
} as const;

/** English text of the dashboard (same keys). */
export const en: Strings<typeof uk> = {
  title: 'Dashboard',
  intro: 'Figures over the records you may read. Counts and totals only — no client data.',
  period: 'Period',
  periods: { '3': '3 months', '6': '6 months', '12': '12 months' },
  periodHint: 'Alt+3, Alt+6, Alt+1 — change the period',
  refresh: 'Refresh',
  loading: 'Counting…',
  noData: 'No data yet for this period.',
  noAccess: 'Your role does not give access to these records.',
  currency: 'Currency',
  pipeline: {
    title: 'Pipeline value by stage',
    hint: 'Open deals: the total in each stage.',
    stage: 'Stage',
    deals: 'Deals',
    amount: 'Amount',
    openList: 'Open the deals of a stage:',
  },
  wonLost: {
    title: 'Won and lost deals per month',
    hint: 'By the date the deal was closed.',
    month: 'Month',
    won: 'Won',
    lost: 'Lost',
    openList: 'Open the deals closed in a month:',
    wonButton: '{{month}}: won {{n}}',
    lostButton: '{{month}}: lost {{n}}',
  },
  activities: {
    title: 'Activities per person, last 30 days',
    hint: 'Calls, meetings, e-mails, notes and tasks since {{since}}',
    person: 'Person',
    count: 'Activities',
    openList: 'Open a person’s activities:',
  },
  contacts: {
    title: 'New contacts per month',
    hint: 'Contacts added in the month (deleted ones not counted).',
    month: 'Month',
    count: 'New contacts',
    openList: 'Open the new contacts of a month:',
  },
};
