import { describe, expect, it } from 'vitest';
import { DEAL } from './deals-test-support';
import { dealFormModel, valuesFromDeal } from './form-model';

const model = dealFormModel('s-new');

describe('deal form checks', () => {
  it('a blank form asks only for the title and starts in the given stage', () => {
    const blank = model.empty();
    expect(blank.stageId).toBe('s-new');
    const check = model.check(blank);
    expect(check.ok ? {} : check.errors).toEqual({ title: 'deal.title_required' });
  });

  it('reads the amount the Ukrainian way and sends the new deal with its stage', () => {
    const check = model.check({ ...model.empty(), title: 'Поставка', amount: '12 500,50' });
    expect(check.ok && check.raw).toMatchObject({
      title: 'Поставка',
      amountMinor: 1250050,
      currency: 'UAH',
      stageId: 's-new',
    });
    expect(check.ok && 'probability' in check.raw).toBe(false);
  });

  it('explains an amount it cannot read, and one too large, with the money parser’s codes', () => {
    const bad = model.check({ ...model.empty(), title: 'x', amount: '12 500,505' });
    expect(bad.ok ? {} : bad.errors).toEqual({ amountMinor: 'deal.amount_format' });
    const huge = model.check({ ...model.empty(), title: 'x', amount: '9'.repeat(16) });
    expect(huge.ok ? {} : huge.errors).toEqual({ amountMinor: 'deal.amount_too_large' });
  });
});

describe('editing a deal', () => {
  const before = model.check(valuesFromDeal(DEAL));

  it('never sends the stage (a stage changes only by a move)', () => {
    expect(valuesFromDeal(DEAL).stageId).toBeNull();
    expect(before.ok && 'stageId' in before.raw).toBe(false);
  });

  it('sends only the fields whose value changed', () => {
    const after = model.check({ ...valuesFromDeal(DEAL), amount: '13 000', notes: '  ' });
    if (!before.ok || !after.ok) throw new Error('both forms are valid');
    expect(model.changedFields(before.input, after.input, after.raw)).toEqual({
      amountMinor: 1300000,
    });
  });

  it('sends nothing for a cleared probability (the patch has no such field), as before', () => {
    const after = model.check({ ...valuesFromDeal(DEAL), probability: '' });
    if (!before.ok || !after.ok) throw new Error('both forms are valid');
    expect(model.changedFields(before.input, after.input, after.raw)).toEqual({});
  });

  it('puts the server’s field codes on the form’s fields', () => {
    const errors = model.serverFieldErrors(
      {
        code: 'invalid_input',
        message: 'x',
        details: { codes: [{ field: 'patch.title', code: 'deal.title_required' }] },
      },
      valuesFromDeal(DEAL),
    );
    expect(errors).toEqual({ title: 'deal.title_required' });
  });
});
