// @vitest-environment jsdom
/**
 * The office settings in the renderer: the owner saves them through `settings.updateOffice`, the
 * header shows the office's name at once, the idle lock takes the new minutes, a new deal starts in
 * the office's currency, and a record page prints with «Друкувати».
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_OFFICE_SETTINGS, type OfficeSettings } from '../../../src-shared/settings/office';
import { ok, OWNER, statusOf } from '../../app/test-support';
import { PrintButton, PrintHeader } from '../../components/records/PrintRecord';
import { ShellHeader } from '../../shell/ShellHeader';
import { useSessionStore } from '../../stores/session';
import { setUpRecordScreenTests } from '../../components/records/records-test-support';
import { renderWithApi } from '../../test-support/render';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { DealForm } from '../deals/DealForm';
import { PIPELINE } from '../deals/deals-test-support';
import { OfficeSettingsPanel } from './OfficeSettingsPanel';

setUpRecordScreenTests(OWNER);

function signedIn(office: OfficeSettings = DEFAULT_OFFICE_SETTINGS) {
  useSessionStore.setState({ status: statusOf('signed_in', { office }) });
}

describe('office settings', () => {
  it('the owner saves a name and an auto-lock; the header and the idle lock follow', async () => {
    signedIn();
    const saved: OfficeSettings = {
      ...DEFAULT_OFFICE_SETTINGS,
      officeName: 'ТОВ «Ромашка»',
      autoLockMinutes: 5,
    };
    const { api, calls } = scriptedApi({ settings: { updateOffice: async () => ok(saved) } });
    renderWithApi(
      <>
        <ShellHeader user={OWNER} onLock={() => undefined} onSignOut={() => undefined} />
        <OfficeSettingsPanel />
      </>,
      api,
      'uk',
    );
    expect(screen.queryByTestId('office-name')).toBeNull();
    fireEvent.change(screen.getByLabelText('Назва офісу'), {
      target: { value: 'ТОВ «Ромашка»' },
    });
    fireEvent.click(screen.getByRole('option', { name: '5 хв', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(await screen.findByText('Налаштування збережено')).toBeTruthy();
    expect(inputsOf(calls, 'settings.updateOffice')).toEqual([
      { officeName: 'ТОВ «Ромашка»', currency: 'UAH', weekStart: 'monday', autoLockMinutes: 5 },
    ]);
    expect(screen.getByTestId('office-name').textContent).toBe('ТОВ «Ромашка»');
    expect(useSessionStore.getState().status?.autoLockMinutes).toBe(5);
  });

  it('a name over 80 characters is named and not sent', async () => {
    signedIn();
    const { api, calls } = scriptedApi({});
    renderWithApi(<OfficeSettingsPanel />, api, 'uk');
    fireEvent.change(screen.getByLabelText('Назва офісу'), { target: { value: 'Я'.repeat(81) } });
    expect(screen.getByText('Не більше ніж 80 символів')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Зберегти' }));
    expect(inputsOf(calls, 'settings.updateOffice')).toEqual([]);
  });

  it('a new deal starts in the office currency', async () => {
    signedIn({ ...DEFAULT_OFFICE_SETTINGS, currency: 'EUR' });
    const { api } = scriptedApi({});
    renderWithApi(
      <DealForm
        deal={null}
        pipeline={PIPELINE}
        canLinkCompanies={false}
        onDone={() => undefined}
        onCancel={() => undefined}
      />,
      api,
    );
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Currency' }) as HTMLInputElement).value).toBe(
        'EUR',
      ),
    );
  });

  it('«Друкувати» opens the print dialog under a line with the office name', async () => {
    signedIn({ ...DEFAULT_OFFICE_SETTINGS, officeName: 'ТОВ «Ромашка»' });
    const print = vi.fn();
    window.print = print;
    renderWithApi(
      <>
        <PrintHeader />
        <PrintButton />
      </>,
      scriptedApi().api,
      'uk',
    );
    expect(screen.getByTestId('print-header').textContent).toContain('ТОВ «Ромашка»');
    expect(screen.getByTestId('print-header').textContent).toContain('Надруковано');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Друкувати' })));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
