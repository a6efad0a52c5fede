/** Valid inputs of the `privacy` channels (spread into ./router.test-support.ts `validSamples`). */

/** A valid input (the shape of ./router.test-support.ts `ChannelSample`, kept apart: no cycle). */
interface Sample {
  input: Record<string, unknown>;
  optionalKeys?: readonly string[];
}

const ID = '019a0c6e-7b1f-7c3d-9e2a-5f4b3c2d1e0f';

/** A valid input for every consent, register, request and breach channel. */
export const privacySamples: Readonly<Record<string, Sample>> = {
  'zamok:privacy.consentState': { input: { contactId: 'c-1' } },
  'zamok:privacy.recordConsent': {
    input: {
      contactId: 'c-1',
      purposeId: ID,
      ground: 'consent',
      channel: 'paper',
      obtainedAt: '2026-11-01T09:00:00.000Z',
      consentText: 'Згода на розсилку',
      evidenceDocumentId: 'd-1',
    },
    optionalKeys: ['consentText', 'evidenceDocumentId'],
  },
  'zamok:privacy.withdrawConsent': { input: { contactId: 'c-1', purposeId: ID } },
  'zamok:privacy.setObjection': { input: { contactId: 'c-1', objected: true } },
  // The filter is the contacts list's own (an empty object is a valid filter): left out here.
  'zamok:privacy.exportPreview': { input: { purposeId: ID }, optionalKeys: ['purposeId'] },
  'zamok:privacy.listPurposes': { input: {} },
  'zamok:privacy.createPurpose': {
    input: {
      purpose: {
        name: 'Медичні довідки',
        ground: 'consent',
        categories: ['здоров’я'],
        retentionMonths: 36,
        retentionText: '3 роки після закінчення договору',
        recipients: 'Страхова компанія',
        highRisk: true,
      },
    },
  },
  'zamok:privacy.updatePurpose': { input: { id: ID, patch: { highRisk: true } } },
  'zamok:privacy.registerPdf': { input: { lang: 'uk' }, optionalKeys: ['lang'] },
  'zamok:privacy.listRequests': { input: {} },
  'zamok:privacy.createRequest': {
    input: {
      request: {
        contactId: 'c-1',
        kind: 'access',
        receivedAt: '2026-11-01T09:00:00.000Z',
        note: 'Лист від 1 листопада',
      },
    },
  },
  'zamok:privacy.updateRequest': { input: { id: ID, patch: { status: 'answered' } } },
  'zamok:privacy.exportSubject': {
    input: { contactId: 'c-1', lang: 'uk' },
    optionalKeys: ['lang'],
  },
  'zamok:privacy.exportSubjectFile': {
    input: { contactId: 'c-1', lang: 'uk', out: '/tmp/subject.zip' },
    optionalKeys: ['lang'],
  },
  'zamok:privacy.listBreaches': { input: {} },
  'zamok:privacy.createBreach': {
    input: {
      breach: {
        title: 'Втрачений ноутбук',
        detectedAt: '2026-11-01T09:00:00.000Z',
        categories: ['контакти'],
        subjectsCount: 120,
        recordsCount: 120,
        actions: 'Ключі змінено',
      },
    },
  },
  'zamok:privacy.openBreachFromAlert': {
    input: { alertId: ID, lang: 'uk' },
    optionalKeys: ['lang'],
  },
  'zamok:privacy.updateBreach': { input: { id: ID, patch: { status: 'notified' } } },
  'zamok:privacy.breachesFile': { input: { format: 'csv', lang: 'uk' }, optionalKeys: ['lang'] },
};
