/**
 * Test support for the record screens (contacts, companies, deals) in jsdom: the per-test setup
 * they share, rendering a screen inside the app's providers, and the stamps every stored record
 * carries. Never imported by the app.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { SignedInUser } from '../../../src-shared/ipc/auth';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { DocumentInfo, DocumentRecordType } from '../../../src-shared/ipc/documents';
import { Providers } from '../../app/Providers';
import { installDomShims, ok } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { dropAllDrafts } from '../../stores/drafts';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';

/**
 * Registers the hooks every record screen test needs: the browser APIs jsdom lacks, `user` signed
 * in before each test (when given), and after each test an empty screen and wiped stores. Elements
 * of the `viewport` roles get a 640 px height (the record lists' scroll boxes).
 */
export function setUpRecordScreenTests(user?: SignedInUser, viewport = ['listbox']): void {
  beforeAll(() => {
    installDomShims();
    // jsdom lays nothing out: give a record list a 640 px viewport (10 contact rows) so the
    // virtualizer renders rows.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return viewport.includes(this.getAttribute('role') ?? '') ? 640 : 0;
      },
    });
    // Mantine's combobox scrolls the selected option into view.
    Element.prototype.scrollIntoView ??= () => undefined;
    // Mantine's autosize textarea (forms, the timeline's note field) listens to font loading.
    if (!('fonts' in document)) Object.assign(document, { fonts: new EventTarget() });
  });
  if (user) beforeEach(() => useSessionStore.setState({ user }));
  afterEach(() => {
    cleanup();
    resetAllStores();
    dropAllDrafts();
  });
}

/** Renders `screen` with the app's providers, the bridge `api` and the interface in `language`. */
export function renderWithApp(api: ZamokApi, screen: ReactNode, language: 'uk' | 'en' = 'en') {
  return render(
    <Providers api={api} i18n={createI18n(language)} env="test">
      {screen}
    </Providers>,
  );
}

/** Who made and changed a stored record, and when (created by u-1 on 1 November, changed the 2nd). */
export function recordStamps() {
  return {
    createdAt: '2026-11-01T10:00:00.000Z',
    createdBy: 'u-1',
    updatedAt: '2026-11-02T10:00:00.000Z',
    updatedBy: 'u-1',
    deletedAt: null,
    deletedBy: null,
  };
}

/**
 * Main's document calls for a record that has `docs` until the delete dialog destroys them
 * (`deleteForRecord` answers their count and leaves none).
 */
export function documentsUntilShredded(docs: readonly DocumentInfo[]) {
  let left = [...docs];
  return {
    list: async () => ok(left),
    deleteForRecord: async () => {
      const deleted = left.length;
      left = [];
      return ok({ deleted });
    },
  };
}

/**
 * Confirms the open delete dialog with its `confirm` button, then checks what main was asked: to
 * destroy record `id`'s documents first, then to delete the record (through `deleteCall`).
 */
export async function confirmDeleteWithDocuments(
  calls: readonly { name: string; input: unknown }[],
  confirm: string,
  record: { type: DocumentRecordType; id: string },
  deleteCall: string,
): Promise<void> {
  const dialog = screen.getByRole('dialog');
  fireEvent.click(within(dialog).getByRole('button', { name: confirm }));
  const inputs = (name: string) => calls.filter(c => c.name === name).map(c => c.input);
  await waitFor(() => expect(inputs(deleteCall)).toEqual([{ id: record.id }]));
  const order = calls
    .map(c => c.name)
    .filter(n => n === 'documents.deleteForRecord' || n === deleteCall);
  expect(order).toEqual(['documents.deleteForRecord', deleteCall]);
  expect(inputs('documents.deleteForRecord')).toEqual([{ record }]);
}
