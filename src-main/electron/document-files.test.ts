/**
 * Documents through Electron's native dialogs (stand-in dialogs, real SQLCipher vault, real
 * encrypted files): a file chosen in the open dialog becomes a document and the page never sees its
 * path; a copy is written where the save dialog pointed, byte for byte, only from an (audited)
 * export ticket; preview bytes come back only from a preview ticket; a damaged stored file gives
 * a typed error and no bytes; ids work once and expire; bad input changes nothing.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { viewerOf } from '../crm/contacts/contacts.test-support';
import { createDealsTestVault } from '../crm/deals/deals.test-support';
import { createDocumentsService } from '../crm/documents/service';
import { TINY_PDF, TINY_PNG } from '../crm/documents/documents.test-support';
import { createTransferRegistry } from '../crm/documents/transfers';
import { vaultPaths, type OpenVault } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { createDocumentFiles, type FileDialogs } from './document-files';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
});

/** Dialogs that answer what the test sets, and remember what they were asked. */
function standInDialogs() {
  const asked: { kind: 'open' | 'save'; title: string; defaultPath?: string }[] = [];
  const answers = { open: null as string | null, save: null as string | null };
  const dialogs: FileDialogs = {
    async showOpenDialog(options) {
      asked.push({ kind: 'open', title: options.title });
      return answers.open
        ? { canceled: false, filePaths: [answers.open] }
        : { canceled: true, filePaths: [] };
    },
    async showSaveDialog(options) {
      asked.push({ kind: 'save', title: options.title, defaultPath: options.defaultPath });
      return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true };
    },
  };
  return { dialogs, asked, answers };
}

async function setup(locale = 'uk-UA') {
  const t = await createDealsTestVault();
  opened.push(t.vault);
  const transfers = createTransferRegistry();
  const service = createDocumentsService({
    transfers,
    now: () => new Date('2026-11-29T08:00:00.000Z'),
    vault: () => ({
      db: t.vault.db,
      attachmentsDir: vaultPaths(t.vault.dir).attachments,
      vaultId: t.vault.vaultId,
    }),
  });
  const stand = standInDialogs();
  let clock = Date.parse('2026-11-29T08:00:00.000Z');
  const desk = makeTempDir('zamok-desk-');
  const files = createDocumentFiles({
    dialogs: stand.dialogs,
    transfers,
    locale: () => locale,
    saveFolder: () => join(desk, 'Downloads'),
    now: () => clock,
  });
  const owner = t.staff.anna;
  const record = { type: 'deal' as const, id: (await t.deal(owner)).id };
  const anna = viewerOf(owner, 'own');
  return {
    ...t,
    service,
    files,
    transfers,
    stand,
    desk,
    owner,
    anna,
    record,
    advance: (ms: number) => (clock += ms),
  };
}

/** Attaches `bytes` as `name` the way the page does in Electron: pick, start, upload, finish. */
async function attach(s: Awaited<ReturnType<typeof setup>>, name: string, bytes: Buffer) {
  const source = join(s.desk, name);
  writeFileSync(source, bytes);
  s.stand.answers.open = source;
  const picked = await s.files.pick();
  if (!picked.ok || !picked.value) throw new Error('not picked');
  const { ticket } = await s.service.startUpload(s.anna, {
    record: s.record,
    file: { name: picked.value.name, size: picked.value.size },
  });
  const sent = await s.files.upload({ pickId: picked.value.pickId, ticket });
  if (!sent.ok) throw new Error(sent.error.message);
  return s.service.finishUpload(s.owner, ticket);
}

