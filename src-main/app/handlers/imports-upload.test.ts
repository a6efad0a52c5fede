/**
 * The wizard's upload path through the router on a real vault: a window (the test host, Electron)
 * can never make main read a path of its choosing; an upload id works only for the user who started
 * it and only once its bytes arrived; tickets expire; bytes over the announced size (or the 20 MB
 * cap) are refused and leave no file; a committed import and the session's end delete the staged
 * file; cancel and progress answer for the running import.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  importsContract,
  MAX_IMPORT_FILE_SIZE,
  type ImportPreview,
  type ImportRunResult,
  type ImportUploadStart,
} from '../../../src-shared/ipc/imports';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { createTransferRegistry, TICKET_TTL_SECONDS } from '../../crm/documents/transfers';
import { encodeCp1251, tempFiles } from '../../import/fixtures.test-support';
import { createImportUploads, IMPORT_STAGING_DIR, UPLOAD_IDLE_SECONDS } from '../../import/uploads';
import { createRouter, type Router } from '../../ipc';
import { requirePermission } from '../../ipc';
import type { OpenVault } from '../../vault';
import { createAuditWrapper } from '../audit-wrapper';
import { createVaultState, type VaultState } from '../vault-state';
import { importsHandlers } from './imports';

let vault: OpenVault;
let state: VaultState;
let router: Router;
let staff: TestStaff;
let clock = Date.now();
const transfers = createTransferRegistry(() => clock);
const files = tempFiles();

const CSV = encodeCp1251(
  ['ПІБ;Телефон;Email', 'Шевченко Тарас Григорович;0671234567;taras@example.com'].join('\r\n'),
);

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  staff = t.staff;
  state = createVaultState(vault.dir, { onSessionEnd: () => transfers.clear() });
  const uploads = createImportUploads({ transfers, vaultDir: () => vault.dir, now: () => clock });
  router = createRouter({
    contract: { imports: importsContract },
    handlers: {
      imports: importsHandlers({
        openVault: () => state.openVault(),
        deviceId: () => 'dev-test',
        uploads,
      }),
    },
    sessions: state,
    authorize: (_meta, next) => next,
    wrappers: [createAuditWrapper({ state, deviceId: 'dev-test' }), requirePermission],
  });
});

afterAll(() => vault.close());

function as(who: keyof TestStaff, role: BuiltInRole): void {
  state.signIn(vault, {
    userId: staff[who],
    login: who,
    role,
    grants: BUILT_IN_GRANTS[role],
    teamId: null,
  });
}

async function call<T>(name: string, input: unknown): Promise<Result<T>> {
  return (await router.call(`zamok:imports.${name}`, input, { host: 'preview' })) as Result<T>;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function staged(): string[] {
  const dir = join(vault.dir, IMPORT_STAGING_DIR);
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Starts an upload and sends `bytes` after its ticket, as the host's route does. */
async function upload(bytes: Buffer, size = bytes.length): Promise<string> {
  const start = value(
    await call<ImportUploadStart>('startUpload', { type: 'contacts', file: { size } }),
  );
  const transfer = transfers.take(start.ticket, 'upload');
  if (!transfer) throw new Error('no transfer');
  await transfer.receive(Readable.from([bytes]));
  return start.upload;
}

