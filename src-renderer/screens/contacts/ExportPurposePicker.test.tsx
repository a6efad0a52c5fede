// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { ExportPreview } from '../../../src-shared/privacy';
import { Providers } from '../../app/Providers';
import { installDomShims, ok, OWNER } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { ExportButton } from './ExportButton';
import { useContactsStore } from './store';

const NEWSLETTER = '0190a000-0000-7000-8000-00000000a001';
const FILE = {
  fileName: 'zamok-contacts.csv',
  encoding: 'utf8' as const,
  mimeType: 'text/csv;charset=utf-8',
  content: '\uFEFFSurname\r\nКоваль\r\n',
  count: 1,
};

beforeAll(() => {
  installDomShims();
  Object.assign(URL, {
    createObjectURL: () => 'blob:zamok-test',
    revokeObjectURL: () => undefined,
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
beforeEach(() => useSessionStore.setState({ user: OWNER }));
afterEach(() => {
  cleanup();
  resetAllStores();
});

/** The preview main would answer: one objector, two without consent when the newsletter is chosen. */
async function preview(input: { purposeId?: string }) {
  return ok<ExportPreview>({
    purposes: [{ id: NEWSLETTER, name: 'Розсилка новин', ground: 'consent' }],
    total: 4,
    objected: 1,
    noBasis: input.purposeId ? 2 : 0,
  });
}

function renderButton(api: ZamokApi, language: 'uk' | 'en') {
  render(
    <Providers api={api} i18n={createI18n(language)} env="test">
      <ExportButton />
    </Providers>,
  );
}

describe('the export dialog’s processing purpose', () => {
  it('says how many are left out and why, and exports for the chosen purpose', async () => {
    // The list's filter narrows both the counts and the export: the file is what the list shows.
    useContactsStore.setState({ query: { ...useContactsStore.getState().query, tag: 'VIP' } });
    const { api, calls } = scriptedApi({
      records: { export: async () => ok(FILE) },
      privacy: { exportPreview: preview },
    });
    renderButton(api, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export contacts' });
    expect(
      await within(dialog).findByText('1 contact is left out: objected to processing.'),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/no valid consent/)).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Processing purpose'), {
      target: { value: NEWSLETTER },
    });
    expect(
      await within(dialog).findByText(
        '2 contacts are left out: no valid consent or basis for this purpose.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/Saved 1 record/)).toBeTruthy();
    expect(inputsOf(calls, 'privacy.exportPreview')).toEqual([
      { filter: { tag: 'VIP' } },
      { filter: { tag: 'VIP' }, purposeId: NEWSLETTER },
    ]);
    expect(inputsOf(calls, 'records.export')).toEqual([
      {
        type: 'contacts',
        format: 'csv',
        csvStyle: 'excel',
        locale: 'en',
        purposeId: NEWSLETTER,
        filter: { tag: 'VIP' },
      },
    ]);
  });

  it('reads in Ukrainian, with the Ukrainian plural', async () => {
    const { api } = scriptedApi({ privacy: { exportPreview: preview } });
    renderButton(api, 'uk');
    fireEvent.click(screen.getByRole('button', { name: 'Експорт' }));
    const dialog = await screen.findByRole('dialog', { name: 'Експорт контактів' });
    fireEvent.change(await within(dialog).findByLabelText('Мета обробки'), {
      target: { value: NEWSLETTER },
    });
    expect(
      await within(dialog).findByText(
        'Не ввійдуть 2 контакти: немає чинної згоди чи підстави для цієї мети.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText('Не ввійде 1 контакт: заперечив проти обробки.')).toBeTruthy();
  });
});
