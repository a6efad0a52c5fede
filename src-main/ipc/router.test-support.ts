/**
 * Test support shared by the router and host tests (never imported by app code): a handler table
 * that records calls, a valid sample input per channel, and malformed variants of each sample.
 */
import type { ContractSpec } from '../../src-shared/ipc/contract';
import { listChannels } from '../../src-shared/ipc/contract';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import type { Handlers } from './router';
import type { Session } from './session';
import type { HandlerContext } from './wrappers';
import { officeSamples } from './office-samples.test-support';
import { privacySamples } from './privacy-samples.test-support';
import { recordSamples } from './record-samples.test-support';

/** One call that reached a handler. */
export interface RecordedCall {
  channel: string;
  input: unknown;
}

/** A handler for every channel of `contract` that records its call and answers `{ handled: name }`. */
export function recordingHandlers<C extends ContractSpec>(
  contract: C,
): { handlers: Handlers<C>; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const table: Record<
    string,
    Record<string, (ctx: HandlerContext, input: unknown) => unknown>
  > = {};
  for (const { feature, call, name } of listChannels(contract)) {
    table[feature] ??= {};
    table[feature][call] = (_ctx, input) => {
      calls.push({ channel: name, input });
      return { handled: name };
    };
  }
  // Built at runtime from the same contract, so every feature/call is present; the per-channel result
  // types cannot be expressed for a generic table, hence the cast.
  return { handlers: table as unknown as Handlers<C>, calls };
}

/** A session holding every permission (to show that a rejection came from the input, not the role). */
export const ownerSession: Session = Object.freeze({
  userId: 'u-owner',
  login: 'owner',
  role: 'owner',
  grants: BUILT_IN_GRANTS.owner,
  teamId: null,
});

/** A valid input for a channel; keys listed in `optionalKeys` may be left out. */
export interface ChannelSample {
  input: Record<string, unknown>;
  optionalKeys?: readonly string[];
}

/**
 * A valid input for every channel of the real contract. Add one when you add a channel (record,
 * office and privacy channels in their own `*-samples.test-support.ts` files, spread in below).
 */
