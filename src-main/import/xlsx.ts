/**
 * XLSX reader: the first worksheet, row by row. The ZIP is read from its central directory
 * (./zip.ts, yauzl) so parts are taken in the order needed — workbook, relationships, styles (which
 * cells are dates), shared strings, the sheet's merged ranges, then the sheet itself streamed —
 * whatever order the writer stored them in. Shared strings are the one table kept in memory
 * (capped); sheet rows are never all held. Merged cells give every cell of their range the
 * top-left value (a header "Телефон" merged over two columns names both). Dates become
 * `YYYY-MM-DD` (`YYYY-MM-DD HH:MM` with a time), numbers their plain digits.
 * Written here on sax rather than taken from a package: SheetJS left the registry, exceljs 4.4
 * (2023) is barely maintained and read-excel-file builds a DOM of the whole sheet.
 */
import { posix } from 'node:path';
import type { Tag } from 'sax';
import { importError } from './errors';
import { localName, streamXml } from './xml';
import { openZip, type ZipArchive } from './zip';

/** Largest inflated part read (bytes), and most shared-string characters kept. */
const MAX_PART_BYTES = 1024 * 1024 * 1024;
const MAX_SHARED_CHARS = 64 * 1024 * 1024;
const MAX_MERGES = 10_000;

interface Workbook {
  sheetPath: string;
  date1904: boolean;
}

function part(archive: ZipArchive, name: string): AsyncIterable<Buffer> | null {
  return archive.read(name, MAX_PART_BYTES);
}

async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function readWorkbook(archive: ZipArchive): Promise<Workbook> {
  const book = part(archive, 'xl/workbook.xml');
  if (book === null) throw importError('xlsx_invalid', 'The file is not an XLSX workbook.');
  let firstSheetRel: string | null = null;
  let date1904 = false;
  await drain(
    streamXml(
      book,
      p => {
        p.onopentag = (tag: Tag) => {
          const name = localName(tag.name);
          if (name === 'workbookPr')
            date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
          if (name === 'sheet' && firstSheetRel === null)
            firstSheetRel = tag.attributes['r:id'] ?? tag.attributes.id ?? null;
        };
      },
      () => [],
    ),
  );
  let sheetPath = 'xl/worksheets/sheet1.xml';
  const rels = part(archive, 'xl/_rels/workbook.xml.rels');
  if (firstSheetRel !== null && rels !== null) {
    const wanted: string = firstSheetRel;
    await drain(
      streamXml(
        rels,
        p => {
          p.onopentag = (tag: Tag) => {
            const target = tag.attributes.Target;
            if (localName(tag.name) === 'Relationship' && tag.attributes.Id === wanted && target)
              sheetPath = target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
          };
        },
        () => [],
      ),
    );
  }
  return { sheetPath, date1904 };
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** True when a number format shows a date or time. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/\[[^\]]*\]/gu, '')
    .replace(/General/giu, '');
  return /[dmyhs]/iu.test(bare);
}

/** Style indexes (the `s` of a cell) whose number format is a date. */
async function readDateStyles(archive: ZipArchive): Promise<Set<number>> {
  const styles = part(archive, 'xl/styles.xml');
  const dates = new Set<number>();
  if (styles === null) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  await drain(
    streamXml(
      styles,
      p => {
        p.onopentag = (tag: Tag) => {
          const name = localName(tag.name);
          if (name === 'numFmt')
            custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
          else if (name === 'cellXfs') inCellXfs = true;
          else if (name === 'xf' && inCellXfs) {
            const id = Number(tag.attributes.numFmtId ?? '0');
            const code = custom.get(id);
            if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id))
              dates.add(index);
            index++;
          }
        };
        p.onclosetag = name => {
          if (localName(name) === 'cellXfs') inCellXfs = false;
        };
      },
      () => [],
    ),
  );
  return dates;
}

async function readSharedStrings(archive: ZipArchive): Promise<string[]> {
  const source = part(archive, 'xl/sharedStrings.xml');
  if (source === null) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  let total = 0;
  await drain(
    streamXml(
      source,
      p => {
        p.onopentag = (tag: Tag) => {
          const name = localName(tag.name);
          if (name === 'si') current = '';
          else if (name === 'rPh') inPhonetic = true;
          else if (name === 't' && !inPhonetic) inText = true;
        };
        p.ontext = p.oncdata = text => {
          if (!inText) return;
          current += text;
          total += text.length;
          if (total > MAX_SHARED_CHARS)
            throw importError('xlsx_invalid', 'The spreadsheet holds too much text to import.');
        };
        p.onclosetag = name => {
          const local = localName(name);
          if (local === 't') inText = false;
          else if (local === 'rPh') inPhonetic = false;
          else if (local === 'si') strings.push(current);
        };
      },
      () => [],
    ),
  );
  return strings;
}

