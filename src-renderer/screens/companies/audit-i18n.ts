/** Company words in the audit log (admin screens): action names, field names, record type. */
/** Audit log words for companies (action names, field names, record type) in the admin catalogue. */
export interface CompanyAuditWords {
  actions: {
    companies: Record<
      'create' | 'update' | 'delete' | 'restore' | 'reassign' | 'get' | 'list' | 'contacts',
      string
    >;
  };
  fields: Record<string, string>;
  entities: { company: string };
}

export const companiesAuditUk: CompanyAuditWords = {
  actions: {
    companies: {
      create: 'Створено компанію',
      update: 'Змінено компанію',
      delete: 'Видалено компанію',
      restore: 'Компанію відновлено',
      reassign: 'Компанію передано',
      get: 'Перегляд компанії',
      list: 'Перегляд списку компаній',
      contacts: 'Перегляд контактів компанії',
    },
  },
  fields: {
    edrpou: 'ЄДРПОУ',
    rnokpp: 'РНОКПП',
    legalAddress: 'Юридична адреса',
    actualAddress: 'Фактична адреса',
    website: 'Сайт',
    companyId: 'Компанія з довідника',
  },
  entities: { company: 'Компанія' },
};

export const companiesAuditEn: CompanyAuditWords = {
  actions: {
    companies: {
      create: 'Company created',
      update: 'Company changed',
      delete: 'Company deleted',
      restore: 'Company restored',
      reassign: 'Company handed over',
      get: 'Company viewed',
      list: 'Companies list viewed',
      contacts: 'Contacts of a company viewed',
    },
  },
  fields: {
    edrpou: 'EDRPOU',
    rnokpp: 'RNOKPP',
    legalAddress: 'Registered address',
    actualAddress: 'Actual address',
    website: 'Website',
    companyId: 'Company from the directory',
  },
  entities: { company: 'Company' },
};

/** The admin catalogue with the company audit words added (the admin screens own the rest). */
export function withCompanyAudit<
  A extends { actions: object; fields: object; audit: { entities: object } },
>(admin: A, words: CompanyAuditWords): A {
  return {
    ...admin,
    actions: { ...admin.actions, ...words.actions },
    fields: { ...admin.fields, ...words.fields },
    audit: { ...admin.audit, entities: { ...admin.audit.entities, ...words.entities } },
  };
}
