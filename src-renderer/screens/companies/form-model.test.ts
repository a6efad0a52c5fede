import { describe, expect, it } from 'vitest';
import type { Company } from '../../../src-shared/companies';
import {
  changedFields,
  checkForm,
  emptyValues,
  serverFieldErrors,
  valuesFromCompany,
} from './form-model';

const STORED: Company = {
  id: 'co-1',
  ownerId: 'u-1',
  ownerName: 'Олена Коваленко',
  name: 'ТОВ «Пекарня Світанок»',
  edrpou: '32855961',
  rnokpp: null,
  legalAddress: 'м. Київ, вул. Хрещатик, 1',
  actualAddress: null,
  phones: [{ e164: '+380441234567', label: 'приймальня' }],
  website: 'https://svitanok.com.ua',
  notes: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'u-1',
  updatedAt: '2026-11-02T10:00:00.000Z',
  updatedBy: 'u-1',
  deletedAt: null,
  deletedBy: null,
};

describe('company form checks', () => {
  it('a blank form asks only for the name', () => {
    const check = checkForm(emptyValues());
    expect(check.ok ? {} : check.errors).toEqual({ name: 'company.name_required' });
  });

  it('says which code is wrong and why, while the user types', () => {
    const check = checkForm({
      ...emptyValues(),
      name: 'Будмайстер',
      edrpou: '3285 5968',
      rnokpp: '12345',
      website: 'not a site',
    });
    expect(check.ok ? {} : check.errors).toEqual({
      edrpou: 'company.edrpou_checksum',
      rnokpp: 'company.rnokpp_format',
      website: 'company.website_invalid',
    });
  });

  it('names a wrong phone by its row in the form, skipping blank rows', () => {
    const check = checkForm({
      ...emptyValues(),
      name: 'Будмайстер',
      phones: [
        { number: '', label: '' },
        { number: '12', label: '' },
      ],
    });
    expect(check.ok ? {} : check.errors).toEqual({ 'phones.1.number': 'company.phone_invalid' });
    const server = serverFieldErrors(
      {
        code: 'invalid_input',
        message: 'x',
        details: { codes: [{ field: 'company.phones.0.number', code: 'company.phone_invalid' }] },
      },
      {
        ...emptyValues(),
        phones: [
          { number: '', label: '' },
          { number: '12', label: '' },
        ],
      },
    );
    expect(server).toEqual({ 'phones.1.number': 'company.phone_invalid' });
  });

  it('an edit sends only what really changed (the phone as shown is not a change)', () => {
    const values = valuesFromCompany(STORED);
    const before = checkForm(values);
    const after = checkForm({ ...values, website: 'svitanok.ua', edrpou: '3285 5961' });
    if (!before.ok || !after.ok) throw new Error('both forms are valid');
    expect(changedFields(before.input, after.input, after.raw)).toEqual({ website: 'svitanok.ua' });
  });
});
