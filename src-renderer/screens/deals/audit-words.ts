/**
 * Audit words for deal and pipeline entries (action names, field names, record types), merged into
 * the admin catalogue like companies'. Re-exported by ./i18n.ts.
 */

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
      get: 'Перегляд угоди',
      list: 'Перегляд списку угод',
      board: 'Перегляд дошки угод',
    },
    pipelines: {
      create: 'Воронку створено',
      rename: 'Воронку перейменовано',
      add_stage: 'Етап додано',
      update_stage: 'Етап змінено',
      reorder_stages: 'Етапи впорядковано',
      remove_stage: 'Етап видалено',
      list: 'Перегляд воронок',
    },
  },
  fields: {
    title: 'Назва',
    amountMinor: 'Сума',
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
      get: 'Deal viewed',
      list: 'Deals list viewed',
      board: 'Deal board viewed',
    },
    pipelines: {
      create: 'Pipeline created',
      rename: 'Pipeline renamed',
      add_stage: 'Stage added',
      update_stage: 'Stage changed',
      reorder_stages: 'Stages reordered',
      remove_stage: 'Stage removed',
      list: 'Pipelines viewed',
    },
  },
  fields: {
    title: 'Title',
    amountMinor: 'Amount',
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
