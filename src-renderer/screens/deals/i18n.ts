/**
 * The deals screen's words, Ukrainian first (merged under `deals` in src-renderer/i18n), and the
 * audit words for deal and pipeline entries (merged into the admin catalogue like companies').
 */

const uk = {
  title: 'Угоди',
  board: 'Дошка',
  list: 'Список',
  new: 'Нова угода',
  newHint: 'Ctrl+Alt+N',
  pipeline: 'Воронка',
  empty: 'Угод поки немає. Створіть першу кнопкою «Нова угода».',
  emptyColumn: 'Порожньо',
  emptyFiltered: 'Немає угод, що відповідають фільтру. Змініть або скиньте фільтр.',
  showMore: 'Показати ще',
  count: 'Угод: {{count}}',
  count_one: '{{count}} угода',
  count_few: '{{count}} угоди',
  count_many: '{{count}} угод',
  count_other: '{{count}} угоди',
  reload: 'Оновити',
  search: 'Пошук за назвою',
  mine: 'Лише мої',
  anyStage: 'Усі етапи',
  anyCurrency: 'Усі валюти',
  sort: {
    label: 'Порядок',
    updated: 'Нещодавно змінені',
    created: 'Нещодавно створені',
    title: 'За назвою',
    amount: 'За сумою',
  },
  columns: {
    title: 'Угода',
    amount: 'Сума',
    stage: 'Етап',
    owner: 'Відповідальний',
    close: 'Закриття',
  },
  field: {
    title: 'Назва угоди',
    amount: 'Сума',
    amountHint: 'Наприклад, 12 500,50',
    currency: 'Валюта',
    stage: 'Етап',
    probability: 'Імовірність, %',
    expectedClose: 'Очікувана дата закриття',
    contact: 'Контакт',
    contactPlaceholder: 'Почніть вводити прізвище',
    contactNothing: 'Не знайдено серед ваших контактів',
    company: 'Компанія',
    companyPlaceholder: 'Почніть вводити назву або ЄДРПОУ',
    companyNothing: 'Не знайдено серед ваших компаній',
    probabilityAuto: 'Як у етапу',
    notes: 'Нотатки',
    owner: 'Відповідальний',
    lostReason: 'Причина програшу',
  },
  save: 'Зберегти',
  cancel: 'Скасувати',
  close: 'Закрити',
  back: 'До угод',
  edit: 'Змінити',
  delete: 'Видалити',
  deleteConfirm:
    'Видалити угоду «{{title}}»? Вона зникне з дошки та списку; історія змін залишиться.',
  move: 'Перемістити',
  moveTo: 'Перемістити на етап',
  won: 'Виграно',
  lost: 'Програно',
  markWon: 'Позначити виграною',
  markLost: 'Позначити програною',
  lostTitle: 'Чому угоду програно?',
  lostHint: 'Коротко: ціна, терміни, обрали іншого… Це бачитимуть керівник і власник.',
  lostConfirm: 'Позначити програною',
  stageHasDeals: 'На цьому етапі ще є угоди ({{deals}}). Спершу перемістіть їх на інший етап.',
  moved: 'Угоду «{{title}}» переміщено на етап «{{stage}}».',
  dnd: {
    instructions:
      'Щоб перемістити угоду, натисніть пробіл, стрілками вліво чи вправо оберіть етап і натисніть пробіл ще раз. Escape — скасувати. Enter — відкрити угоду.',
    start: 'Угоду «{{title}}» взято. Етап зараз: «{{stage}}».',
    over: 'Угода «{{title}}» над етапом «{{stage}}».',
    overNone: 'Угода «{{title}}» поза етапами.',
    end: 'Угоду «{{title}}» відпущено на етапі «{{stage}}».',
    cancel: 'Переміщення угоди «{{title}}» скасовано.',
  },
  cardLabel: '{{title}}, {{amount}}, етап «{{stage}}»',
  noContact: 'Без контакту',
  settings: {
    open: 'Етапи воронки',
    title: 'Етапи воронки',
    stageName: 'Етап {{n}}',
    up: 'Перемістити «{{name}}» вище',
    down: 'Перемістити «{{name}}» нижче',
    moveDealsTo: 'Куди перемістити угоди',
    moveAndRemove: 'Перемістити й видалити етап',
    add: 'Новий етап',
    newStage: 'Назва етапу',
    addButton: 'Додати етап',
  },
  closed: 'Закрито {{date}}',
};

/** The shape every language of the deals screen has. */
export type DealsWords = typeof uk;