/** `B12` → { column: 1, row: 11 } (zero-based). */
export function cellRef(ref: string): { column: number; row: number } | null {
  const match = /^([A-Z]{1,3})(\d{1,7})$/u.exec(ref);
  if (!match) return null;
  let column = 0;
  for (const c of match[1] ?? '') column = column * 26 + (c.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) - 1 };
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheet's merged ranges (a quick first pass that reads only `<mergeCell ref=…>`). */
async function readMerges(sheet: AsyncIterable<Buffer>): Promise<Merge[]> {
  const merges: Merge[] = [];
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  const pattern = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/gu;
  for await (const chunk of sheet) {
    const text = carry + decoder.decode(chunk, { stream: true });
    let cut = text.length - 64;
    for (const m of text.matchAll(pattern)) {
      const from = cellRef(m[1] ?? '');
      const to = cellRef(m[2] ?? '');
      if (from && to && merges.length < MAX_MERGES)
        merges.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
      cut = Math.max(cut, (m.index ?? 0) + m[0].length);
    }
    carry = text.slice(Math.max(0, cut));
  }
  return merges;
}

function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round((epoch + serial * 86_400_000) / 60_000) * 60_000;
  const iso = new Date(ms).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
}

/**
 * Rows of the first worksheet of the XLSX at `path`, each a list of cell texts by column
 * (empty rows skipped, merged ranges filled from their top-left cell).
 */
export async function* readXlsxRows(path: string): AsyncGenerator<string[]> {
  const archive = await openZip(path);
  try {
    yield* sheetRows(archive);
  } finally {
    archive.close();
  }
}

async function* sheetRows(archive: ZipArchive): AsyncGenerator<string[]> {
  const book = await readWorkbook(archive);
  const sheet = (): AsyncIterable<Buffer> => {
    const stream = part(archive, book.sheetPath);
    if (stream === null) throw importError('xlsx_invalid', 'The workbook has no worksheet.');
    return stream;
  };
  const dateStyles = await readDateStyles(archive);
  const shared = await readSharedStrings(archive);
  const merges = await readMerges(sheet());
  const mergeValues = new Map<Merge, string>();

  let row: string[] = [];
  let rowIndex = -1;
  let cell: { column: number; type: string; style: number } | null = null;
  let value = '';
  let inValue = false;
  let ready: { index: number; cells: string[] }[] = [];
  let nextColumn = 0;

  const endCell = (): void => {
    if (cell === null) return;
    let text = value;
    if (cell.type === 's') text = shared[Number(value)] ?? '';
    else if (cell.type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
    else if (cell.type === 'e') text = '';
    else if ((cell.type === 'n' || cell.type === '') && value !== '')
      text = dateStyles.has(cell.style)
        ? serialDate(Number(value), book.date1904)
        : numberText(value);
    row[cell.column] = text;
    cell = null;
  };

  const fillMerges = (index: number, cells: string[]): string[] => {
    for (const m of merges) {
      if (index < m.top || index > m.bottom) continue;
      if (index === m.top) mergeValues.set(m, cells[m.left] ?? '');
      const fill = mergeValues.get(m) ?? '';
      for (let c = m.left; c <= m.right; c++)
        if (!(index === m.top && c === m.left)) cells[c] = fill;
    }
    return Array.from(cells, c => c ?? '');
  };

  const rows = streamXml(
    sheet() ?? [],
    p => {
      p.onopentag = (tag: Tag) => {
        const name = localName(tag.name);
        if (name === 'row') {
          row = [];
          nextColumn = 0;
          rowIndex = tag.attributes.r ? Number(tag.attributes.r) - 1 : rowIndex + 1;
        } else if (name === 'c') {
          const column = cellRef(tag.attributes.r ?? '')?.column ?? nextColumn;
          nextColumn = column + 1;
          cell = { column, type: tag.attributes.t ?? '', style: Number(tag.attributes.s ?? '0') };
          value = '';
        } else if ((name === 'v' || name === 't') && cell !== null) inValue = true;
      };
      p.ontext = p.oncdata = text => {
        if (inValue) value += text;
      };
      p.onclosetag = name => {
        const local = localName(name);
        if (local === 'v' || local === 't') inValue = false;
        else if (local === 'c') endCell();
        else if (local === 'row') ready.push({ index: rowIndex, cells: row });
      };
    },
    () => {
      const out = ready;
      ready = [];
      return out;
    },
  );
  for await (const { index, cells } of rows) {
    const filled = fillMerges(index, cells);
    if (filled.some(c => c.trim().length > 0)) yield filled;
  }
}
