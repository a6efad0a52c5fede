// @vitest-environment jsdom
/**
 * The documents panel inside the Electron app (window.zamokFiles present, no HTTP route): "Attach"
 * opens main's dialog and the chosen file goes through startUpload → main's upload → finishUpload;
 * a cancelled dialog asks nothing. "Save a copy" asks for the place first: a cancelled save dialog
 * never calls the audited export, a chosen place gets the export ticket and the user is told.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/contract';
import type { DocumentInfo } from '../../../src-shared/ipc/documents';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { fail, ok, OWNER } from '../../app/test-support';
import { useSessionStore } from '../../stores/session';
import { scriptedApi } from '../../test-support/scripted-api';
import { DocumentsPanel } from './DocumentsPanel';
import type { DocumentFilesApi } from './native-files';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

const TICKET = 'T'.repeat(43);
const PDF_DOC: DocumentInfo = {
  id: '7dc72807-cd5b-4710-9d4f-dd9071f3e3cb',
  recordType: 'contact',
  recordId: 'c-1',
  ownerId: 'u-1',
  ownerName: 'Олена Коваленко',
  fileName: 'договір.pdf',
  mimeType: 'application/pdf',
  size: 2048,
  sha256: 'a'.repeat(64),
  createdAt: '2026-11-29T08:00:00.000Z',
};

setUpScreenTests();
afterEach(() => {
  Reflect.deleteProperty(window, 'zamokFiles');
});

/** Main's side as the page sees it: scripted answers, every call written down. */
function electronWith(answers: {
  pick?: Result<unknown>;
  chooseSave?: Result<unknown>;
  docs?: DocumentInfo[];
}) {
  const calls: string[] = [];
  let docs: DocumentInfo[] = answers.docs ?? [];
  // Bridge calls are written down by channel name, in one list with the file calls.
  const logged =
    <I, R>(call: string, answer: (input: I) => Result<R>) =>
    async (input: I) => {
      calls.push(`zamok:documents.${call}`);
      return answer(input);
    };
  const { api } = scriptedApi({
    documents: {
      list: logged('list', () => ok(docs)),
      startUpload: logged('startUpload', () => ok({ ticket: TICKET, expiresInSeconds: 120 })),
      finishUpload: logged('finishUpload', () => {
        docs = [PDF_DOC];
        return ok(PDF_DOC);
      }),
      export: logged('export', () => ok({ ...PDF_DOC, ticket: TICKET, expiresInSeconds: 120 })),
    },
  });
  const record = (call: string, result: Result<unknown>) => async (input?: unknown) => {
    calls.push(`files.${call}${input ? ` ${JSON.stringify(input)}` : ''}`);
    return result as Result<never>;
  };
  const files: DocumentFilesApi = {
    pick: record('pick', answers.pick ?? ok(null)),
    upload: record('upload', ok({ size: 2048 })),
    chooseSave: record('chooseSave', answers.chooseSave ?? ok(null)),
    save: record('save', ok({ size: 2048 })),
    read: record('read', fail('internal')),
  };
  Object.defineProperty(window, 'zamokFiles', { value: files, configurable: true });
  useSessionStore.setState({ screen: 'app', user: { ...OWNER, grants: BUILT_IN_GRANTS.owner } });
  renderWithApi(<DocumentsPanel type="contact" id="c-1" />, api);
  return { calls };
}

describe('DocumentsPanel in Electron', () => {
  it('attach: main’s dialog, then start, main’s upload, finish, and the list shows the file', async () => {
    const { calls } = electronWith({
      pick: ok({ pickId: 'P'.repeat(43), name: 'договір.pdf', size: 2048 }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Attach a file' }));
    expect(await screen.findByText('договір.pdf')).toBeTruthy();
    expect(calls.filter(c => c !== 'zamok:documents.list')).toEqual([
      'files.pick',
      'zamok:documents.startUpload',
      `files.upload {"pickId":"${'P'.repeat(43)}","ticket":"${TICKET}"}`,
      'zamok:documents.finishUpload',
    ]);
  });

  it('a cancelled open dialog starts no upload', async () => {
    const { calls } = electronWith({ pick: ok(null) });
    fireEvent.click(await screen.findByRole('button', { name: 'Attach a file' }));
    await waitFor(() => expect(calls).toContain('files.pick'));
    expect(calls).not.toContain('zamok:documents.startUpload');
  });

  it('save a copy: a cancelled save dialog never asks for the (audited) export', async () => {
    const { calls } = electronWith({ chooseSave: ok(null), docs: [PDF_DOC] });
    fireEvent.click(await screen.findByRole('button', { name: 'Save a copy' }));
    await waitFor(() => expect(calls).toContain('files.chooseSave {"fileName":"договір.pdf"}'));
    expect(calls).not.toContain('zamok:documents.export');
    expect(screen.queryByText(/was saved/u)).toBeNull();
  });

  it('save a copy: the chosen place gets the export ticket and the user is told', async () => {
    const { calls } = electronWith({ chooseSave: ok({ saveId: 'S'.repeat(43) }), docs: [PDF_DOC] });
    fireEvent.click(await screen.findByRole('button', { name: 'Save a copy' }));
    expect(await screen.findByText('A copy of “договір.pdf” was saved.')).toBeTruthy();
    expect(calls).toContain(`files.save {"saveId":"${'S'.repeat(43)}","ticket":"${TICKET}"}`);
  });

  it('a file main refuses reads as a sentence that says what to do', async () => {
    electronWith({ pick: fail('invalid_input', { reason: 'empty' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Attach a file' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The file is empty. Choose another one.',
    );
  });
});
