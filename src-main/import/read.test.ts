import { describe, expect, it } from 'vitest';
import { rejection } from '../crm/record/vaults.test-support';
import { sniffDelimiter } from './csv';
import { encodeCp1251, encodeUtf16le, tempFiles, xlsxOf, zipOf } from './fixtures.test-support';
import { openImportFile, type ImportTable } from './read';

const files = tempFiles();

async function all(table: ImportTable): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of table.rows()) rows.push(row);
  return rows;
}

const UKR_CSV =
  'ПІБ;Телефон;Email;Компанія\r\n' +
  'Шевченко Тарас Григорович;+38 (067) 123-45-67;taras@example.com;ТОВ «Кобзар»\r\n' +
  '"Українка; Леся";0501234567;;"Їжак, Ґудзик і Є"\r\n';

describe('CSV and TSV', () => {
  it('reads a Windows-1251 file with ; (what Ukrainian Excel saves as CSV)', async () => {
    const bytes = encodeCp1251(UKR_CSV);
    // The encoder is byte-exact: "Ш" is 0xD8, "І" 0xB2, "Ї" 0xAF, "Ґ" 0xA5 in Windows-1251.
    expect([...encodeCp1251('ШІЇҐє')]).toEqual([0xd8, 0xb2, 0xaf, 0xa5, 0xba]);
    const table = await openImportFile(files.file('cp1251.csv', bytes));
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';' });
    expect(table.headers).toEqual(['ПІБ', 'Телефон', 'Email', 'Компанія']);
    expect(await all(table)).toEqual([
      ['Шевченко Тарас Григорович', '+38 (067) 123-45-67', 'taras@example.com', 'ТОВ «Кобзар»'],
      ['Українка; Леся', '0501234567', '', 'Їжак, Ґудзик і Є'],
    ]);
  });

  it('reads UTF-8 with a BOM and a comma', async () => {
    const text = '\uFEFFName,Phone\n"Коваль, Іван","067 123 45 67"\n';
    const table = await openImportFile(files.file('bom.csv', text));
    expect(table).toMatchObject({ encoding: 'utf-8', delimiter: ',', headers: ['Name', 'Phone'] });
    expect(await all(table)).toEqual([['Коваль, Іван', '067 123 45 67']]);
  });

  it('reads UTF-16LE with a BOM, tab-separated (Excel "Unicode text")', async () => {
    const text = 'Прізвище\tІм’я\tТелефон\r\nПетренко\tОксана\t0671234567\r\n';
    const table = await openImportFile(files.file('utf16.txt', encodeUtf16le(text)));
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(table.headers).toEqual(['Прізвище', 'Ім’я', 'Телефон']);
    expect(await all(table)).toEqual([['Петренко', 'Оксана', '0671234567']]);
  });

  it('decides UTF-8 vs Windows-1251 past a long ASCII start, and streams many rows', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `Name${i};+38067${String(1000000 + i)}`);
    const text = `Name;Phone\n${ascii.join('\n')}\nКоваленко;0671234567\n`;
    const utf8 = await openImportFile(files.file('late-utf8.csv', text));
    const cp = await openImportFile(files.file('late-cp.csv', encodeCp1251(text)));
    const [u, c] = [await all(utf8), await all(cp)];
    expect(u).toHaveLength(3001);
    expect(u.at(-1)).toEqual(['Коваленко', '0671234567']);
    expect(c.at(-1)).toEqual(['Коваленко', '0671234567']);
    expect(utf8.encoding).toBe('utf-8');
    expect(cp.encoding).toBe('windows-1251');
  });

  it('refuses a file whose UTF-8 breaks after the first 64 KiB', async () => {
    const head = `Name;Note\nКоваль;${'я'.repeat(100_000)}\n`;
    const bytes = Buffer.concat([Buffer.from(head), encodeCp1251('Шевченко;x\n')]);
    const table = await openImportFile(files.file('mixed.csv', bytes));
    const err = await rejection(all(table));
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'encoding_mixed' } });
  });

  it('refuses an unclosed quote instead of buffering the rest of the file', async () => {
    const table = await openImportFile(files.file('open.csv', 'a,b\n"x,y\n1,2\n'));
    const err = await rejection(all(table));
    expect(err).toMatchObject({ details: { reason: 'row_too_large' } });
  });

  it('sniffs the delimiter from consistent column counts', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n4;5;6\n')).toBe(';');
    expect(sniffDelimiter('a,b\n"1;2",3\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('single\nline\n')).toBe(',');
  });

  it('recognises a Google Contacts export', async () => {
    const header =
      'First Name,Middle Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Labels';
    const row =
      'Тарас,Григорович,Шевченко,Кобзар,* Work,t@example.com,Mobile,+380671234567 ::: 0501234567,* myContacts';
    const table = await openImportFile(files.file('google.csv', `${header}\n${row}\n`));
    expect(table.profile).toBe('google');
    expect((await all(table))[0]?.[7]).toBe('+380671234567 ::: 0501234567');
  });

  it('recognises an Outlook export', async () => {
    const header =
      'Title,First Name,Middle Name,Last Name,Company,Job Title,E-mail Address,Mobile Phone';
    const table = await openImportFile(files.file('outlook.csv', `${header}\n,Іван,,Франко,,,,\n`));
    expect(table.profile).toBe('outlook');
  });

  it('answers file_empty for an empty file', async () => {
    const err = await rejection(openImportFile(files.file('empty.csv', '')));
    expect(err).toMatchObject({ details: { reason: 'file_empty' } });
  });
});

