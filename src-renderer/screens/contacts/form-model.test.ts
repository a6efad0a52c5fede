import { describe, expect, it } from 'vitest';
import { contactFormModel, emptyValues, valuesFromContact } from './form-model';
import { contact } from './contacts-test-support';

const { check: checkForm, changedFields, serverFieldErrors } = contactFormModel;

describe('contact form checks', () => {
  it('names the wrong phone by its row in the form, skipping blank rows', () => {
    const values = {
      ...emptyValues(),
      surname: 'Шевченко',
      givenName: 'Тарас',
      phones: [
        { number: '', label: '' },
        { number: '067 123 45 67', label: '' },
        { number: '12345', label: 'робочий' },
      ],
    };
    const check = checkForm(values);
    expect(check).toEqual({ ok: false, errors: { 'phones.2.number': 'contact.phone_invalid' } });
  });

  it('a blank form asks for a name, a phone or a company, on the surname field', () => {
    const check = checkForm(emptyValues());
    expect(check.ok ? {} : check.errors).toEqual({ surname: 'contact.identity_required' });
  });

  it('a given name alone is enough (a lead from a call)', () => {
    expect(checkForm({ ...emptyValues(), givenName: 'Олена' }).ok).toBe(true);
  });

  it('normalises a valid form the way the main process will (E.164, @handle)', () => {
    const check = checkForm({
      ...emptyValues(),
      surname: ' Шевченко ',
      givenName: 'Тарас',
      phones: [{ number: '8 067 123 45 67', label: '' }],
      telegram: 't.me/taras_sh',
    });
    expect(check.ok && check.input.phones).toEqual([{ e164: '+380671234567' }]);
    expect(check.ok && check.input.messengers).toEqual({ telegram: '@taras_sh' });
    expect(check.ok && check.input.surname).toBe('Шевченко');
  });

  it('maps the router’s field codes (past the call wrapper) to the form rows', () => {
    const values = {
      ...emptyValues(),
      emails: ['', 'bad@', ''],
    };
    const errors = serverFieldErrors(
      {
        code: 'invalid_input',
        message: 'Invalid input',
        details: {
          fields: ['contact.emails.0', 'contact.messengers.viber'],
          codes: [
            { field: 'contact.emails.0', code: 'contact.email_invalid' },
            { field: 'contact.messengers.viber', code: 'contact.viber_invalid' },
            { field: 'contact.surname', code: 'not.a_contact_code' },
          ],
        },
      },
      values,
    );
    expect(errors).toEqual({
      'emails.1': 'contact.email_invalid',
      'messengers.viber': 'contact.viber_invalid',
    });
  });

  it('an edit sends only what really changed (a reformatted phone is no change)', () => {
    const stored = contact();
    const values = valuesFromContact(stored);
    expect(values.phones[0]?.number).toBe('067 123 4567');
    const before = checkForm(values);
    const after = checkForm({
      ...values,
      phones: [{ number: '+380671234567', label: 'мобільний' }],
      notes: 'Дзвонити зранку',
    });
    if (!before.ok || !after.ok) throw new Error('valid forms expected');
    expect(changedFields(before.input, after.input, after.raw)).toEqual({
      notes: 'Дзвонити зранку',
    });
    const cleared = checkForm({ ...values, companyName: '' });
    if (!cleared.ok) throw new Error('valid form expected');
    expect(changedFields(before.input, cleared.input, cleared.raw)).toEqual({ companyName: '' });
  });
});
