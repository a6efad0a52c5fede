// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { DocumentInfo } from '../../../src-shared/ipc/documents';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { fail, ok, OWNER } from '../../app/test-support';
import {
  confirmDeleteWithDocuments,
  documentsUntilShredded,
  renderWithApp,
  setUpRecordScreenTests,
} from '../../components/records/records-test-support';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { DEAL, PIPELINE } from './deals-test-support';
import { DealsScreen } from './DealsScreen';
import { openDeal } from './store';

setUpRecordScreenTests();

const HEAD = { ...OWNER, id: 'u-head', displayName: 'Ганна Бойко', role: 'head' as const };
const MANAGER = { ...OWNER, id: 'u-mgr', displayName: 'Дарина Мельник', role: 'manager' as const };

const COLLEAGUES = [
  { id: 'u-head', displayName: 'Ганна Бойко' },
  { id: 'u-mgr', displayName: 'Дарина Мельник' },
  { id: 'u-2', displayName: 'Тарас Коваль' },
];

function renderScreen(api: ZamokApi) {
  return renderWithApp(api, <DealsScreen />);
}

/** Signs the manager in and shows the screen with `api`, once its `heading` is there. */
async function showAsManager(api: ZamokApi, heading: string) {
  useSessionStore.setState({ user: { ...MANAGER, grants: BUILT_IN_GRANTS.manager } });
  renderScreen(api);
  expect(await screen.findByRole('heading', { name: heading, level: 1 })).toBeTruthy();
}

function dealApi(reassign: ZamokApi['deals']['reassign']) {
  return scriptedApi({
    pipelines: { list: async () => ok([PIPELINE]) },
    deals: { get: async () => ok(DEAL), reassign },
    users: { colleagues: async () => ok(COLLEAGUES) },
  });
}

