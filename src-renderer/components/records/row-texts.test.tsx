// @vitest-environment jsdom
/**
 * A list row's texts are worked out once per record (row-texts.ts, issue 19 point 5): the contact
 * list formats a row's phone and custom-field values when the record first shows, and a row that
 * renders again (a new highlight; a row scrolled back into view) reuses them — no libphonenumber
 * parse, no new Intl formatter. A changed record (a new object in the store) is formatted anew.
 */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomField } from '../../../src-shared/custom-fields';
import { OWNER, statusOf } from '../../app/test-support';
import { ContactsScreen } from '../../screens/contacts/ContactsScreen';
import { summary } from '../../screens/contacts/contacts-test-support';
import type * as Format from '../../screens/contacts/format';
import { contactsList } from '../../screens/contacts/store';
import { ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApp, setUpRecordScreenTests } from './records-test-support';
import { memoByItem, rowDetail } from './row-texts';

const phones = vi.hoisted(() => ({ formatted: 0 }));
vi.mock('../../screens/contacts/format', async importOriginal => {
  const real = await importOriginal<typeof Format>();
  return {
    ...real,
    formatPhone: (e164: string) => {
      phones.formatted++;
      return real.formatPhone(e164);
    },
  };
});

setUpRecordScreenTests(OWNER);
afterEach(cleanup);

const BUDGET: CustomField = {
  id: 'field-budget',
  recordType: 'contact',
  label: 'Бюджет',
  kind: 'number',
  options: [],
  position: 1,
  archived: false,
  showInList: true,
};

/** Counts `new Intl.NumberFormat(…)` while `run` goes. */
async function numberFormatsMade(run: () => Promise<void> | void): Promise<number> {
  const Real = Intl.NumberFormat;
  let made = 0;
  const counting = function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
    made++;
    return new Real(...args);
  } as unknown as typeof Intl.NumberFormat;
  Object.assign(counting, Real);
  Intl.NumberFormat = counting;
  try {
    await run();
  } finally {
    Intl.NumberFormat = Real;
  }
  return made;
}

describe('list row texts', () => {
  it('a row rendered again reuses its texts: no phone parsed, no number formatter made', async () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      summary(i + 1, { custom: { 'field-budget': 1_200_000 + i } }),
    );
    const { api } = scriptedApi({
      auth: { status: async () => ok(statusOf('signed_in')) },
      contacts: { list: async () => ok({ items, nextCursor: null }) },
      fields: { list: async () => ok([BUDGET]) },
      users: { list: async () => ok([]) },
      companies: { list: async () => ok({ items: [], nextCursor: null }) },
    });
    renderWithApp(api, <ContactsScreen />, 'uk');
    const first = await screen.findByText(/Бюджет: 1\s200\s000/u);
    expect(first.textContent).toMatch(/^ТОВ «Кобзар» · 067 123 4567 · Бюджет: 1\s200\s000$/u);

    phones.formatted = 0;
    const made = await numberFormatsMade(() => {
      act(() => contactsList.useStore.getState().select(3));
    });
    expect(screen.getAllByRole('option')[3]?.getAttribute('aria-selected')).toBe('true');
    expect(phones.formatted).toBe(0);
    expect(made).toBe(0);

    // A changed record is a new object: its row is formatted again, with the new value.
    act(() =>
      contactsList.useStore.setState(state => ({
        items: state.items.map(item =>
          item.id === 'c-2' ? { ...item, custom: { 'field-budget': 7 } } : item,
        ),
      })),
    );
    expect(document.getElementById('contact-row-c-2')?.textContent).toContain('Бюджет: 7');
    expect(phones.formatted).toBe(1);
  });

  it('memoByItem computes once per object; rowDetail joins what is present', () => {
    const compute = vi.fn((item: { n: number }) => item.n * 2);
    const texts = memoByItem(compute);
    const a = { n: 1 };
    expect([texts(a), texts(a), texts({ n: 1 })]).toEqual([2, 2, 2]);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(rowDetail(['a', null, '', undefined, 'b'], '—')).toBe('a · b');
    expect(rowDetail([null], '—')).toBe('—');
  });
});
