/**
 * CSV/TSV records through csv-parse (streaming `Transform`): quoted cells, doubled quotes, line
 * breaks inside quotes, LF / CRLF / CR (mixed too), blank lines skipped, rows of any width. Text
 * arrives in chunks (./decode.ts) and records leave as the parser completes them, so a file is
 * never held whole. A record over `MAX_RECORD_BYTES` (say, an unclosed quote swallowing the file)
 * or over `MAX_COLUMNS` is refused. The delimiter sniffer parses its sample with the same options.
 */
import { CsvError, parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { importError } from './errors';

/** The delimiters the sniffer chooses between. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Longest record accepted (bytes as UTF-8), and most columns. */
export const MAX_RECORD_BYTES = 1024 * 1024;
export const MAX_COLUMNS = 500;

/** How much text the sniffer looks at, and how many records of it. */
const SNIFF_CHARS = 32 * 1024;
const SNIFF_RECORDS = 20;

function options(delimiter: CsvDelimiter): Options {
  return {
    delimiter,
    // Any line end, even mixed in one file; CRLF first so it is one break, not two.
    record_delimiter: ['\r\n', '\n', '\r'],
    // A quote inside an unquoted cell (ТОВ "Кобзар") is text, as Excel reads it.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  };
}

/** csv-parse's error → the importer's typed error; anything else passes unchanged. */
function typed(err: unknown): unknown {
  if (!(err instanceof CsvError)) return err;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED')
    return importError('row_too_large', 'A quoted cell is not closed.');
  if (err.code === 'CSV_MAX_RECORD_SIZE')
    return importError('row_too_large', 'A row of the file is too large (an unclosed quote?).');
  return importError('file_unreadable', 'The file cannot be read as CSV.');
}

function tooWide(): Error {
  return importError('too_many_columns', 'The file has too many columns.');
}

/**
 * The delimiter of a CSV sample: for each candidate the first (up to 20) records are parsed; a
 * candidate giving the same column count (> 1) on every record wins, most columns first; with no
 * consistent candidate, the one with most columns in the header row. Defaults to `,`.
 */
export function sniffDelimiter(sample: string): CsvDelimiter {
  // Drop a possibly cut last line so a half record does not spoil the count.
  const cut = sample.lastIndexOf('\n');
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  let best: { delimiter: CsvDelimiter; columns: number; consistent: boolean } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    let records: string[][];
    try {
      records = parseSync(text, { ...options(delimiter), to: SNIFF_RECORDS });
    } catch {
      continue;
    }
    if (records.length === 0) continue;
    const columns = records[0]?.length ?? 0;
    const consistent = columns > 1 && records.every(r => r.length === columns);
    const better =
      best === null ||
      (consistent && !best.consistent) ||
      (consistent === best.consistent && columns > best.columns);
    if (better) best = { delimiter, columns, consistent };
  }
  return best !== null && best.columns > 1 ? best.delimiter : ',';
}

/** The first chunks of `it` up to `min` characters (fewer if the text ends). */
async function head(it: AsyncIterator<string>, min: number): Promise<string[]> {
  const chunks: string[] = [];
  let size = 0;
  while (size < min) {
    const next = await it.next();
    if (next.done === true) break;
    chunks.push(next.value);
    size += next.value.length;
  }
  return chunks;
}

/** `first`, then the rest of `it`, then null (the end); closing this closes `it`. */
async function* rejoined(
  first: string[],
  it: AsyncIterator<string>,
): AsyncGenerator<string | null> {
  try {
    yield* first;
    for (let next = await it.next(); next.done !== true; next = await it.next()) yield next.value;
    yield null;
  } finally {
    await it.return?.();
  }
}

/**
 * Records of `text` through one csv-parse stream, driven by hand, one batch per chunk: each chunk
 * is written and the records it completed are read out before the next, so at most one chunk's
 * records wait, and the rows before a bad record still leave before its error (a stream's error
 * would drop what it buffered).
 */
async function* batches(
  first: string[],
  rest: AsyncIterator<string>,
  delimiter: CsvDelimiter,
): AsyncGenerator<string[][]> {
  const parser = parse(options(delimiter));
  let failure: unknown = null;
  const failed = new Promise<void>(resolve =>
    parser.on('error', err => {
      failure ??= err;
      resolve();
    }),
  );
  const ready = (out: string[][]): string[][] => {
    for (let r: unknown = parser.read(); r !== null; r = parser.read()) out.push(r as string[]);
    return out;
  };
  const feed = async (chunk: string | null): Promise<string[][]> => {
    const written = new Promise<void>(resolve => {
      if (chunk === null) parser.end(() => resolve());
      else parser.write(chunk, () => resolve());
    });
    const out = ready([]);
    await Promise.race([failed, written]);
    return ready(out);
  };
  try {
    for await (const chunk of rejoined(first, rest)) {
      yield await feed(chunk);
      if (failure !== null) throw failure;
    }
  } finally {
    parser.destroy();
  }
}

/**
 * Records of a CSV text stream. The delimiter is `delimiter` or sniffed from the first 32 KiB;
 * either way it is reported through `onDelimiter` before the first record.
 */
export async function* parseCsv(
  text: AsyncIterable<string>,
  delimiter?: CsvDelimiter,
  onDelimiter?: (d: CsvDelimiter) => void,
): AsyncGenerator<string[]> {
  const it = text[Symbol.asyncIterator]();
  const first = delimiter === undefined ? await head(it, SNIFF_CHARS) : [];
  const chosen = delimiter ?? sniffDelimiter(first.join(''));
  onDelimiter?.(chosen);
  try {
    for await (const batch of batches(first, it, chosen))
      for (const record of batch) {
        if (record.length > MAX_COLUMNS) throw tooWide();
        yield record;
      }
  } catch (err) {
    throw typed(err);
  }
}