describe('XLSX', () => {
  it('reads the first sheet: shared strings, numbers, dates, merged header cells', async () => {
    const bytes = xlsxOf(
      [
        ['ПІБ', 'Телефон', null, 'Дата народження', 'ЄДРПОУ'],
        ['Шевченко Тарас', 380671234567, '0501234567', { date: 45292 }, '00032129'],
        [],
        ['Коваль Іван', '067 123 45 67', null, { date: 45658.5 }, 14360570],
      ],
      ['B1:C1'],
    );
    const table = await openImportFile(files.file('book.xlsx', bytes));
    expect(table).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null });
    expect(table.headers).toEqual(['ПІБ', 'Телефон', 'Телефон', 'Дата народження', 'ЄДРПОУ']);
    expect(await all(table)).toEqual([
      ['Шевченко Тарас', '380671234567', '0501234567', '2024-01-01', '00032129'],
      ['Коваль Іван', '067 123 45 67', '', '2025-01-01 12:00', '14360570'],
    ]);
  });

  it('reads inline and rich-text strings, booleans, formulas, prefixed XML, any part order', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bytes = zipOf({
      'xl/sharedStrings.xml': `<x:sst xmlns:x="${ns}"><x:si><x:r><x:t>Ім</x:t></x:r><x:r><x:t xml:space="preserve">’я</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si></x:sst>`,
      'xl/worksheets/sheet1.xml': `<x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Активний</x:t></x:is></x:c><x:c r="D1" t="str"><x:f>A1&amp;""</x:f><x:v>Формула</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Леся &amp; Ко</x:t></x:is></x:c><x:c r="B2" t="b"><x:v>1</x:v></x:c><x:c r="D2" t="e"><x:v>#DIV/0!</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      'xl/workbook.xml': `<x:workbook xmlns:x="${ns}"><x:sheets><x:sheet name="A" sheetId="1"/></x:sheets></x:workbook>`,
    });
    const table = await openImportFile(files.file('prefixed.xlsx', bytes));
    expect(table.headers).toEqual(['Ім’я', 'Активний', '', 'Формула']);
    expect(await all(table)).toEqual([['Леся & Ко', 'TRUE', '', '']]);
  });

  it('refuses a damaged workbook with a typed error', async () => {
    const bytes = xlsxOf([['a'], ['b']]);
    const path = files.file('broken.xlsx', bytes.subarray(0, bytes.length - 30));
    const err = await rejection(openImportFile(path));
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'xlsx_invalid' } });
  });
});
