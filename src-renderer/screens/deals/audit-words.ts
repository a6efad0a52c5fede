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
