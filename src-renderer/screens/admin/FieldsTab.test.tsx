// @vitest-environment jsdom
/**
 * The «Додаткові поля» tab's list display (migration 0041): a contact field's «Показувати в
 * списку» box sends `fields.update` with `showInList`; deal fields have no such box (the deal list
 * shows its own columns).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../src-shared/custom-fields';
import { ok, OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { FieldsTab } from './FieldsTab';

setUpScreenTests();

const field = (id: string, recordType: CustomField['recordType'], label: string): CustomField => ({
  id,
  recordType,
  label,
  kind: 'text',
  options: [],
  position: 1,
  archived: false,
  showInList: false,
});

describe('custom fields shown in lists', () => {
  it('the box marks a contact field shown in the list; deal fields have none', async () => {
    useSessionStore.setState({ user: OWNER });
    const budget = field('field-budget', 'contact', 'Бюджет');
    const { api, calls } = scriptedApi({
      fields: {
        list: async () => ok([budget, field('field-margin', 'deal', 'Маржа')]),
        update: async () => ok({ ...budget, showInList: true }),
      },
    });
    renderWithApi(<FieldsTab />, api, 'uk');
    const box = await screen.findByRole('checkbox', {
      name: 'Показувати поле «Бюджет» у списку',
    });
    expect((box as HTMLInputElement).checked).toBe(false);
    await act(async () => fireEvent.click(box));
    expect(inputsOf(calls, 'fields.update')).toEqual([{ id: 'field-budget', showInList: true }]);

    fireEvent.click(screen.getByRole('radio', { name: 'Угоди' }));
    expect(await screen.findByText('Маржа')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
