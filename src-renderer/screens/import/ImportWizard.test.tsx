// @vitest-environment jsdom
/**
 * The import wizard's steps against a scripted bridge (every input checked by the contract's own
 * schemas): the file goes by an upload id (never a path); the mapping comes prefilled from main and
 * is sent back as edited; the dry run's bad row is fixed in place or left out and checked again;
 * the import sends the fixes, shows main's progress and can be stopped; the summary undoes it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFilesApi } from '../../../src-shared/ipc/import-files';
import type { ImportPreview, ImportRunResult } from '../../../src-shared/ipc/imports';
import { OWNER } from '../../app/test-support';
import { inputsOf, ok, scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { ImportWizard } from './ImportWizard';
import { editsInput, fieldsOf, issueColumns, percentDone } from './wizard-model';

setUpScreenTests(OWNER);

const UPLOAD = 'U'.repeat(43);
const TICKET = 'T'.repeat(43);
const PICK = 'P'.repeat(43);

const PREVIEW: ImportPreview = {
  format: 'csv',
  encoding: 'windows-1251',
  delimiter: ';',
  headers: ['ПІБ', 'Телефон', 'Email'],
  profile: null,
  mapping: { columns: ['fullName', 'phones', 'emails'], nameOrder: 'surname-first' },
  mappingName: null,
  customFields: [],
  rows: [['Шевченко Тарас Григорович', '0671234567', 'taras@example.com']],
};

const COUNTS = { rows: 2, create: 1, update: 0, unchanged: 0, duplicate: 0, error: 1 };
const DRY: ImportRunResult = {
  batchId: null,
  status: 'dry_run',
  format: 'csv',
  encoding: 'windows-1251',
  delimiter: ';',
  counts: COUNTS,
  problems: [{ row: 2, kind: 'error', issues: [{ field: 'phones', code: 'phone.invalid' }] }],
  problemsTruncated: false,
  rowCells: { 2: ['Бондар Іван', '12', 'ivan@example.com'] },
  nameSuggestions: [
    { row: 1, recordId: 'c-9', name: 'Шевченко Тарас' },
    { row: 4, sameAsRow: 1, name: 'Шевченко Тарас' },
  ],
};
const CLEAN: ImportRunResult = {
  ...DRY,
  counts: { ...COUNTS, create: 2, error: 0 },
  problems: [],
  rowCells: {},
  nameSuggestions: [],
};
const DONE: ImportRunResult = {
  ...CLEAN,
  batchId: '019a0c6e-7b1f-7c3d-9e2a-5f4b3c2d1e0f',
  status: 'done',
  errorReport: '\uFEFFПІБ;Телефон;Email;Error\r\n',
};

const picked: string[] = [];
function installNative(): void {
  const native: ImportFilesApi = {
    pick: async () => ok({ pickId: PICK, name: 'клієнти.csv', size: 120 }),
    upload: async input => {
      picked.push(`${input.pickId}:${input.ticket}`);
      return ok({ size: 120 });
    },
  };
  Object.defineProperty(window, 'zamokImportFiles', { value: native, configurable: true });
}
afterEach(() => {
  Reflect.deleteProperty(window, 'zamokImportFiles');
  picked.length = 0;
});

function script(
  run: (input: { dryRun?: boolean; edits?: unknown }) => Promise<unknown>,
  preview: ImportPreview = PREVIEW,
) {
  return scriptedApi({
    imports: {
      startUpload: async () => ok({ upload: UPLOAD, ticket: TICKET }),
      preview: async () => ok(preview),
      run: run as never,
      progress: async () => ok({ running: true, done: 1 }),
      cancel: async () => ok({ cancelled: true }),
      undo: async input =>
        ok({ batchId: input.batchId, type: 'contacts', deleted: 2, restored: 0, kept: [] }),
    },
  });
}

async function toCheck(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
  expect(await screen.findByText('First rows of the file')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Check the rows' }));
  await screen.findByText('Row 2');
}

describe('import wizard', () => {
  it('uploads by id, checks with the prefilled mapping, fixes a cell, imports, undoes', async () => {
    installNative();
    let dryRuns = 0;
    const { api, calls } = script(async input => {
      if (input.dryRun) return ok(dryRuns++ === 0 ? DRY : CLEAN);
      return ok(DONE);
    });
    renderWithApi(<ImportWizard type="contacts" canReassign={false} onClose={() => {}} />, api);
    await toCheck();
    expect(inputsOf(calls, 'imports.startUpload')).toEqual([
      { type: 'contacts', file: { size: 120 } },
    ]);
    expect(picked).toEqual([`${PICK}:${TICKET}`]);
    expect(inputsOf(calls, 'imports.preview')).toEqual([{ upload: UPLOAD, type: 'contacts' }]);
    expect(JSON.stringify(calls)).not.toContain('"path"');
    expect(inputsOf(calls, 'imports.run')[0]).toEqual({
      upload: UPLOAD,
      type: 'contacts',
      mapping: { columns: ['fullName', 'phones', 'emails'], nameOrder: 'surname-first' },
      dryRun: true,
      fixable: true,
    });

    // A new row alike a record the importer can read: a suggestion, the row still counts as new.
    expect(screen.getByText('Row 1: a similar name — «Шевченко Тарас».')).toBeTruthy();
    expect(
      screen.getByText('Row 4: a similar name in row 1 of this file — «Шевченко Тарас».'),
    ).toBeTruthy();
    // The bad row's phone cell is open for fixing; the reason is the form's message.
    const fix = screen.getByRole('group', { name: 'Corrected values of row 2' });
    const phone = within(fix).getByLabelText('Телефон') as HTMLInputElement;
    expect(phone.value).toBe('12');
    fireEvent.change(phone, { target: { value: '0671112233' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.queryByText('Row 2')).toBeNull());
    const edits = [{ row: 2, cells: ['Бондар Іван', '0671112233', 'ivan@example.com'] }];
    expect(inputsOf(calls, 'imports.run')[1]).toMatchObject({ dryRun: true, edits });

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('2 records will be created and 0 updated.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('The import is finished.')).toBeTruthy();
    expect(inputsOf(calls, 'imports.run')[2]).toMatchObject({
      upload: UPLOAD,
      dryRun: false,
      errorReport: 'en',
      edits,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(await screen.findByText('Import undone: 2 deleted, 0 restored.')).toBeTruthy();
    expect(inputsOf(calls, 'imports.undo')).toEqual([{ batchId: DONE.batchId, type: 'contacts' }]);
  });

  it('leaves a bad row out, shows main’s progress and stops the import', async () => {
    installNative();
    let finish: (value: unknown) => void = () => {};
    const { api, calls } = script(async input =>
      input.dryRun
        ? ok(input.edits ? CLEAN : DRY)
        : new Promise(resolve => {
            finish = resolve;
          }),
    );
    renderWithApi(<ImportWizard type="contacts" canReassign={false} onClose={() => {}} />, api);
    await toCheck();
    fireEvent.click(screen.getByRole('button', { name: 'Leave out' }));
    expect(screen.getByText('Row 2 will not be imported.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(inputsOf(calls, 'imports.run')).toHaveLength(2));
    expect(inputsOf(calls, 'imports.run')[1]).toMatchObject({ edits: [{ row: 2, cells: null }] });

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('1 of 2 rows done')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '1 of 2 rows done' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(inputsOf(calls, 'imports.cancel')).toEqual([{ upload: UPLOAD }]));
    finish(ok({ ...DONE, status: 'cancelled' }));
    expect(await screen.findByText(/The import was stopped/)).toBeTruthy();
  });
});

describe('custom fields in the mapping', () => {
  it('keeps main’s custom target, lists the live fields by label and sends them with the run', async () => {
    installNative();
    const preview: ImportPreview = {
      ...PREVIEW,
      headers: ['ПІБ', 'Телефон', 'Джерело'],
      mapping: { columns: ['fullName', 'phones', 'custom:field-1'], nameOrder: 'surname-first' },
      customFields: [{ id: 'field-1', label: 'Джерело' }],
    };
    const { api, calls } = script(async () => ok(CLEAN), preview);
    renderWithApi(<ImportWizard type="contacts" canReassign={false} onClose={() => {}} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    const labelled = await screen.findAllByLabelText('Field: Джерело');
    const shown = labelled.map(e => (e as HTMLInputElement).value);
    expect(shown).toContain('Custom field: Джерело');
    fireEvent.click(screen.getByRole('button', { name: 'Check the rows' }));
    await waitFor(() => expect(inputsOf(calls, 'imports.run')).toHaveLength(1));
    expect(inputsOf(calls, 'imports.run')[0]).toMatchObject({
      mapping: { columns: ['fullName', 'phones', 'custom:field-1'] },
    });
  });

  it('drops a custom target that is not a live field', () => {
    expect(fieldsOf('contacts', ['phones', 'custom:field-1', 'custom:gone'], ['field-1'])).toEqual([
      'phones',
      'custom:field-1',
      null,
    ]);
  });
});

describe('deals in the wizard', () => {
  it('maps deal columns, shows link warnings, imports duplicates when asked, undoes', async () => {
    installNative();
    const preview: ImportPreview = {
      ...PREVIEW,
      headers: ['Назва угоди', 'Сума', 'Етап', 'Контакт'],
      mapping: { columns: ['title', 'amount', 'stage', 'contact'], nameOrder: 'surname-first' },
      rows: [['Поставка', '12 500,50', 'Нова', '0671234567']],
    };
    const dealsDry: ImportRunResult = {
      ...CLEAN,
      counts: { ...COUNTS, create: 1, duplicate: 1, error: 0 },
      problems: [
        { row: 2, kind: 'duplicate', reason: 'exists', field: 'title', recordIds: ['d-1'] },
      ],
      warnings: [{ row: 1, code: 'import.contact_not_found' }],
    };
    const { api, calls } = scriptedApi({
      imports: {
        startUpload: async () => ok({ upload: UPLOAD, ticket: TICKET }),
        preview: async () => ok(preview),
        run: (async (input: { dryRun?: boolean; duplicates?: string }) =>
          input.dryRun
            ? ok(input.duplicates === 'import' ? { ...dealsDry, problems: [] } : dealsDry)
            : ok({ ...DONE, warnings: dealsDry.warnings })) as never,
        progress: async () => ok({ running: true, done: 1 }),
        cancel: async () => ok({ cancelled: true }),
        undo: async input =>
          ok({ batchId: input.batchId, type: 'deals', deleted: 2, restored: 0, kept: [] }),
      },
    });
    renderWithApi(<ImportWizard type="deals" canReassign={false} onClose={() => {}} />, api);
    expect(await screen.findByText('Import deals')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Choose a file…' }));
    const stage = await screen.findAllByLabelText('Field: Етап');
    expect(stage.map(e => (e as HTMLInputElement).value)).toContain('Stage');
    fireEvent.click(screen.getByRole('button', { name: 'Check the rows' }));
    expect(
      await screen.findByText(
        /No contact found among the clients you can see: the deal was imported without a contact./,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('A deal with this title and the same client already exists.'),
    ).toBeTruthy();
    expect(inputsOf(calls, 'imports.run')[0]).toEqual({
      upload: UPLOAD,
      type: 'deals',
      mapping: { columns: ['title', 'amount', 'stage', 'contact'], nameOrder: 'surname-first' },
      dryRun: true,
      fixable: true,
      duplicates: 'skip',
    });
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Import deals already there too (the same title and client)',
      }),
    );
    await waitFor(() => expect(inputsOf(calls, 'imports.run')).toHaveLength(2));
    expect(inputsOf(calls, 'imports.run')[1]).toMatchObject({ duplicates: 'import' });
    await waitFor(() =>
      expect(
        screen.queryByText('A deal with this title and the same client already exists.'),
      ).toBeNull(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('The import is finished.')).toBeTruthy();
    expect(inputsOf(calls, 'imports.run')[2]).toMatchObject({
      dryRun: false,
      duplicates: 'import',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(await screen.findByText('Import undone: 2 deleted, 0 restored.')).toBeTruthy();
    expect(inputsOf(calls, 'imports.undo')).toEqual([{ batchId: DONE.batchId, type: 'deals' }]);
  });
});

describe('wizard model', () => {
  it('points a name part’s issue at the full-name column, and shapes edits and progress', () => {
    expect([...issueColumns(['fullName', 'phones', null], ['surname', 'phones'])]).toEqual([0, 1]);
    expect(editsInput(new Map())).toBeUndefined();
    expect(editsInput(new Map([[3, null]]))).toEqual([{ row: 3, cells: null }]);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(5, 0)).toBe(0);
  });
});