export const validSamples: Readonly<Record<string, ChannelSample>> = {
  'zamok:auth.status': { input: {} },
  'zamok:auth.beginTotpEnrollment': { input: { login: 'olena' } },
  'zamok:auth.createVault': {
    input: {
      vaultDir: '/tmp/zamok-vault',
      login: 'olena',
      displayName: 'Olena Kovalenko',
      password: 'correct horse battery staple',
      totpCode: '123456',
      deviceBinding: false,
    },
    optionalKeys: ['deviceBinding'],
  },
  'zamok:auth.signIn': {
    input: { login: 'olena', password: 'correct horse battery staple', totpCode: '123456' },
    optionalKeys: ['totpCode'],
  },
  'zamok:auth.completeFirstSignIn': {
    input: { newPassword: 'a new long passphrase', totpCode: '123456' },
    optionalKeys: ['newPassword'],
  },
  'zamok:auth.resetPasswordWithRecoveryKey': {
    input: {
      recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX',
      login: 'olena',
      newPassword: 'a new long passphrase',
    },
  },
  'zamok:auth.lock': { input: {} },
  'zamok:auth.signOut': { input: {} },
  'zamok:auth.changePassword': {
    input: { currentPassword: 'old passphrase', newPassword: 'a new long passphrase' },
  },
  'zamok:vault.revealDataKey': { input: { recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX' } },
  'zamok:users.list': { input: {} },
  'zamok:users.colleagues': { input: {} },
  'zamok:users.create': {
    input: {
      login: 'taras',
      displayName: 'Taras Shevchuk',
      role: 'manager',
      setupPassword: 'amber fields of late summer',
    },
  },
  'zamok:users.changeRole': {
    input: { userId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13', role: 'head' },
  },
  'zamok:users.resetTwoFactor': { input: { userId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' } },
  'zamok:users.dismiss': {
    input: {
      userId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13',
      reassignToUserId: '7d1c2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    },
    optionalKeys: ['reassignToUserId'],
  },
  'zamok:roles.list': { input: {} },
  'zamok:roles.matrix': { input: {} },
  'zamok:roles.create': {
    input: { name: 'Front desk', grants: { 'contacts.read': 'team', 'users.read': true } },
  },
  'zamok:roles.update': {
    input: {
      id: 'custom-0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13',
      name: 'Front desk',
      grants: { 'users.read': true },
    },
    optionalKeys: ['name', 'grants'],
  },
  'zamok:roles.delete': { input: { id: 'custom-0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' } },
  'zamok:settings.office': { input: {} },
  'zamok:settings.updateOffice': {
    input: { officeName: 'Офіс', currency: 'UAH', weekStart: 'monday', autoLockMinutes: 15 },
    optionalKeys: ['officeName', 'currency', 'weekStart', 'autoLockMinutes'],
  },
  'zamok:settings.touch': { input: {} },
  'zamok:teams.list': { input: {} },
  'zamok:teams.create': { input: { name: 'Продажі' } },
  'zamok:teams.rename': { input: { id: 'team-kyiv', name: 'Київ' } },
  'zamok:teams.delete': { input: { id: 'team-kyiv' } },
  'zamok:teams.assign': {
    input: { userId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13', teamId: 'team-kyiv' },
    optionalKeys: ['teamId'],
  },
  'zamok:teams.setHead': {
    input: { id: 'team-kyiv', userId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' },
    optionalKeys: ['userId'],
  },
  'zamok:alerts.list': {
    input: { unreadOnly: true, limit: 20 },
    optionalKeys: ['unreadOnly', 'limit'],
  },
  'zamok:alerts.settings': { input: {} },
  // One numeric key: 12345 is over the threshold cap and null is refused, so every variant is malformed.
  'zamok:alerts.updateSettings': { input: { exportRecords: 500 } },
  'zamok:alerts.acknowledge': { input: { id: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' } },
  'zamok:alerts.approveExport': { input: { requestId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' } },
  'zamok:alerts.denyExport': { input: { requestId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' } },
  'zamok:security.check': { input: {} },
  'zamok:analytics.dashboard': { input: { months: 12 } },
  'zamok:reports.regulation': { input: { lang: 'uk' } },
  'zamok:reports.regulationPdf': { input: { lang: 'en' } },
  'zamok:reports.review': { input: { month: '2026-11' } },
  'zamok:reports.reviewCsv': { input: { month: '2026-11', lang: 'uk' } },
  'zamok:reports.reviewPdf': { input: { month: '2026-11', lang: 'en' } },
  'zamok:devices.list': { input: {} },
  'zamok:devices.approve': { input: { id: 'dev-0123456789abcdef' } },
  'zamok:devices.revoke': { input: { id: 'dev-0123456789abcdef' } },
  'zamok:devices.rename': { input: { id: 'dev-0123456789abcdef', label: 'Reception PC' } },
  // One boolean key: every variant (number, null, array, object, long string, missing) is malformed.
  'zamok:devices.updateSettings': { input: { requireApprovedDevices: true } },
  ...recordSamples,
  'zamok:search.query': { input: { text: 'Іва', limit: 8 }, optionalKeys: ['limit'] },
  'zamok:erasure.erase': { input: { contactId: 'c-1' } },
  'zamok:erasure.eraseCompany': { input: { companyId: 'co-1' } },
  'zamok:erasure.retentionRules': { input: {} },
  'zamok:erasure.setRetentionRule': {
    input: { recordType: 'contact', inactiveMonths: 36 },
    optionalKeys: ['inactiveMonths'],
  },
  'zamok:erasure.retentionCandidates': { input: {} },
  'zamok:erasure.retentionApprove': { input: { ids: ['c-1'] } },
  'zamok:imports.preview': {
    input: { path: '/tmp/клієнти.csv', type: 'contacts', delimiter: ';' },
    optionalKeys: ['delimiter'],
  },
  'zamok:records.duplicates': {
    input: {
      type: 'companies',
      phones: ['067 123 45 67'],
      emails: ['a@example.com'],
      edrpou: '00032129',
      rnokpp: '3184710691',
      excludeId: 'co-1',
    },
    optionalKeys: ['phones', 'emails', 'edrpou', 'rnokpp', 'excludeId'],
  },
  'zamok:records.export': {
    input: {
      type: 'contacts',
      format: 'xlsx',
      csvStyle: 'plain',
      locale: 'en',
      purposeId: '019a0c6e-7b1f-7c3d-9e2a-5f4b3c2d1e0f',
      ids: ['c-1'],
    },
    optionalKeys: ['csvStyle', 'locale', 'purposeId', 'ids'],
  },
  'zamok:imports.startUpload': { input: { type: 'companies', file: { size: 2048 } } },
  'zamok:imports.progress': { input: { upload: 'U'.repeat(43) } },
  'zamok:imports.cancel': { input: { upload: 'U'.repeat(43) } },
  'zamok:imports.undo': {
    input: { batchId: '019a0c6e-7b1f-7c3d-9e2a-5f4b3c2d1e0f', type: 'contacts' },
  },
  ...officeSamples,
  'zamok:imports.run': {
    input: {
      path: '/tmp/клієнти.csv',
      type: 'contacts',
      delimiter: ';',
      mapping: { columns: ['fullName', 'phones', null], nameOrder: 'surname-first' },
      mappingName: 'Офіс',
      saveMappingAs: 'Офіс',
      dryRun: true,
      ownerId: 'u-2',
      errorReport: 'uk',
      edits: [{ row: 2, cells: ['Шевченко Тарас', '0671234567', ''] }],
      fixable: true,
    },
    optionalKeys: [
      'delimiter',
      'mapping',
      'mappingName',
      'saveMappingAs',
      'dryRun',
      'ownerId',
      'errorReport',
      'edits',
      'fixable',
    ],
  },
  'zamok:contacts.export': {
    input: { format: 'csv', ids: ['c-1'], locale: 'uk' },
    optionalKeys: ['ids', 'locale'],
  },
  'zamok:contacts.exportStatus': { input: { requestId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' } },
  'zamok:contacts.exportRequest': { input: { requestId: '0b5e7f1c-3a52-4d8e-9f10-2c4b6d8e0a13' } },
  'zamok:backup.getSettings': { input: {} },
  'zamok:backup.updateSettings': {
    input: {
      settings: {
        destinations: [{ id: 'usb', path: '/media/usb/zamok' }],
        schedule: { kind: 'daily', time: '13:00', weekday: 1 },
        retention: { daily: 7, weekly: 4, monthly: 12 },
        encryption: 'passphrase',
      },
      passphrase: 'seven pale horses drink',
    },
    optionalKeys: ['passphrase'],
  },
  'zamok:backup.status': { input: {} },
  'zamok:backup.progress': { input: {} },
  'zamok:backup.runNow': { input: { destinationId: 'usb' }, optionalKeys: ['destinationId'] },
  'zamok:backup.list': { input: { destinationId: 'usb' } },
  'zamok:backup.verify': {
    input: { file: '/media/usb/zamok/x.zamokbackup', passphrase: 'seven pale horses drink' },
    optionalKeys: ['passphrase'],
  },
  'zamok:backup.preview': {
    input: { file: '/media/usb/zamok/x.zamokbackup', passphrase: 'seven pale horses drink' },
  },
  'zamok:backup.restore': {
    input: { file: '/media/usb/zamok/x.zamokbackup', passphrase: 'seven pale horses drink' },
  },
  'zamok:backup.restoreFirstRun': {
    input: {
      file: '/media/usb/zamok/x.zamokbackup',
      passphrase: 'seven pale horses drink',
      vaultDir: '/home/olena/zamok',
    },
    optionalKeys: ['vaultDir'],
  },
  'zamok:audit.list': {
    input: {
      userId: 'u-owner',
      action: 'auth.sign_in',
      entityType: 'contact',
      entityId: 'c-1',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      limit: 50,
    },
    // beforeSeq is left out: any number is a valid seq, so "beforeSeq as number" cannot be refused.
    optionalKeys: ['userId', 'action', 'entityType', 'entityId', 'from', 'to'],
  },
  'zamok:audit.entityHistory': {
    input: { entityType: 'contact', entityId: 'c-1', field: 'phones', limit: 50 },
    optionalKeys: ['field'],
  },
  'zamok:audit.actions': { input: {} },
  'zamok:audit.names': { input: { refs: [{ entityType: 'contact', entityId: 'c-1' }] } },
  'zamok:audit.verify': { input: {} },
  'zamok:audit.office': { input: { limit: 10 } },
  'zamok:audit.export': {
    input: {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      format: 'csv',
      delimiter: ';',
    },
    optionalKeys: ['delimiter'],
  },
  ...privacySamples,
};

/** A malformed input and what it exercises. `input: undefined` means "no input at all". */
export interface MalformedPayload {
  label: string;
  input: unknown;
}

const HUGE = 'x'.repeat(100_000);

/**
 * Malformed variants of a valid sample: not an object at all, each field with a wrong type, missing
 * or 100k characters long, an extra key, prototype-pollution keys at the top and nested, a body over
 * the size cap, and absurd nesting. Every one of them must be refused before any handler runs.
 */
export function malformedPayloads(sample: ChannelSample): MalformedPayload[] {
  const base = sample.input;
  const out: MalformedPayload[] = [
    { label: 'no input', input: undefined },
    { label: 'null', input: null },
    { label: 'number', input: 42 },
    { label: 'string', input: 'hello' },
    { label: 'boolean', input: true },
    { label: 'empty array', input: [] },
    { label: 'array of sample', input: [base] },
    { label: 'extra key', input: { ...base, extra: 1 } },
    { label: '__proto__ key', input: JSON.parse('{"__proto__":{"polluted":1}}') },
    {
      label: '__proto__ key next to valid fields',
      input: JSON.parse(
        `{${JSON.stringify(base).slice(1, -1)}${Object.keys(base).length ? ',' : ''}"__proto__":{"polluted":1}}`,
      ),
    },
    {
      label: 'nested __proto__',
      input: { ...base, nested: JSON.parse('{"a":{"__proto__":{"polluted":1}}}') },
    },
    {
      label: 'constructor.prototype',
      input: { ...base, constructor: { prototype: { polluted: 1 } } },
    },
    { label: 'body over 1 MB', input: { ...base, extra: 'y'.repeat(1_100_000) } },
    { label: 'nested 200 deep', input: { ...base, extra: deepNest(200) } },
  ];
  for (const key of Object.keys(base)) {
    for (const [label, value] of [
      ['number', 12345],
      ['null', null],
      ['array', []],
      ['object', {}],
      ['100k string', HUGE],
    ] as const) {
      out.push({ label: `${key} as ${label}`, input: { ...base, [key]: value } });
    }
    if (!sample.optionalKeys?.includes(key)) {
      const { [key]: _dropped, ...rest } = base;
      out.push({ label: `${key} missing`, input: rest });
    }
  }
  return out;
}

function deepNest(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}
