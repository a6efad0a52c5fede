/**
 * XLSX of an export table, written by hand: five small XML parts in a ZIP (./zip-write.ts). Text
 * goes in as inline strings (never formulas, so no apostrophe is needed as in CSV), moments and
 * days as date serials in local time with a date format, amounts as numbers with two decimals.
 * The header row is bold, frozen and filtered. Why no library: exceljs is barely maintained since
 * 2023 and pulls in ~40 packages, SheetJS left the registry, write-excel-file is not installed;
 * what an export needs is ~150 lines, and the importer's reader (src-main/import/xlsx.ts) reads it
 * back in the tests.
 */
import { localParts, type Cell, type DateStyle, type ExportTable } from './table';
import { zipFiles } from './zip-write';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';

/** Excel keeps at most this many characters in a cell. */
const CELL_MAX = 32_767;

/** Style indexes of styles.xml's cellXfs. */
const STYLE = { text: 0, header: 1, dateTime: 2, day: 3, amount: 4 } as const;

/** Text as XML character data: escaped, characters XML 1.0 forbids removed. */
export function xmlText(text: string): string {
  return (
    text
      .slice(0, CELL_MAX)
      // Control characters other than tab, LF and CR are not allowed in XML 1.0.
      .replace(/(?![\t\n\r])[\p{Cc}\uFFFE\uFFFF]/gu, '')
      .replace(/&/gu, '&amp;')
      .replace(/</gu, '&lt;')
      .replace(/>/gu, '&gt;')
      .replace(/"/gu, '&quot;')
  );
}

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30 of a wall-clock time (Excel's 1900 date system). */
function serial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function cellXml(ref: string, cell: Cell, dates: DateStyle): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string') {
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  }
  if ('at' in cell) {
    const p = localParts(cell.at, dates.timeZone);
    const v = serial(p.y, p.mo, p.d, p.h, p.mi, p.s);
    return `<c r="${ref}" s="${STYLE.dateTime}"><v>${v}</v></c>`;
  }
  if ('day' in cell) {
    const [y, mo, d] = cell.day.split('-').map(Number);
    return `<c r="${ref}" s="${STYLE.day}"><v>${serial(y ?? 0, mo ?? 1, d ?? 1)}</v></c>`;
  }
  return `<c r="${ref}" s="${STYLE.amount}"><v>${cell.minor / 100}</v></c>`;
}

function width(table: ExportTable, column: number, locale: 'uk' | 'en'): number {
  let longest = table.columns[column]?.[locale].length ?? 8;
  for (const row of table.rows.slice(0, 200)) {
    const cell = row[column];
    const length = typeof cell === 'string' ? Math.max(...cell.split('\n').map(l => l.length)) : 16;
    longest = Math.max(longest, length);
  }
  return Math.min(60, Math.max(8, longest + 2));
}

function sheetXml(table: ExportTable, dates: DateStyle): string {
  const last = columnLetters(Math.max(0, table.columns.length - 1));
  const header = table.columns
    .map(
      (c, i) =>
        `<c r="${columnLetters(i)}1" t="inlineStr" s="${STYLE.header}"><is><t>${xmlText(c[dates.locale])}</t></is></c>`,
    )
    .join('');
  const rows = table.rows
    .map((row, r) => {
      const cells = row.map((cell, i) => cellXml(`${columnLetters(i)}${r + 2}`, cell, dates));
      return `<row r="${r + 2}">${cells.join('')}</row>`;
    })
    .join('');
  const cols = table.columns
    .map(
      (_, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${width(table, i, dates.locale)}" customWidth="1"/>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData><row r="1">${header}</row>${rows}</sheetData>` +
    `<autoFilter ref="A1:${last}${table.rows.length + 1}"/></worksheet>`
  );
}

function stylesXml(locale: 'uk' | 'en'): string {
  const day = locale === 'uk' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
    `<numFmts count="2"><numFmt numFmtId="164" formatCode="${day} hh:mm"/><numFmt numFmtId="165" formatCode="${day}"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
    `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

/** The table as an XLSX workbook with one sheet. */
export function tableToXlsx(table: ExportTable, dates: DateStyle): Buffer {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return zipFiles({
    '[Content_Types].xml':
      `${head}<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `${head}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${head}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(table.sheet[dates.locale]).slice(0, 31)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${head}<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': stylesXml(dates.locale),
    'xl/worksheets/sheet1.xml': sheetXml(table, dates),
  });
}
