import { describe, expect, it } from 'vitest';
import { rejection } from '../crm/record/vaults.test-support';
import { tempFiles, xlsxOf, zipOf } from './fixtures.test-support';
import { openImportFile, type ImportTable } from './read';
import { MAX_ZIP_ENTRIES } from './zip';

const files = tempFiles();

async function all(table: ImportTable): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of table.rows()) rows.push(row);
  return rows;
}

/** Where the central directory is, from the end-of-central-directory record (no comment). */
function directory(zip: Buffer): { offset: number; size: number; eocd: number } {
  const eocd = zip.length - 22;
  expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
  return { offset: zip.readUInt32LE(eocd + 16), size: zip.readUInt32LE(eocd + 12), eocd };
}

/** A copy of `zip` whose central directory declares `size` inflated bytes for entry `name`. */
function withDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const dir = directory(out);
  for (let at = dir.offset; at < dir.offset + dir.size;) {
    expect(out.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
    at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  throw new Error(`no entry ${name}`);
}

/** `zip` rewritten with a ZIP64 end record and locator (the classic record's fields all 0xFF…). */
function asZip64(zip: Buffer): Buffer {
  const dir = directory(zip);
  const count = zip.readUInt16LE(dir.eocd + 10);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(dir.size), 40);
  record.writeBigUInt64LE(BigInt(dir.offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(dir.eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22, 0xff);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt32LE(0, 4);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([zip.subarray(0, dir.eocd), record, locator, end]);
}

const SHEET = 'xl/worksheets/data.xml';
const book = (): Buffer =>
  xlsxOf([['ПІБ', 'Телефон'], ...Array.from({ length: 200 }, (_, i) => [`Клієнт ${i}`, i])]);

describe('XLSX ZIP layer (yauzl)', () => {
  it('reads a workbook whose parts are stored in any order', async () => {
    const table = await openImportFile(files.file('ok.xlsx', book()));
    expect(table.headers).toEqual(['ПІБ', 'Телефон']);
    expect(await all(table)).toHaveLength(200);
  });

  it('reads a ZIP64 archive (yauzl reads the ZIP64 end record; no longer refused)', async () => {
    const table = await openImportFile(files.file('zip64.xlsx', asZip64(book())));
    expect(table.headers).toEqual(['ПІБ', 'Телефон']);
    expect((await all(table)).at(-1)).toEqual(['Клієнт 199', '199']);
  });

  it('refuses a truncated central directory with xlsx_invalid', async () => {
    const zip = book();
    const dir = directory(zip);
    // Half the directory is gone; the end record (still naming the whole) is kept.
    const cut = Buffer.concat([
      zip.subarray(0, dir.offset + Math.floor(dir.size / 2)),
      zip.subarray(dir.eocd),
    ]);
    const err = await rejection(openImportFile(files.file('cut-directory.xlsx', cut)));
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'xlsx_invalid' } });
  });

  it('stops a part that inflates past its declared size (a lying zip bomb)', async () => {
    const zip = book();
    // The sheet says 100 bytes; its deflated data inflates to ~10 KB.
    const lying = withDeclaredSize(zip, SHEET, 100);
    const err = await rejection(
      openImportFile(files.file('lying.xlsx', lying)).then(table => all(table)),
    );
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'xlsx_invalid' } });
  });

  it('refuses a part declared over 1 GiB before inflating it', async () => {
    const huge = withDeclaredSize(book(), SHEET, 2 ** 31);
    const err = await rejection(
      openImportFile(files.file('huge-part.xlsx', huge)).then(table => all(table)),
    );
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'xlsx_invalid' } });
  });

  it(`refuses an archive of more than ${MAX_ZIP_ENTRIES} entries`, async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const parts: Record<string, string> = {
      'xl/workbook.xml': `<workbook xmlns="${ns}"><sheets><sheet name="A"/></sheets></workbook>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ПІБ</t></is></c></row></sheetData></worksheet>`,
    };
    const fine = await openImportFile(files.file('few.xlsx', zipOf(parts)));
    expect(fine.headers).toEqual(['ПІБ']);
    for (let i = 0; i < MAX_ZIP_ENTRIES - 1; i++) parts[`x/${i}`] = '';
    const err = await rejection(openImportFile(files.file('many.xlsx', zipOf(parts))));
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'xlsx_invalid' } });
  });
});
