// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import { Providers } from '../../app/Providers';
import { installDomShims, ok, OWNER } from '../../app/test-support';
import { RecordExportButton } from '../../components/records/RecordExportButton';
import { createI18n } from '../../i18n';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { ExportButton } from './ExportButton';

const downloads: { name: string; href: string }[] = [];
beforeAll(() => {
  installDomShims();
  // jsdom has no object URLs and does not download: record what the link would save.
  Object.assign(URL, {
    createObjectURL: () => 'blob:zamok-test',
    revokeObjectURL: () => undefined,
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ name: this.download, href: this.href });
  });
});
beforeEach(() => {
  downloads.length = 0;
  useSessionStore.setState({ user: OWNER });
});
afterEach(() => {
  cleanup();
  resetAllStores();
});

function renderButton(api: ZamokApi, button = <ExportButton />) {
  render(
    <Providers api={api} i18n={createI18n('en')} env="test">
      {button}
    </Providers>,
  );
}

const FILE = {
  fileName: 'zamok-contacts-2026-11-29-07-30.csv',
  mimeType: 'text/csv;charset=utf-8',
  encoding: 'utf8' as const,
  content: '\uFEFFПрізвище\r\nКоваль\r\n',
  count: 1,
};

describe('contact export button (records.export)', () => {
  it('exports as CSV for Excel by default and downloads the file', async () => {
    const { api, calls } = scriptedApi({ records: { export: async () => ok(FILE) } });
    renderButton(api);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export contacts' });
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^CSV for Excel/).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/Saved 1 record to “zamok-contacts-/)).toBeTruthy();
    expect(inputsOf(calls, 'records.export')).toEqual([
      { type: 'contacts', format: 'csv', csvStyle: 'excel', locale: 'en' },
    ]);
    expect(inputsOf(calls, 'contacts.export')).toEqual([]);
    expect(downloads).toEqual([{ name: FILE.fileName, href: 'blob:zamok-test' }]);
  });

  it('offers vCard for contacts and passes the chosen purpose', async () => {
    const purpose = '3f0d2a4e-8b1c-4d5e-9f60-7a8b9c0d1e2f';
    const { api, calls } = scriptedApi({
      records: { export: async () => ok({ ...FILE, fileName: 'zamok-contacts.vcf' }) },
      privacy: {
        exportPreview: async () =>
          ok({
            purposes: [{ id: purpose, name: 'Розсилка', ground: 'consent' as const }],
            total: 3,
            objected: 0,
            noBasis: 0,
          }),
      },
    });
    renderButton(api);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export contacts' });
    fireEvent.click(within(dialog).getByLabelText('vCard (phone, e-mail apps)'));
    const select = await within(dialog).findByRole('combobox');
    fireEvent.change(select, { target: { value: purpose } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/“zamok-contacts.vcf”/)).toBeTruthy();
    expect(inputsOf(calls, 'records.export')).toEqual([
      { type: 'contacts', format: 'vcf', locale: 'en', purposeId: purpose },
    ]);
  });

  it('companies: XLSX is decoded from base64, no vCard offered', async () => {
    const { api, calls } = scriptedApi({
      records: {
        export: async () =>
          ok({
            ...FILE,
            fileName: 'zamok-companies.xlsx',
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            encoding: 'base64' as const,
            content: btoa('PK\u0003\u0004'),
          }),
      },
    });
    renderButton(api, <RecordExportButton type="companies" />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export companies' });
    expect(within(dialog).queryByLabelText('vCard (phone, e-mail apps)')).toBeNull();
    fireEvent.click(within(dialog).getByLabelText('XLSX (Excel workbook)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/“zamok-companies.xlsx”/)).toBeTruthy();
    expect(inputsOf(calls, 'records.export')).toEqual([
      { type: 'companies', format: 'xlsx', locale: 'en' },
    ]);
    expect(downloads).toHaveLength(1);
  });

  it('deals: plain CSV; over the limit it says the owner has been asked, nothing saved', async () => {
    const { api, calls } = scriptedApi({
      records: {
        export: async () =>
          ok({
            status: 'pending' as const,
            requestId: '3f0d2a4e-8b1c-4d5e-9f60-7a8b9c0d1e2f',
            count: 500,
          }),
      },
    });
    renderButton(api, <RecordExportButton type="deals" />);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export deals' });
    fireEvent.click(within(dialog).getByLabelText(/^Plain CSV/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/exporting 500 records/)).toBeTruthy();
    expect(inputsOf(calls, 'records.export')).toEqual([
      { type: 'deals', format: 'csv', csvStyle: 'plain', locale: 'en' },
    ]);
    expect(downloads).toEqual([]);
  });
});