describe('document files through native dialogs', () => {
  it('a file chosen in the open dialog becomes a document; the page sees name, size, an id', async () => {
    const s = await setup();
    const source = join(s.desk, 'договір оренди.pdf');
    writeFileSync(source, TINY_PDF);
    s.stand.answers.open = source;
    const picked = await s.files.pick();
    expect(picked).toMatchObject({
      ok: true,
      value: { name: 'договір оренди.pdf', size: TINY_PDF.length },
    });
    expect(JSON.stringify(picked)).not.toContain(s.desk);
    expect(s.stand.asked).toEqual([{ kind: 'open', title: 'Додати файл до запису' }]);
    if (!picked.ok || !picked.value) throw new Error('not picked');
    const { ticket } = await s.service.startUpload(s.anna, {
      record: s.record,
      file: { name: picked.value.name, size: picked.value.size },
    });
    expect(await s.files.upload({ pickId: picked.value.pickId, ticket })).toEqual({
      ok: true,
      value: { size: TINY_PDF.length },
    });
    const doc = await s.service.finishUpload(s.owner, ticket);
    expect(await s.service.list(s.anna, s.record)).toMatchObject([
      { id: doc.id, fileName: 'договір оренди.pdf', mimeType: 'application/pdf' },
    ]);
    // The pick id is spent.
    const again = await s.service.startUpload(s.anna, {
      record: s.record,
      file: { name: 'x.pdf', size: TINY_PDF.length },
    });
    expect(
      await s.files.upload({ pickId: picked.value.pickId, ticket: again.ticket }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', details: { reason: 'ticket_unknown' } },
    });
  });

  it('a cancelled dialog answers null; empty files and unusable names are refused by reason', async () => {
    const s = await setup('en-GB');
    expect(await s.files.pick()).toEqual({ ok: true, value: null });
    expect(s.stand.asked[0]?.title).toBe('Attach a file to the record');
    writeFileSync(join(s.desk, 'empty.pdf'), Buffer.alloc(0));
    s.stand.answers.open = join(s.desk, 'empty.pdf');
    expect(await s.files.pick()).toMatchObject({
      ok: false,
      error: { details: { reason: 'empty' } },
    });
    writeFileSync(join(s.desk, 'bad\nname.pdf'), TINY_PDF);
    s.stand.answers.open = join(s.desk, 'bad\nname.pdf');
    expect(await s.files.pick()).toMatchObject({
      ok: false,
      error: { details: { reason: 'bad_name' } },
    });
  });

  it('a picked file removed before the upload: “the file changed”, no path in it, no document', async () => {
    const s = await setup();
    const source = join(s.desk, 'скан.png');
    writeFileSync(source, TINY_PNG);
    s.stand.answers.open = source;
    const picked = await s.files.pick();
    if (!picked.ok || !picked.value) throw new Error('not picked');
    const { ticket } = await s.service.startUpload(s.anna, {
      record: s.record,
      file: { name: picked.value.name, size: picked.value.size },
    });
    rmSync(source);
    const sent = await s.files.upload({ pickId: picked.value.pickId, ticket });
    expect(sent).toMatchObject({ ok: false, error: { details: { reason: 'size_mismatch' } } });
    expect(JSON.stringify(sent)).not.toContain(s.desk);
    expect(await s.service.list(s.anna, s.record)).toEqual([]);
  });

  it('save a copy: place first, then only an export ticket writes the original bytes there', async () => {
    const s = await setup();
    const doc = await attach(s, 'рахунок.pdf', TINY_PDF);
    expect(await s.files.chooseSave({ fileName: doc.fileName })).toEqual({ ok: true, value: null });
    expect(s.stand.asked.at(-1)).toEqual({
      kind: 'save',
      title: 'Зберегти копію документа',
      defaultPath: join(s.desk, 'Downloads', 'рахунок.pdf'),
    });
    const target = join(s.desk, 'копія.pdf');
    s.stand.answers.save = target;
    const place = await s.files.chooseSave({ fileName: doc.fileName });
    if (!place.ok || !place.value) throw new Error('no place');
    // A preview ticket (not audited) cannot be written to disk.
    const preview = await s.service.download(s.anna, doc.id, 'preview');
    expect(
      await s.files.save({ saveId: place.value.saveId, ticket: preview.ticket }),
    ).toMatchObject({ ok: false, error: { details: { reason: 'ticket_unknown' } } });
    expect(readdirSync(s.desk)).not.toContain('копія.pdf');
    const again = await s.files.chooseSave({ fileName: doc.fileName });
    if (!again.ok || !again.value) throw new Error('no place');
    const copy = await s.service.download(s.anna, doc.id, 'export');
    expect(await s.files.save({ saveId: again.value.saveId, ticket: copy.ticket })).toEqual({
      ok: true,
      value: { size: TINY_PDF.length },
    });
    expect(readFileSync(target).equals(TINY_PDF)).toBe(true);
  });

  it('preview bytes come only from a preview ticket; a damaged stored file gives no bytes', async () => {
    const s = await setup();
    const doc = await attach(s, 'скан.png', TINY_PNG);
    const preview = await s.service.download(s.anna, doc.id, 'preview');
    const read = await s.files.read({ ticket: preview.ticket });
    if (!read.ok) throw new Error(read.error.message);
    expect(Buffer.from(read.value).equals(TINY_PNG)).toBe(true);
    expect(read.value.buffer.byteLength).toBe(TINY_PNG.length);
    const copy = await s.service.download(s.anna, doc.id, 'export');
    expect(await s.files.read({ ticket: copy.ticket })).toMatchObject({
      ok: false,
      error: { details: { reason: 'ticket_unknown' } },
    });
    const dir = vaultPaths(s.vault.dir).attachments;
    const stored = readdirSync(dir, { recursive: true })
      .map(String)
      .find(n => n.endsWith('.zdoc'));
    if (!stored) throw new Error('no stored file');
    const bytes = readFileSync(join(dir, stored));
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    writeFileSync(join(dir, stored), bytes);
    const again = await s.service.download(s.anna, doc.id, 'preview');
    expect(await s.files.read({ ticket: again.ticket })).toMatchObject({
      ok: false,
      error: { code: 'vault_corrupt', details: { reason: 'tampered' } },
    });
  });

  it('after the session ends (the app clears the ticket book) preview, save and upload are refused', async () => {
    const s = await setup();
    const doc = await attach(s, 'рахунок.pdf', TINY_PDF);
    s.stand.answers.save = join(s.desk, 'після.pdf');
    const place = await s.files.chooseSave({ fileName: doc.fileName });
    if (!place.ok || !place.value) throw new Error('no place');
    const preview = await s.service.download(s.anna, doc.id, 'preview');
    const copy = await s.service.download(s.anna, doc.id, 'export');
    const source = join(s.desk, 'скан.png');
    writeFileSync(source, TINY_PNG);
    s.stand.answers.open = source;
    const picked = await s.files.pick();
    if (!picked.ok || !picked.value) throw new Error('not picked');
    const upload = await s.service.startUpload(s.anna, {
      record: s.record,
      file: { name: picked.value.name, size: picked.value.size },
    });
    s.transfers.clear(); // what src-main/app/compose.ts does on lock, sign-out and user switch
    const unknown = {
      ok: false,
      error: { code: 'not_found', details: { reason: 'ticket_unknown' } },
    };
    expect(await s.files.read({ ticket: preview.ticket })).toMatchObject(unknown);
    expect(await s.files.save({ saveId: place.value.saveId, ticket: copy.ticket })).toMatchObject(
      unknown,
    );
    expect(
      await s.files.upload({ pickId: picked.value.pickId, ticket: upload.ticket }),
    ).toMatchObject(unknown);
    expect(readdirSync(s.desk)).not.toContain('після.pdf');
  });

  it('the save dialog never proposes an executable extension; bidi names are refused', async () => {
    const s = await setup('en-US');
    const cases: [string, string][] = [
      ['scan.exe', 'scan'],
      ['звіт.bat', 'звіт'],
      ['page.html', 'page'],
      ['договір.pdf', 'договір.pdf'],
    ];
    for (const [given, proposed] of cases) {
      expect(await s.files.chooseSave({ fileName: given })).toEqual({ ok: true, value: null });
      expect(s.stand.asked.at(-1)?.defaultPath).toBe(join(s.desk, 'Downloads', proposed));
    }
    const asked = s.stand.asked.length;
    expect(await s.files.chooseSave({ fileName: 'scan\u202Efdp.exe' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(s.stand.asked).toHaveLength(asked);
  });

  it('ids expire after two minutes; bad input is refused and writes nothing', async () => {
    const s = await setup();
    const doc = await attach(s, 'рахунок.pdf', TINY_PDF);
    s.stand.answers.save = join(s.desk, 'late.pdf');
    const place = await s.files.chooseSave({ fileName: doc.fileName });
    if (!place.ok || !place.value) throw new Error('no place');
    s.advance(121_000);
    const copy = await s.service.download(s.anna, doc.id, 'export');
    expect(await s.files.save({ saveId: place.value.saveId, ticket: copy.ticket })).toMatchObject({
      ok: false,
      error: { details: { reason: 'ticket_unknown' } },
    });
    for (const input of [
      undefined,
      { saveId: '../../etc/passwd', ticket: copy.ticket },
      { saveId: place.value.saveId, ticket: copy.ticket, path: '/tmp/x' },
    ]) {
      expect(await s.files.save(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await s.files.chooseSave({ fileName: '../x.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(readdirSync(s.desk).filter(n => n.endsWith('.pdf') && n !== 'рахунок.pdf')).toEqual([]);
  });
});
