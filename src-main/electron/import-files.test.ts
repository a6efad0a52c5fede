/**
 * The import wizard's file dialog in Electron (stand-in dialog, real files): the page gets a pick
 * id, the name and the size, never the path; the chosen file's bytes reach the upload staging
 * through an `imports.startUpload`-style ticket; a pick id works once; a file over 20 MB is
 * refused at the dialog; a frame other than our own main frame is refused.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FILE_CHANNELS } from '../../src-shared/ipc/import-files';
import { MAX_IMPORT_FILE_SIZE } from '../../src-shared/ipc/imports';
import { createTransferRegistry } from '../crm/documents/transfers';
import { createImportUploads, IMPORT_STAGING_DIR } from '../import/uploads';
import { makeTempDir } from '../vault/temp-vault.test-support';
import type { InvokeEventLike } from './document-files-ipc';
import { createImportFiles, registerImportFiles } from './import-files';

function setup() {
  const desk = makeTempDir('zamok-import-desk-');
  const vaultDir = makeTempDir('zamok-import-vault-');
  const transfers = createTransferRegistry();
  const uploads = createImportUploads({ transfers, vaultDir: () => vaultDir });
  const answer = { path: null as string | null };
  const titles: string[] = [];
  const files = createImportFiles({
    transfers,
    locale: () => 'uk-UA',
    dialogs: {
      async showOpenDialog(options) {
        titles.push(options.title);
        return answer.path
          ? { canceled: false, filePaths: [answer.path] }
          : { canceled: true, filePaths: [] };
      },
    },
  });
  return { desk, vaultDir, uploads, files, answer, titles };
}

describe('import files (Electron)', () => {
  it('stages the chosen file through a ticket; the page never sees the path', async () => {
    const s = setup();
    expect(await s.files.pick()).toEqual({ ok: true, value: null });
    const bytes = Buffer.from('ПІБ;Телефон\r\nШевченко Тарас;0671234567\r\n', 'utf8');
    s.answer.path = join(s.desk, 'клієнти.csv');
    writeFileSync(s.answer.path, bytes);
    const picked = await s.files.pick();
    expect(JSON.stringify(picked)).not.toContain(s.desk);
    if (!picked.ok || !picked.value) throw new Error('not picked');
    expect(picked.value).toMatchObject({ name: 'клієнти.csv', size: bytes.length });
    expect(s.titles).toEqual(['Файл для імпорту', 'Файл для імпорту']);

    const { upload, ticket } = s.uploads.start('u-1', picked.value.size);
    expect(await s.files.upload({ pickId: picked.value.pickId, ticket })).toEqual({
      ok: true,
      value: { size: bytes.length },
    });
    expect(readFileSync(s.uploads.pathOf(upload, 'u-1'))).toEqual(bytes);
    expect(readdirSync(join(s.vaultDir, IMPORT_STAGING_DIR))).toHaveLength(1);
    // The pick id was used: a second upload with it is refused.
    const again = s.uploads.start('u-1', bytes.length);
    const second = await s.files.upload({ pickId: picked.value.pickId, ticket: again.ticket });
    expect(second.ok ? null : second.error.details).toEqual({ reason: 'upload_unknown' });
    expect(await s.files.upload({ path: s.answer.path })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses a file over the cap at the dialog', async () => {
    const s = setup();
    s.answer.path = join(s.desk, 'big.csv');
    writeFileSync(s.answer.path, Buffer.alloc(MAX_IMPORT_FILE_SIZE + 1, 0x41));
    const picked = await s.files.pick();
    expect(picked.ok ? null : picked.error.details).toEqual({ reason: 'too_large' });
  });

  it('answers only our own main frame', async () => {
    const s = setup();
    const handlers = new Map<string, (event: InvokeEventLike, input: unknown) => unknown>();
    registerImportFiles(
      { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler() {} },
      s.files,
    );
    const mainFrame = { url: 'https://evil.example/' };
    const refused = (await handlers.get(IMPORT_FILE_CHANNELS.pick)?.(
      { senderFrame: mainFrame, sender: { mainFrame } },
      undefined,
    )) as { ok: boolean };
    expect(refused.ok).toBe(false);
    expect(s.titles).toEqual([]);
  });
});
