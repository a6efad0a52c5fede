/**
 * Test support for the contacts screens (jsdom): a fake bridge built from the real contract whose
 * scripted calls answer and record their inputs, and sample contacts. Never imported by the app.
 */
import type { Contact, ContactSummary } from '../../../src-shared/contacts';
import { contactTextOf } from '../../../src-shared/contacts';
import { contract, type ZamokApi } from '../../../src-shared/ipc';
import { buildBridge, type Result } from '../../../src-shared/ipc/contract';
import { recordStamps } from '../../components/records/records-test-support';

type Scripted = { [F in keyof ZamokApi]?: Partial<ZamokApi[F]> };

/** One recorded call: `feature.call` and the input the screen sent. */
export interface RecordedCall {
  name: string;
  input: unknown;
}

/** A bridge whose scripted calls answer; every other call fails with `unknown_channel`. */
export function fakeContactsApi(scripted: Scripted): { api: ZamokApi; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const api = buildBridge(contract, async (channel, input) => {
    const [feature = '', call = ''] = channel.replace(/^zamok:/, '').split('.');
    const handlers = scripted[feature as keyof Scripted] as
      Record<string, (input: unknown) => Promise<Result<unknown>>> | undefined;
    const handler = handlers?.[call];
    calls.push({ name: `${feature}.${call}`, input });
    if (!handler) return { ok: false, error: { code: 'unknown_channel', message: channel } };
    return handler(input);
  });
  return { api, calls };
}

/** The inputs of every call named `name`. */
export function inputsOf(calls: readonly RecordedCall[], name: string): unknown[] {
  return calls.filter(c => c.name === name).map(c => c.input);
}

/** A list row: `summary(7)` is "Прізвище7 Ім'я7". */
export function summary(n: number, extra: Partial<ContactSummary> = {}): ContactSummary {
  return {
    id: `c-${n}`,
    ownerId: 'u-1',
    ownerName: 'Олена Коваленко',
    surname: `Шевченко${n}`,
    givenName: 'Тарас',
    patronymic: 'Григорович',
    companyName: n % 2 ? 'ТОВ «Кобзар»' : null,
    phone: '+380671234567',
    email: null,
    tags: ['VIP'],
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    deletedAt: null,
    ...extra,
  };
}

/** A whole contact for the detail and edit screens. */
export function contact(extra: Partial<Contact> = {}): Contact {
  return {
    id: 'c-1',
    ownerId: 'u-1',
    ownerName: 'Олена Коваленко',
    sharedWith: [],
    surname: 'Шевченко',
    givenName: 'Тарас',
    patronymic: 'Григорович',
    ...contactTextOf({ companyName: 'ТОВ «Кобзар»' }),
    companyId: null,
    company: null,
    phones: [{ e164: '+380671234567', label: 'мобільний' }],
    emails: ['taras@example.com'],
    messengers: { telegram: '@taras_sh' },
    tags: ['VIP'],
    ...recordStamps(),
    ...extra,
  };
}
