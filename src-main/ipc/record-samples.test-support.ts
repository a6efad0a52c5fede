/**
 * Valid inputs of the record channels — contacts, companies, activities, deals, pipelines,
 * documents, custom fields, merges and saved views (spread into ./router.test-support.ts
 * `validSamples`; split from it by feature).
 */

/** A valid input (the shape of ./router.test-support.ts `ChannelSample`, kept apart: no cycle). */
interface Sample {
  input: Record<string, unknown>;
  optionalKeys?: readonly string[];
}

/** A valid input for every record channel. */
export const recordSamples: Readonly<Record<string, Sample>> = {
  'zamok:contacts.list': {
    input: { sort: 'name', direction: 'asc', limit: 50 },
    optionalKeys: ['sort', 'direction', 'limit'],
  },
  'zamok:contacts.get': { input: { id: 'c-1' } },
  'zamok:contacts.create': { input: { contact: { surname: 'Коваль', givenName: 'Олена' } } },
  'zamok:contacts.update': {
    input: {
      id: 'c-1',
      patch: { notes: 'дзвонила' },
      expectedUpdatedAt: '2026-11-29T09:00:00.000Z',
    },
  },
  'zamok:contacts.delete': { input: { id: 'c-1' } },
  'zamok:contacts.restore': { input: { id: 'c-1' } },
  'zamok:contacts.reassign': { input: { id: 'c-1', ownerId: 'u-2' } },
  'zamok:contacts.share': { input: { id: 'c-1', userId: 'u-2' } },
  'zamok:contacts.unshare': { input: { id: 'c-1', userId: 'u-2' } },
  'zamok:companies.list': {
    input: { sort: 'name', direction: 'asc', limit: 50 },
    optionalKeys: ['sort', 'direction', 'limit'],
  },
  'zamok:companies.get': { input: { id: 'co-1' } },
  'zamok:companies.contacts': { input: { id: 'co-1', limit: 50 }, optionalKeys: ['limit'] },
  'zamok:companies.create': {
    input: { company: { name: 'Пекарня Світанок', edrpou: '32855961' } },
  },
  'zamok:companies.update': {
    input: {
      id: 'co-1',
      patch: { website: 'svitanok.com.ua' },
      expectedUpdatedAt: '2026-11-29T09:00:00.000Z',
    },
  },
  'zamok:companies.delete': { input: { id: 'co-1' } },
  'zamok:companies.reassign': { input: { id: 'co-1', ownerId: 'u-2' } },
  'zamok:companies.restore': { input: { id: 'co-1' } },
  'zamok:activities.get': { input: { id: 'a-1' } },
  'zamok:activities.timeline': {
    input: { entityType: 'contact', entityId: 'c-1', cursor: 'WyJ0aW1lbGluZSJd' },
    optionalKeys: ['cursor'],
  },
  'zamok:activities.myTasks': { input: { limit: 50 }, optionalKeys: ['limit'] },
  'zamok:activities.dueReminders': { input: {} },
  'zamok:activities.tasks': {
    input: { view: 'today', timeZone: 'Europe/Kyiv', mine: false, limit: 50 },
    optionalKeys: ['view', 'mine', 'limit'],
  },
  'zamok:activities.logged': {
    input: {
      ownerId: 'u-2',
      from: '2026-11-01T00:00:00.000Z',
      before: '2026-12-01T00:00:00.000Z',
      limit: 50,
    },
    optionalKeys: ['limit'],
  },
  'zamok:activities.calendar': {
    input: { from: '2026-11-30T00:00:00.000Z', before: '2027-01-11T00:00:00.000Z', mine: true },
    optionalKeys: ['mine'],
  },
  'zamok:activities.create': {
    input: {
      activity: {
        kind: 'task',
        subject: 'Передзвонити щодо договору',
        contactId: 'c-1',
        dueAt: '2026-11-30T09:00:00.000Z',
        remindAt: '2026-11-30T08:45:00.000Z',
      },
    },
  },
  'zamok:activities.update': {
    input: {
      id: 'a-1',
      patch: { subject: 'Зустріч' },
      expectedUpdatedAt: '2026-11-29T09:00:00.000Z',
    },
  },
  'zamok:activities.complete': { input: { id: 'a-1', done: true }, optionalKeys: ['done'] },
  'zamok:activities.completeMany': {
    input: { ids: ['a-1', 'a-2'], done: true },
    optionalKeys: ['done'],
  },
  'zamok:activities.snooze': { input: { id: 'a-1', until: '2026-11-30T09:10:00.000Z' } },
  'zamok:activities.delete': { input: { id: 'a-1' } },
  'zamok:deals.list': {
    input: { sort: 'updated', direction: 'desc', limit: 50 },
    optionalKeys: ['sort', 'direction', 'limit'],
  },
  'zamok:deals.board': {
    input: { pipelineId: 'pipeline-default', limit: 20 },
    optionalKeys: ['limit'],
  },
  'zamok:deals.get': { input: { id: 'de-1' } },
  'zamok:deals.create': { input: { deal: { title: 'Поставка борошна', amountMinor: 1250050 } } },
  'zamok:deals.update': {
    input: {
      id: 'de-1',
      patch: { currency: 'EUR' },
      expectedUpdatedAt: '2026-11-29T09:00:00.000Z',
    },
  },
  'zamok:deals.move': {
    input: { id: 'de-1', stageId: 'stage-won', expectedUpdatedAt: '2026-11-29T09:00:00.000Z' },
  },
  'zamok:deals.delete': { input: { id: 'de-1' } },
  'zamok:deals.reassign': { input: { id: 'de-1', ownerId: 'u-2' } },
  'zamok:pipelines.list': { input: {} },
  'zamok:pipelines.create': { input: { name: 'Оренда' } },
  'zamok:pipelines.rename': { input: { id: 'pipeline-default', name: 'Продажі' } },
  'zamok:pipelines.addStage': {
    input: { pipelineId: 'pipeline-default', stage: { name: 'Огляд', probability: 60 } },
  },
  'zamok:pipelines.updateStage': { input: { stageId: 'stage-new', name: 'Заявка' } },
  'zamok:pipelines.reorderStages': {
    input: { pipelineId: 'pipeline-default', stageIds: ['stage-new', 'stage-won'] },
  },
  'zamok:pipelines.removeStage': { input: { stageId: 'stage-new' } },
  'zamok:documents.list': { input: { record: { type: 'contact', id: 'c-1' } } },
  'zamok:documents.startUpload': {
    input: { record: { type: 'contact', id: 'c-1' }, file: { name: 'договір.pdf', size: 1024 } },
  },
  'zamok:documents.finishUpload': { input: { ticket: 'A'.repeat(43) } },
  'zamok:documents.preview': { input: { id: 'd-1' } },
  'zamok:documents.export': { input: { id: 'd-1' } },
  'zamok:documents.delete': { input: { id: 'd-1' } },
  'zamok:documents.deleteForRecord': { input: { record: { type: 'company', id: 'co-1' } } },
  'zamok:bulk.reassign': { input: { type: 'deals', ids: ['d-1', 'd-2'], ownerId: 'u-2' } },
  'zamok:bulk.delete': { input: { type: 'contacts', ids: ['c-1'] } },
  'zamok:bulk.tag': { input: { ids: ['c-1'], tag: 'OLX', action: 'add' } },
  'zamok:views.savedFilters': { input: { list: 'contacts' } },
  'zamok:views.saveFilter': {
    input: {
      list: 'contacts',
      name: 'Мої ліди з OLX',
      filter: { source: 'OLX', created: { period: 'thisMonth', from: '', to: '' } },
    },
  },
  'zamok:views.deleteFilter': { input: { id: 'f-1' } },
  // Custom fields (src-shared/ipc/custom-fields.ts) and merges (src-shared/ipc/merges.ts).
  'zamok:fields.list': {
    input: { recordType: 'contact', includeArchived: true },
    optionalKeys: ['recordType', 'includeArchived'],
  },
  'zamok:fields.create': {
    input: { recordType: 'contact', label: 'Джерело', kind: 'choice', options: ['OLX'] },
  },
  'zamok:fields.update': {
    input: { id: 'field-1', label: 'Звідки', options: ['OLX', 'Prom'] },
    optionalKeys: ['label', 'options'],
  },
  'zamok:fields.reorder': { input: { recordType: 'contact', ids: ['field-1'] } },
  'zamok:fields.archive': { input: { id: 'field-1', archived: true } },
  'zamok:fields.delete': { input: { id: 'field-1' } },
  'zamok:fields.values': { input: { recordType: 'contact', id: 'c-1' } },
  'zamok:fields.setValues': {
    input: {
      recordType: 'contact',
      id: 'c-1',
      values: { 'field-1': 'OLX' },
      expectedUpdatedAt: '2026-11-29T09:00:00.000Z',
    },
    optionalKeys: ['expectedUpdatedAt'],
  },
  'zamok:merges.merge': {
    input: { type: 'contacts', survivorId: 'c-1', mergedIds: ['c-2'], fields: { surname: 'c-2' } },
    optionalKeys: ['fields'],
  },
  'zamok:merges.unmerge': { input: { type: 'companies', mergeId: 'm-1' } },
  'zamok:merges.kind': { input: { mergeId: 'm-1' } },
  'zamok:merges.history': { input: { type: 'contacts', id: 'c-1' } },
};
