/**
 * Test support for the contacts screens (jsdom): sample contacts. The fake bridge is the one
 * `scriptedApi` (src-renderer/test-support/scripted-api.ts). Never imported by the app.
 */
import type { Contact, ContactSummary } from '../../../src-shared/contacts';
import { contactTextOf } from '../../../src-shared/contacts';
import { recordStamps } from '../../components/records/records-test-support';

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
