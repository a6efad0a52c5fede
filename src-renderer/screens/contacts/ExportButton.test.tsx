// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { ContactExportStatus } from '../../../src-shared/ipc/contacts';
import { Providers } from '../../app/Providers';
import { fail, installDomShims, ok, OWNER } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { ExportButton } from './ExportButton';
import { useContactsStore } from './store';

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

function renderButton(api: ZamokApi) {
  render(
    <Providers api={api} i18n={createI18n('en')} env="test">
      <ExportButton />
    </Providers>,
  );
}

const FILE = {
  status: 'done' as const,
  fileName: 'zamok-contacts-2026-11-29-07-30.csv',
  mimeType: 'text/csv;charset=utf-8',
  content: '\uFEFFSurname\r\nКоваль\r\n',
  count: 1,
};

describe('contact export button', () => {
  it('exports the current filter in the chosen format and downloads the file', async () => {
    useContactsStore.setState({
      query: { ...useContactsStore.getState().query, text: ' Коваль ', tag: 'VIP' },
    });
    const { api, calls } = scriptedApi({
      contacts: { export: async () => ok({ ...FILE, fileName: 'zamok-contacts.vcf' }) },
    });
    renderButton(api);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export contacts' });
    expect(within(dialog).getByText(/current search and filters/)).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText('vCard (phone, e-mail apps)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText(/Saved 1 contact to “zamok-contacts.vcf”/)).toBeTruthy();
    expect(inputsOf(calls, 'contacts.export')).toEqual([
      { format: 'vcard', filter: { text: 'Коваль', tag: 'VIP' }, locale: 'en' },
    ]);
    expect(downloads).toEqual([{ name: 'zamok-contacts.vcf', href: 'blob:zamok-test' }]);
  });

  it('waits for the owner, then downloads once approved', async () => {
    let status: ContactExportStatus['status'] = 'pending';
    const requestId = '3f0d2a4e-8b1c-4d5e-9f60-7a8b9c0d1e2f';
    const { api, calls } = scriptedApi({
      contacts: {
        export: async () => ok({ status: 'pending' as const, requestId, count: 500 }),
        exportStatus: async () => {
          const answer = { requestId, status, count: 500 };
          status = 'approved';
          return ok(answer);
        },
        exportRequest: async () => ok(FILE),
      },
    });
    renderButton(api);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export contacts' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(await within(dialog).findByText('Waiting for the owner’s approval')).toBeTruthy();
    expect(within(dialog).getByText(/exporting 500 contacts/)).toBeTruthy();
    expect(downloads).toEqual([]);
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 12_000 });
    expect(await within(dialog).findByText(/Saved \d+ contacts? to/)).toBeTruthy();
    expect(inputsOf(calls, 'contacts.exportStatus')).toHaveLength(2);
    expect(inputsOf(calls, 'contacts.exportRequest')).toEqual([{ requestId }]);
  }, 20_000);

  it('says so when the owner denied the export', async () => {
    const requestId = '3f0d2a4e-8b1c-4d5e-9f60-7a8b9c0d1e2f';
    const { api } = scriptedApi({
      contacts: {
        export: async () => ok({ status: 'pending' as const, requestId, count: 500 }),
        exportStatus: async () => fail('forbidden', { reason: 'denied' }),
      },
    });
    renderButton(api);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export contacts' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(
      await within(dialog).findByText(/The owner denied this export/, {}, { timeout: 8000 }),
    ).toBeTruthy();
    expect(downloads).toEqual([]);
  }, 15_000);
});