const en: DealsWords = {
  title: 'Deals',
  board: 'Board',
  list: 'List',
  new: 'New deal',
  newHint: 'Ctrl+Alt+N',
  pipeline: 'Pipeline',
  empty: 'No deals yet. Create the first one with “New deal”.',
  emptyColumn: 'Empty',
  emptyFiltered: 'No deals match the filter. Change or clear it.',
  showMore: 'Show more',
  count: 'Deals: {{count}}',
  count_one: '{{count}} deal',
  count_few: '{{count}} deals',
  count_many: '{{count}} deals',
  count_other: '{{count}} deals',
  reload: 'Reload',
  search: 'Search by title',
  mine: 'Only mine',
  anyStage: 'All stages',
  anyCurrency: 'All currencies',
  sort: {
    label: 'Order',
    updated: 'Recently changed',
    created: 'Recently created',
    title: 'By title',
    amount: 'By amount',
  },
  columns: { title: 'Deal', amount: 'Amount', stage: 'Stage', owner: 'Owner', close: 'Close date' },
  field: {
    title: 'Deal title',
    amount: 'Amount',
    amountHint: 'For example, 12 500,50',
    currency: 'Currency',
    stage: 'Stage',
    probability: 'Probability, %',
    expectedClose: 'Expected close date',
    contact: 'Contact',
    contactPlaceholder: 'Start typing a surname',
    contactNothing: 'Not found among your contacts',
    company: 'Company',
    companyPlaceholder: 'Start typing a name or EDRPOU',
    companyNothing: 'Not found among your companies',
    probabilityAuto: 'As the stage',
    notes: 'Notes',
    owner: 'Owner',
    lostReason: 'Why it was lost',
  },
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  back: 'Back to deals',
  edit: 'Edit',
  delete: 'Delete',
  deleteConfirm:
    'Delete the deal “{{title}}”? It leaves the board and the list; its history stays.',
  move: 'Move',
  moveTo: 'Move to stage',
  won: 'Won',
  lost: 'Lost',
  markWon: 'Mark as won',
  markLost: 'Mark as lost',
  lostTitle: 'Why was the deal lost?',
  lostHint: 'Briefly: price, timing, chose someone else… The head and the owner will see it.',
  lostConfirm: 'Mark as lost',
  stageHasDeals: 'This stage still has deals ({{deals}}). Move them to another stage first.',
  moved: 'Deal “{{title}}” moved to “{{stage}}”.',
  dnd: {
    instructions:
      'To move a deal, press space, choose a stage with the left and right arrows and press space again. Escape cancels. Enter opens the deal.',
    start: 'Picked up deal “{{title}}”. Current stage: “{{stage}}”.',
    over: 'Deal “{{title}}” is over stage “{{stage}}”.',
    overNone: 'Deal “{{title}}” is not over a stage.',
    end: 'Deal “{{title}}” dropped on stage “{{stage}}”.',
    cancel: 'Moving deal “{{title}}” was cancelled.',
  },
  cardLabel: '{{title}}, {{amount}}, stage “{{stage}}”',
  noContact: 'No contact',
  settings: {
    open: 'Pipeline stages',
    title: 'Pipeline stages',
    stageName: 'Stage {{n}}',
    up: 'Move “{{name}}” up',
    down: 'Move “{{name}}” down',
    moveDealsTo: 'Move its deals to',
    moveAndRemove: 'Move them and remove the stage',
    add: 'New stage',
    newStage: 'Stage name',
    addButton: 'Add stage',
  },
  closed: 'Closed {{date}}',
};

/** Ukrainian words of the deals screen. */
export const dealsUk = uk;
/** English words of the deals screen. */
export const dealsEn = en;

/** Audit words for deals and pipelines (action names, field names, record types). */
export interface DealAuditWords {
  actions: Record<string, Record<string, string>>;
  fields: Record<string, string>;
  entities: Record<string, string>;
}

/** Ukrainian audit words. */
export const dealsAuditUk: DealAuditWords = {
  actions: {
    deals: {
      create: 'Угоду створено',
      update: 'Угоду змінено',
      move: 'Угоду переміщено на інший етап',
      delete: 'Угоду видалено',
      reassign: 'Угоду передано',
    },
    pipelines: {
      create: 'Воронку створено',
      rename: 'Воронку перейменовано',
      addStage: 'Етап додано',
      updateStage: 'Етап змінено',
      reorderStages: 'Етапи впорядковано',
      removeStage: 'Етап видалено',
    },
  },
  fields: {
    title: 'Назва',
    amountMinor: 'Сума (у копійках)',
    currency: 'Валюта',
    probability: 'Імовірність',
    expectedClose: 'Очікувана дата закриття',
    contactId: 'Контакт',
    stageId: 'Етап (код)',
    stageName: 'Етап',
    pipelineId: 'Воронка',
    lostReason: 'Причина програшу',
    stages: 'Етапи',
  },
  entities: { deal: 'Угода', pipeline: 'Воронка' },
};

/** English audit words. */
export const dealsAuditEn: DealAuditWords = {
  actions: {
    deals: {
      create: 'Deal created',
      update: 'Deal changed',
      move: 'Deal moved to another stage',
      delete: 'Deal deleted',
      reassign: 'Deal handed over',
    },
    pipelines: {
      create: 'Pipeline created',
      rename: 'Pipeline renamed',
      addStage: 'Stage added',
      updateStage: 'Stage changed',
      reorderStages: 'Stages reordered',
      removeStage: 'Stage removed',
    },
  },
  fields: {
    title: 'Title',
    amountMinor: 'Amount (minor units)',
    currency: 'Currency',
    probability: 'Probability',
    expectedClose: 'Expected close date',
    contactId: 'Contact',
    stageId: 'Stage (id)',
    stageName: 'Stage',
    pipelineId: 'Pipeline',
    lostReason: 'Why it was lost',
    stages: 'Stages',
  },
  entities: { deal: 'Deal', pipeline: 'Pipeline' },
};

/** The admin catalogue with the deal audit words added (existing words win on a clash). */
export function withDealAudit<
  A extends { actions: object; fields: object; audit: { entities: object } },
>(admin: A, words: DealAuditWords): A {
  return {
    ...admin,
    actions: { ...words.actions, ...admin.actions },
    fields: { ...words.fields, ...admin.fields },
    audit: { ...admin.audit, entities: { ...words.entities, ...admin.audit.entities } },
  };
}
