import { describe, expect, it } from 'vitest';
import { company } from './companies-test-support';
import { companyFormModel, emptyValues, valuesFromCompany } from './form-model';

const STORED = company({
  legalAddress: 'м. Київ, вул. Хрещатик, 1',
  phones: [{ e164: '+380441234567', label: 'приймальня' }],
  website: 'https://svitanok.com.ua',
});

const { check: checkForm, changedFields, serverFieldErrors } = companyFormModel;

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