describe('imports upload path', () => {
  it('a window cannot name a path: only an upload it started', async () => {
    as('vira', 'manager');
    const path = files.file('клієнти.csv', CSV);
    const byPath = await call('preview', { path, type: 'contacts' });
    expect(byPath.ok).toBe(false);
    if (!byPath.ok) expect(byPath.error.code).toBe('forbidden');
    const run = await call('run', { path, type: 'contacts', dryRun: false });
    expect(run.ok).toBe(false);
    // The same call from the command line reads the path.
    const cli = await router.call(
      'zamok:imports.preview',
      { path, type: 'contacts' },
      {
        host: 'cli',
      },
    );
    expect(cli.ok).toBe(true);

    const id = await upload(CSV);
    const preview = value(await call<ImportPreview>('preview', { upload: id, type: 'contacts' }));
    expect(preview.encoding).toBe('windows-1251');
    expect(preview.headers).toEqual(['ПІБ', 'Телефон', 'Email']);
    expect(preview.rows[0]?.[0]).toBe('Шевченко Тарас Григорович');
    // Both at once, or neither, is malformed.
    expect((await call('preview', { upload: id, path, type: 'contacts' })).ok).toBe(false);
    expect((await call('preview', { type: 'contacts' })).ok).toBe(false);
  });

  it('an upload id is its owner’s only, and unusable before its bytes arrive', async () => {
    as('vira', 'manager');
    const id = await upload(CSV);
    const pending = value(
      await call<ImportUploadStart>('startUpload', { type: 'contacts', file: { size: 10 } }),
    );
    const early = await call('preview', { upload: pending.upload, type: 'contacts' });
    expect(early.ok ? null : early.error.details).toEqual({ reason: 'upload_unknown' });
    as('borys', 'manager');
    const foreign = await call('preview', { upload: id, type: 'contacts' });
    expect(foreign.ok ? null : foreign.error.code).toBe('not_found');
    // A role without the import permission cannot even start one.
    as('vira', 'manager');
    state.signIn(vault, {
      userId: staff.vira,
      login: 'vira',
      role: 'auditor',
      grants: BUILT_IN_GRANTS.auditor,
      teamId: null,
    });
    const auditor = await call('startUpload', { type: 'contacts', file: { size: 10 } });
    expect(auditor.ok ? null : auditor.error.code).toBe('forbidden');
  });

  it('tickets expire; an idle upload is forgotten and its file deleted', async () => {
    as('vira', 'manager');
    const start = value(
      await call<ImportUploadStart>('startUpload', {
        type: 'contacts',
        file: { size: CSV.length },
      }),
    );
    clock += (TICKET_TTL_SECONDS + 1) * 1000;
    expect(transfers.take(start.ticket, 'upload')).toBeUndefined();

    const id = await upload(CSV);
    const before = staged().length;
    clock += (UPLOAD_IDLE_SECONDS + 1) * 1000;
    const late = await call('preview', { upload: id, type: 'contacts' });
    expect(late.ok ? null : late.error.code).toBe('not_found');
    expect(staged().length).toBeLessThan(before);
  });

  it('refuses bytes over the announced size or the cap, and keeps nothing of them', async () => {
    as('vira', 'manager');
    const over = await call('startUpload', {
      type: 'contacts',
      file: { size: MAX_IMPORT_FILE_SIZE + 1 },
    });
    expect(over.ok ? null : over.error.code).toBe('invalid_input');

    const before = staged();
    const start = value(
      await call<ImportUploadStart>('startUpload', { type: 'contacts', file: { size: 100 } }),
    );
    const transfer = transfers.take(start.ticket, 'upload');
    await expect(transfer?.receive(Readable.from([Buffer.alloc(101, 0x41)]))).rejects.toMatchObject(
      { code: 'invalid_input', details: { reason: 'too_large' } },
    );
    expect(staged()).toEqual(before);
    const after = await call('preview', { upload: start.upload, type: 'contacts' });
    expect(after.ok).toBe(false);
  });

  it('a committed import deletes its file; progress and cancel answer for the upload', async () => {
    as('vira', 'manager');
    const id = await upload(CSV);
    const idle = value(await call<{ running: boolean; done: number }>('progress', { upload: id }));
    expect(idle).toEqual({ running: false, done: 0 });
    expect(value(await call<{ cancelled: boolean }>('cancel', { upload: id }))).toEqual({
      cancelled: false,
    });
    const dry = value(
      await call<ImportRunResult>('run', { upload: id, type: 'contacts', dryRun: true }),
    );
    expect(dry.counts.create).toBe(1);
    const count = staged().length;
    const done = value(
      await call<ImportRunResult>('run', { upload: id, type: 'contacts', dryRun: false }),
    );
    expect(done.status).toBe('done');
    expect(done.counts.create).toBe(1);
    expect(staged().length).toBe(count - 1);
    expect((await call('preview', { upload: id, type: 'contacts' })).ok).toBe(false);
  });

  it('a dry run returns the bad rows’ cells; an edit fixes a row, a drop leaves one out', async () => {
    as('vira', 'manager');
    const bytes = encodeCp1251(
      [
        'ПІБ;Телефон;Email',
        'Коваль Олена;0501112233;olena@example.com',
        'Бондар Іван;12;ivan@example.com',
        'Мельник Петро;0509998877;не пошта',
      ].join('\r\n'),
    );
    const id = await upload(bytes);
    const dry = value(
      await call<ImportRunResult>('run', {
        upload: id,
        type: 'contacts',
        dryRun: true,
        fixable: true,
      }),
    );
    expect(dry.counts).toMatchObject({ create: 1, error: 2 });
    expect(dry.rowCells).toEqual({
      2: ['Бондар Іван', '12', 'ivan@example.com'],
      3: ['Мельник Петро', '0509998877', 'не пошта'],
    });
    const edits = [
      { row: 2, cells: ['Бондар Іван', '0671112233', 'ivan@example.com'] },
      { row: 3, cells: null },
    ];
    const again = value(
      await call<ImportRunResult>('run', { upload: id, type: 'contacts', dryRun: true, edits }),
    );
    expect(again.counts).toMatchObject({ rows: 2, create: 2, error: 0 });
    const done = value(
      await call<ImportRunResult>('run', { upload: id, type: 'contacts', dryRun: false, edits }),
    );
    expect(done.counts).toMatchObject({ create: 2, error: 0 });
  });

  it('a file a crash left in the staging folder is removed by the next first upload', async () => {
    as('vira', 'manager');
    // A fresh run of the app knows no uploads; the folder still holds the crashed run's file.
    transfers.clear();
    mkdirSync(join(vault.dir, IMPORT_STAGING_DIR), { recursive: true });
    writeFileSync(join(vault.dir, IMPORT_STAGING_DIR, 'left-by-a-crash.upload'), CSV);
    await upload(CSV);
    expect(staged()).toHaveLength(1);
    expect(staged()).not.toContain('left-by-a-crash.upload');
  });
  it('the session’s end (lock, sign-out) deletes every staged file', async () => {
    as('vira', 'manager');
    await upload(CSV);
    expect(staged().length).toBeGreaterThan(0);
    state.end({ keepLogin: false, closeNow: false });
    expect(staged()).toEqual([]);
  });
});
