/**
 * Test-only builders of real import files: a byte-exact Windows-1251 encoder, UTF-16 with a BOM,
 * and a minimal XLSX writer (a real ZIP with deflated parts, shared strings, a date style and
 * merged cells) so the XLSX reader is tested on files built byte by byte, not on mocks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { zipFiles } from '../exports/zip-write';

/** Windows-1251 bytes for the Ukrainian and Russian letters (ASCII passes through). */
export function encodeCp1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else {
      const extra: Record<string, number> = {
        Ё: 0xa8,
        ё: 0xb8,
        Є: 0xaa,
        є: 0xba,
        І: 0xb2,
        і: 0xb3,
        Ї: 0xaf,
        ї: 0xbf,
        Ґ: 0xa5,
        ґ: 0xb4,
        '’': 0x92,
        '«': 0xab,
        '»': 0xbb,
        '№': 0xb9,
      };
      const byte = extra[ch];
      if (byte === undefined) throw new Error(`no Windows-1251 byte for U+${code.toString(16)}`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}

/** UTF-16LE bytes with a byte-order mark. */
export function encodeUtf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** A temporary folder removed after the test; `file(name, bytes)` writes into it. */
export function tempFiles(): { file(name: string, bytes: Buffer | string): string } {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    file(name, bytes) {
      if (dirs.length === 0) dirs.push(mkdtempSync(join(tmpdir(), 'zamok-import-')));
      const path = join(dirs[0] ?? '', name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}

/** A ZIP archive of `files` (deflated, central directory at the end): the exports' writer. */
export function zipOf(files: Record<string, string>): Buffer {
  return zipFiles(files);
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell of {@link xlsxOf}: text (shared string), a number, or a date (serial with a date style). */
export type XlsxCell = string | number | { date: number } | null;

/**
 * An XLSX workbook with one sheet of `rows`; `merges` are ranges like `B1:C1`. Parts are stored
 * sheet first and shared strings last, as Excel does, so the reader cannot rely on order.
 */
export function xlsxOf(rows: XlsxCell[][], merges: string[] = []): Buffer {
  const strings: string[] = [];
  const sheetRows = rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          if (cell === null) return '';
          if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
          if (typeof cell === 'object') return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
          strings.push(cell);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map(m => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Контакти" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${rel}/worksheet" Target="worksheets/data.xml"/></Relationships>`,
    'xl/worksheets/data.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetRows}</sheetData>${mergeXml}</worksheet>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${strings.map(s => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`,
  });
}
