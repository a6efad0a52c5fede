// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fail, ok, OWNER } from '../../app/test-support';
import {
  renderWithApp,
  setUpRecordScreenTests,
} from '../../components/records/records-test-support';
import { inputsOf, scriptedApi, type Script } from '../../test-support/scripted-api';
import type { Deal } from '../../../src-shared/deals';
import type { Result } from '../../../src-shared/ipc/contract';
import { DEAL, PIPELINE } from './deals-test-support';
import { DealForm } from './DealForm';

setUpRecordScreenTests(OWNER);

/** Shows the form for `deal` (null = new) with `script`; returns the calls and the callbacks. */
function showForm(deal: Deal | null, script: Script) {
  const { api, calls } = scriptedApi(script);
  const onDone = vi.fn();
  const onCancel = vi.fn();
  renderWithApp(
    api,
    <DealForm
      deal={deal}
      pipeline={PIPELINE}
      canLinkCompanies
      onDone={onDone}
      onCancel={onCancel}
    />,
  );
  return { calls, onDone, onCancel };
}

const amount = () => screen.getByLabelText('Amount', { exact: false });

describe('a new deal', () => {
  it('explains a wrong amount once the field is left, and sends the money read the Ukrainian way', async () => {
    const { calls, onDone } = showForm(null, {
      deals: { create: async () => ok({ ...DEAL, id: 'deal-9' }) },
    });
    expect(screen.getByRole('heading', { name: 'New deal', level: 1 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Deal title', { exact: false }), {
      target: { value: 'Поставка борошна' },
    });
    fireEvent.change(amount(), { target: { value: '12 500,505' } });
    expect(screen.queryByText(/This amount is not valid/)).toBeNull();
    fireEvent.blur(amount());
    expect(await screen.findByText(/This amount is not valid/)).toBeTruthy();
    fireEvent.change(amount(), { target: { value: '12 500,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('deal-9'));
    expect(inputsOf(calls, 'deals.create')).toEqual([
      {
        deal: {
          title: 'Поставка борошна',
          amountMinor: 1250050,
          currency: 'UAH',
          notes: '',
          stageId: 's-new',
        },
      },
    ]);
  });

  it('sends nothing without a title, and Escape cancels', async () => {
    const { calls, onCancel } = showForm(null, {});
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter the deal title.')).toBeTruthy();
    expect(inputsOf(calls, 'deals.create')).toEqual([]);
    fireEvent.keyDown(amount(), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('editing a deal', () => {
  it('shows the deal’s title and sends only the changed amount with the version it edited', async () => {
    const { calls, onDone } = showForm(DEAL, { deals: { update: async () => ok(DEAL) } });
    expect(screen.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeTruthy();
    expect((amount() as HTMLInputElement).value).toBe('12500,50');
    fireEvent.change(amount(), { target: { value: '13 000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('deal-1'));
    expect(inputsOf(calls, 'deals.update')).toEqual([
      { id: 'deal-1', patch: { amountMinor: 1300000 }, expectedUpdatedAt: DEAL.updatedAt },
    ]);
  });

  it('offers the fresh version after a conflict, and saves against it', async () => {
    const fresh = { ...DEAL, title: 'Поставка цукру', updatedAt: '2026-11-03T10:00:00.000Z' };
    let answer: Result<Deal> = fail('conflict');
    const { calls, onDone } = showForm(DEAL, {
      deals: { update: async () => answer, get: async () => ok(fresh) },
    });
    fireEvent.change(amount(), { target: { value: '13 000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Load the fresh version' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Поставка цукру', level: 1 })).toBeTruthy(),
    );
    answer = ok(fresh);
    fireEvent.change(amount(), { target: { value: '14 000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('deal-1'));
    expect(inputsOf(calls, 'deals.update').at(-1)).toEqual({
      id: 'deal-1',
      patch: { amountMinor: 1400000 },
      expectedUpdatedAt: fresh.updatedAt,
    });
  });
});
