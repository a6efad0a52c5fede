// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../src-shared/ipc/audit';
import { ok, OWNER } from '../../app/test-support';
import { useContactsStore } from '../contacts/store';
import { useNavigationStore } from '../../stores/navigation';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { staff } from './admin-test-support';
import { AuditScreen } from './AuditScreen';

setUpScreenTests();

const OLENA = 'c-olena-0001';
const GONE = 'c-deleted-0002';
const DEAL = 'd-deal-0003';

function entry(seq: number, extra: Partial<AuditEntryView>): AuditEntryView {
  return {
    seq,
    at: new Date(Date.UTC(2026, 10, 28, 9, 0, seq)).toISOString(),
    userLogin: 'taras',
    deviceId: 'dev-1',
    action: 'contacts.update',
    entityType: null,
    entityId: null,
    outcome: 'ok',
    changes: null,
    details: null,
    ...extra,
  };
}

describe('the audit log names records and people', () => {
  it('a record the reader may open is a link by name; a deleted one stays an id; pipelines by name', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = scriptedApi({
      audit: {
        list: async () =>
          ok({
            entries: [
              entry(3, { entityType: 'contact', entityId: OLENA }),
              entry(2, { action: 'contacts.delete', entityType: 'contact', entityId: GONE }),
              entry(1, {
                action: 'deals.update',
                entityType: 'deal',
                entityId: DEAL,
                changes: {
                  pipelineId: { before: 'pipeline-default', after: 'p-wholesale' },
                  amountMinor: { before: 100000, after: 1250050 },
                  currency: { before: 'UAH', after: 'UAH' },
                },
              }),
            ],
            nextBeforeSeq: null,
          }),
        actions: async () => ok({ actions: [] }),
        names: async () =>
          ok({
            names: [
              { entityType: 'contact', entityId: OLENA, name: 'Олена Шевчук', openable: true },
              { entityType: 'deal', entityId: DEAL, name: 'Поставка', openable: true },
              {
                entityType: 'pipeline',
                entityId: 'pipeline-default',
                name: 'Продажі',
                openable: false,
              },
              { entityType: 'pipeline', entityId: 'p-wholesale', name: 'Опт', openable: false },
            ],
          }),
      },
      users: { list: async () => ok([staff('u-taras', 'taras', 'Тарас Мельник', 'manager')]) },
    });
    renderWithApi(<AuditScreen />, api, 'uk');
    const table = await screen.findByRole('table', { name: 'Записи журналу' });
    const link = await within(table).findByRole('button', { name: 'Олена Шевчук' });
    expect(link.closest('td')?.textContent).toBe('Контакт: Олена Шевчук');
    // The deleted contact: its type and a short id, never a name.
    expect(within(table).getByTitle(GONE).textContent).toBe('c-delete');
    // People by name, their login on hover.
    expect(within(table).getAllByText('Тарас Мельник')).toHaveLength(3);
    expect(inputsOf(calls, 'audit.names')).toEqual([
      {
        refs: [
          { entityType: 'contact', entityId: OLENA },
          { entityType: 'contact', entityId: GONE },
          { entityType: 'deal', entityId: DEAL },
          { entityType: 'pipeline', entityId: 'pipeline-default' },
          { entityType: 'pipeline', entityId: 'p-wholesale' },
        ],
      },
    ]);

    fireEvent.click(within(table).getByRole('button', { name: 'Подробиці запису №1' }));
    const details = await screen.findByText(/Продажі/);
    expect(details.closest('li')?.textContent).toBe('Воронка: Продажі → Опт');
    expect(screen.getByText(/12\s500,50\s₴/).closest('li')?.textContent).toMatch(
      /^Сума: 1\s000\s₴ → 12\s500,50\s₴$/,
    );

    fireEvent.click(link);
    expect(useNavigationStore.getState().section).toBe('contacts');
    expect(useContactsStore.getState().view).toEqual({ kind: 'detail', id: OLENA });
  });
});
