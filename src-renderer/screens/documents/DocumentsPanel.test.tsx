// @vitest-environment jsdom
/**
 * The documents panel as each role sees it: a role without documents.read sees nothing, a manager
 * sees the empty state and can attach, a role that may only read gets no attach, copy or delete
 * buttons; a refused upload says in words which files are accepted. (Transfers of bytes are covered
 * by the host route tests and e2e.)
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { Result } from '../../../src-shared/ipc/contract';
import type { DocumentInfo } from '../../../src-shared/ipc/documents';
import type { Grants } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { fail, ok, OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { PREVIEW_TOKEN_KEY } from '../../bridge';
import { scriptedApi } from '../../test-support/scripted-api';
import { DocumentsPanel } from './DocumentsPanel';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests();
afterEach(() => {
  window.sessionStorage.clear();
});

const PNG_DOC: DocumentInfo = {
  id: '7dc72807-cd5b-4710-9d4f-dd9071f3e3cb',
  recordType: 'contact',
  recordId: 'c-1',
  ownerId: 'u-1',
  ownerName: 'Олена Коваленко',
  fileName: 'скан паспорта.png',
  mimeType: 'image/png',
  size: 2048,
  sha256: 'a'.repeat(64),
  createdAt: '2026-11-29T08:00:00.000Z',
};

function apiWith(list: () => Result<DocumentInfo[]>) {
  return scriptedApi({ documents: { list: async () => list() } });
}

function renderAs(grants: Grants, api: ZamokApi, language: 'en' | 'uk' = 'en') {
  window.sessionStorage.setItem(PREVIEW_TOKEN_KEY, 'test-token');
  useSessionStore.setState({ screen: 'app', user: { ...OWNER, grants } });
  renderWithApi(<DocumentsPanel type="contact" id="c-1" />, api, language);
}

describe('DocumentsPanel', () => {
  it('shows nothing, and asks nothing, for a role without documents.read', () => {
    const { api, calls } = apiWith(() => ok([]));
    renderAs(BUILT_IN_GRANTS.administrator, api);
    expect(screen.queryByText('Documents')).toBeNull();
    expect(calls).toEqual([]);
  });

  it('a manager sees the empty state in Ukrainian and can attach', async () => {
    const { api } = apiWith(() => ok([]));
    renderAs(BUILT_IN_GRANTS.manager, api, 'uk');
    expect(await screen.findByText('Документів поки немає')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Додати файл' })).toBeTruthy();
  });

  it('a read-only role sees the list and a preview, but no attach, copy or delete', async () => {
    const { api } = apiWith(() => ok([PNG_DOC]));
    renderAs({ 'contacts.read': 'all', 'documents.read': 'all' }, api);
    expect(await screen.findByText('скан паспорта.png')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Preview' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save a copy' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('a document whose content is at the office server says so, in Ukrainian and English', async () => {
    const remote = { ...PNG_DOC, atOffice: true };
    const { api } = apiWith(() => ok([remote, { ...PNG_DOC, id: 'd-2', fileName: 'тут.png' }]));
    renderAs(BUILT_IN_GRANTS.manager, api, 'uk');
    expect(await screen.findByText('тут.png')).toBeTruthy();
    const notes = screen.getAllByTestId('document-at-office');
    expect(notes.map(n => n.textContent)).toEqual([
      'Файл на сервері офісу: він завантажиться, коли ви його відкриєте (потрібне зʼєднання з офісом).',
    ]);
  });

  it('a record out of reach reads as a sentence, not a code', async () => {
    const { api } = apiWith(() => fail('not_found', { reason: 'record_not_found' }));
    renderAs(BUILT_IN_GRANTS.manager, api);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The record was not found or you have no access to it.',
    );
  });
});