describe('reassigning a deal', () => {
  beforeEach(() => {
    useSessionStore.setState({ user: { ...HEAD, grants: BUILT_IN_GRANTS.head } });
    openDeal('deal-1');
  });

  it('lets the head give the deal to a colleague and says who is responsible now', async () => {
    const { api, calls } = dealApi(async ({ ownerId }) =>
      ok({ ...DEAL, ownerId, ownerName: 'Дарина Мельник', updatedAt: '2026-11-02T10:00:00.000Z' }),
    );
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Give to another manager' }));
    const dialog = await screen.findByRole('dialog', { name: 'Give the deal to another manager' });
    expect(dialog.textContent).toContain('Поставка борошна');
    fireEvent.click(await within(dialog).findByLabelText('New owner', { selector: 'input' }));
    // The current owner is not offered.
    const options = (await screen.findAllByRole('option')).map(o => o.textContent);
    expect(options).toEqual(['Дарина Мельник', 'Тарас Коваль']);
    fireEvent.click(screen.getByRole('option', { name: 'Дарина Мельник' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Give the deal' }));

    const notice = await screen.findByText(
      'Deal handed over. Дарина Мельник is now responsible for it.',
    );
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(inputsOf(calls, 'deals.reassign')).toEqual([{ id: 'deal-1', ownerId: 'u-mgr' }]);
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Give the deal to another manager' })).toBeNull(),
    );
    // The Owner field of the page now names her.
    const owner = screen.getByText('Owner', { selector: 'dt' }).parentElement;
    expect(owner?.textContent).toBe('OwnerДарина Мельник');
  });

  it('keeps a refusal in the dialog with its reason, and the deal keeps its owner', async () => {
    const { api } = dealApi(async () => fail('forbidden'));
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Give to another manager' }));
    const dialog = await screen.findByRole('dialog', { name: 'Give the deal to another manager' });
    fireEvent.click(await within(dialog).findByLabelText('New owner', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Тарас Коваль' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Give the deal' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(screen.queryByText(/Deal handed over/)).toBeNull();
    const owner = screen.getByText('Owner', { selector: 'dt' }).parentElement;
    expect(owner?.textContent).toBe('OwnerГанна Бойко');
  });

  it('shows no reassign action to a manager (no deals.reassign)', async () => {
    await showAsManager(dealApi(async () => fail('forbidden')).api, 'Поставка борошна');
    expect(screen.queryByRole('button', { name: 'Give to another manager' })).toBeNull();
  });
});

/** A PDF attached to {@link DEAL}. */
const CONTRACT: DocumentInfo = {
  id: 'doc-1',
  recordType: 'deal',
  recordId: 'deal-1',
  ownerId: 'u-head',
  ownerName: 'Ганна Бойко',
  fileName: 'рахунок.pdf',
  mimeType: 'application/pdf',
  size: 2048,
  sha256: 'ab'.repeat(32),
  createdAt: '2026-11-02T10:00:00.000Z',
};

/** Main as the head sees it: {@link DEAL} with one document, on the pipeline's board. */
function headMain() {
  return scriptedApi({
    pipelines: { list: async () => ok([PIPELINE]) },
    deals: {
      get: async () => ok(DEAL),
      delete: async ({ id }) => ok({ id, deletedAt: '2026-11-29T08:00:00.000Z' }),
      board: async () => ok({ pipeline: PIPELINE, columns: [] }),
    },
    documents: documentsUntilShredded([CONTRACT]),
  });
}

describe('the deal page', () => {
  beforeEach(() => {
    useSessionStore.setState({ user: { ...HEAD, grants: BUILT_IN_GRANTS.head } });
    openDeal('deal-1');
  });

  /** The page's Delete, not a document's own (those sit inside the Documents section). */
  async function pageDelete(name: string) {
    await screen.findByText('рахунок.pdf');
    const button = screen
      .getAllByRole('button', { name })
      .find(candidate => candidate.closest('section') === null);
    if (!button) throw new Error('no Delete button on the deal page');
    return button;
  }

  it('asks in the record dialog before deleting: Cancel keeps the deal, Delete destroys its documents first and goes back to the board', async () => {
    const { api, calls } = headMain();
    renderWithApp(api, <DealsScreen />, 'uk');
    fireEvent.click(await pageDelete('Видалити'));
    const dialog = await screen.findByRole('dialog', { name: 'Видалити угоду?' });
    expect(dialog.textContent).toContain(
      'Угода «Поставка борошна» зникне з дошки та списку; історія змін залишиться.',
    );
    expect(
      await within(dialog).findByText(
        'До угоди додано 1 документ. Його буде знищено назавжди — відновити його не вийде.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Скасувати' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(inputsOf(calls, 'deals.delete')).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeTruthy();

    fireEvent.click(await pageDelete('Видалити'));
    await screen.findByText(/До угоди додано 1 документ/);
    await confirmDeleteWithDocuments(
      calls,
      'Видалити',
      { type: 'deal', id: 'deal-1' },
      'deals.delete',
    );
    expect(await screen.findByRole('heading', { name: 'Угоди', level: 1 })).toBeTruthy();
  });

  it('shows a refused delete in the dialog, and the deal stays', async () => {
    const { api, calls } = scriptedApi({
      pipelines: { list: async () => ok([PIPELINE]) },
      deals: { get: async () => ok(DEAL), delete: async () => fail('forbidden') },
      documents: { list: async () => ok([]) },
    });
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this deal?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(inputsOf(calls, 'deals.delete')).toEqual([{ id: 'deal-1' }]);
    expect(inputsOf(calls, 'documents.deleteForRecord')).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeTruthy();
  });

  it('goes back with Escape and edits with E, like the contact and company pages', async () => {
    const { api } = headMain();
    renderScreen(api);
    expect(await screen.findByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'e', code: 'KeyE' });
    // The form (headed by the deal's own title) holds the deal.
    const title = await screen.findByRole('textbox', { name: /Deal title/ });
    expect(title).toHaveProperty('value', 'Поставка борошна');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('heading', { name: 'Поставка борошна', level: 1 })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'Escape', code: 'Escape' });
    expect(await screen.findByRole('heading', { name: 'Deals', level: 1 })).toBeTruthy();
  });
});

describe('pipelines', () => {
  beforeEach(() => useSessionStore.setState({ user: OWNER }));

  function pipelineApi(
    create: ZamokApi['pipelines']['create'],
    rename: ZamokApi['pipelines']['rename'] = async () => fail('internal'),
  ) {
    return scriptedApi({
      pipelines: { list: async () => ok([PIPELINE]), create, rename },
      deals: {
        board: async ({ pipelineId }) =>
          ok({ pipeline: { ...PIPELINE, id: pipelineId }, columns: [] }),
      },
    });
  }

  it('creates a pipeline: an empty name is explained under the field and nothing is sent', async () => {
    const { api, calls } = pipelineApi(async ({ name }) =>
      ok({ ...PIPELINE, id: 'pipe-2', name, isDefault: false }),
    );
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Pipelines' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'New pipeline…' }));
    const dialog = await screen.findByRole('dialog', { name: 'New pipeline' });
    const name = within(dialog).getByRole('textbox', { name: /Pipeline name/ });
    fireEvent.change(name, { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create pipeline' }));
    expect(await within(dialog).findByText('Enter a name.')).toBeTruthy();
    expect(inputsOf(calls, 'pipelines.create')).toEqual([]);

    fireEvent.change(name, { target: { value: 'Оптові продажі' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create pipeline' }));
    expect(
      await screen.findByText('Pipeline “Оптові продажі” created. Its board is open.'),
    ).toBeTruthy();
    expect(inputsOf(calls, 'pipelines.create')).toEqual([{ name: 'Оптові продажі' }]);
    // Two pipelines now: the selector shows, with the new one chosen, and its board is asked for.
    expect(screen.getByLabelText('Pipeline', { selector: 'input' })).toHaveProperty(
      'value',
      'Оптові продажі',
    );
    await waitFor(() =>
      expect(inputsOf(calls, 'deals.board')).toContainEqual(
        expect.objectContaining({ pipelineId: 'pipe-2' }),
      ),
    );
  });

  it('renames a pipeline; a refusal on the name shows under the field', async () => {
    const answers = [
      fail('invalid_input', { codes: [{ field: 'name', code: 'deal.text_too_long' }] }),
      ok({ ...PIPELINE, name: 'Роздріб' }),
    ];
    const { api, calls } = pipelineApi(
      async () => fail('internal'),
      async () => answers.shift() ?? fail('internal'),
    );
    renderScreen(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Pipelines' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Rename “Продажі”…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename the pipeline' });
    const name = within(dialog).getByRole('textbox', { name: /Pipeline name/ });
    expect(name).toHaveProperty('value', 'Продажі');
    fireEvent.change(name, { target: { value: 'Роздріб' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the name' }));
    expect(await within(dialog).findByText('This text is too long. Shorten it.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the name' }));
    expect(await screen.findByText('Pipeline renamed: “Роздріб”.')).toBeTruthy();
    expect(inputsOf(calls, 'pipelines.rename')).toEqual([
      { id: 'pipe-1', name: 'Роздріб' },
      { id: 'pipe-1', name: 'Роздріб' },
    ]);
  });

  it('offers no pipeline actions to a manager', async () => {
    await showAsManager(pipelineApi(async () => fail('forbidden')).api, 'Deals');
    expect(screen.queryByRole('button', { name: 'Pipelines' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pipeline stages' })).toBeNull();
  });
});
