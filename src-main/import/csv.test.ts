import { describe, expect, it } from 'vitest';
import { rejection } from '../crm/record/vaults.test-support';
import { MAX_COLUMNS, parseCsv, type CsvDelimiter } from './csv';
import { tempFiles } from './fixtures.test-support';
import { openImportFile, type ImportTable } from './read';

const files = tempFiles();

/** `text` in chunks of `size` characters (1 = every quote, CR and LF on a chunk edge). */
async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function records(text: string, size = 1, delimiter?: CsvDelimiter): Promise<string[][]> {
  const out: string[][] = [];
  for await (const record of parseCsv(chunks(text, size), delimiter)) out.push(record);
  return out;
}

async function all(table: ImportTable): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of table.rows()) rows.push(row);
  return rows;
}

describe('CSV records (csv-parse, streamed)', () => {
  it('reads quotes, doubled quotes, breaks inside quotes and mixed line ends, chunk by chunk', async () => {
    const text = 'a;"b ""c"""\r\n1;"x\r\ny"\r2;3\n\n"";\r\n4;ТОВ "Кобзар"\r';
    const expected = [
      ['a', 'b "c"'],
      ['1', 'x\r\ny'],
      ['2', '3'],
      ['', ''],
      ['4', 'ТОВ "Кобзар"'],
    ];
    expect(await records(text, 1)).toEqual(expected);
    expect(await records(text, 7)).toEqual(expected);
    expect(await records(text, 1 << 16)).toEqual(expected);
  });

  it('takes the given delimiter instead of sniffing, and reports it', async () => {
    expect(await records('a,b;c\n1,2;3\n', 4, ';')).toEqual([
      ['a,b', 'c'],
      ['1,2', '3'],
    ]);
    const table = await openImportFile(files.file('forced.csv', 'a,b;c\n1,2;3\n'), {
      delimiter: ';',
    });
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['a,b', 'c']);
  });

  it('streams: the first rows leave before the rest of the text is read', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<string> {
      yield 'Name;Phone\n';
      for (;;) {
        pulled++;
        yield `Row ${pulled};0671234567\n`.repeat(1000);
      }
    }
    const seen: string[][] = [];
    for await (const record of parseCsv(endless())) {
      seen.push(record);
      if (seen.length === 5000) break;
    }
    expect(seen[4999]).toEqual(['Row 5', '0671234567']);
    // The sniffer's 32 KiB plus one chunk at a time: never the whole (endless) text.
    expect(pulled).toBeLessThan(10);
  });

  it('cuts and pads rows to the header and skips blank ones', async () => {
    const path = files.file('ragged.csv', 'A;B;C\n1;2\n\n;;\n3;4;5;6\n');
    const table = await openImportFile(path);
    expect(await all(table)).toEqual([
      ['1', '2', ''],
      ['3', '4', '5'],
    ]);
  });

  it('refuses a record over 500 columns (too_many_columns)', async () => {
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    const path = files.file('wide.csv', `a,b\n${wide}\n`);
    const err = await rejection(openImportFile(path).then(all));
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'too_many_columns' } });
  });

  it('refuses a record over 1 MiB after giving the rows before it (row_too_large)', async () => {
    const text = `a,b\n1,2\n"${'x'.repeat(1024 * 1024 + 10)}",3\n4,5\n`;
    const table = await openImportFile(files.file('huge.csv', text));
    const rows: string[][] = [];
    const err = await rejection(
      (async () => {
        for await (const row of table.rows()) rows.push(row);
      })(),
    );
    expect(rows).toEqual([['1', '2']]);
    expect(err).toMatchObject({ code: 'invalid_input', details: { reason: 'row_too_large' } });
  });
});
