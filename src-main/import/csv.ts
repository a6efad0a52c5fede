/**
 * A streaming CSV/TSV parser (RFC 4180: quoted fields, doubled quotes, CR/LF/CRLF line ends,
 * line breaks inside quotes) and the delimiter sniffer. Text arrives in chunks (./decode.ts) and
 * complete records leave as soon as they end, so a file is never held whole. A record larger than
 * `MAX_RECORD_CHARS` (say, an unclosed quote swallowing the file) is refused, not buffered.
 * Written here rather than taken from a package: ~100 lines, and the sniffer reuses the same parser.
 */
import { importError } from './errors';

/** The delimiters the sniffer chooses between. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Longest record accepted (characters), and most columns. */
export const MAX_RECORD_CHARS = 1024 * 1024;
export const MAX_COLUMNS = 500;

/** An incremental parser: feed text with `push`, collect records; `end` flushes the last one. */
export class CsvParser {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  /** Inside quotes; `quoteSeen` = a quote just closed (a second one is an escaped quote). */
  private inQuotes = false;
  private quoteSeen = false;
  private size = 0;
  private skipLf = false;

  constructor(private readonly delimiter: string) {}

  /** Parses `text`, returning the records it completed. */
  push(text: string): string[][] {
    const out: string[][] = [];
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const c = text.charAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === '\n') continue;
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === '"') {
            this.add('"');
            continue;
          }
          this.inQuotes = false;
        } else if (c === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          this.add(c);
          continue;
        }
      }
      if (c === d) this.endField();
      else if (c === '\n' || c === '\r') {
        this.skipLf = c === '\r';
        const record = this.endRecord();
        if (record) out.push(record);
      } else if (c === '"' && this.field.length === 0 && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
      } else this.add(c);
    }
    return out;
  }

  /** Ends the input: the last record if the text did not end with a line break. */
  end(): string[][] {
    if (this.inQuotes && this.quoteSeen) this.inQuotes = false;
    const record = this.endRecord();
    return record ? [record] : [];
  }

  private add(c: string): void {
    this.field += c;
    if (++this.size > MAX_RECORD_CHARS)
      throw importError('row_too_large', 'A row of the file is too large (an unclosed quote?).');
  }

  private endField(): void {
    this.record.push(this.field);
    if (this.record.length > MAX_COLUMNS)
      throw importError('too_many_columns', 'The file has too many columns.');
    this.field = '';
    this.quoted = false;
  }

  /** Completes a record; a blank line gives none. */
  private endRecord(): string[] | null {
    if (this.inQuotes) throw importError('row_too_large', 'A quoted cell is not closed.');
    const blank = this.record.length === 0 && this.field.length === 0 && !this.quoted;
    this.endField();
    const record = this.record;
    this.record = [];
    this.size = 0;
    return blank ? null : record;
  }
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
      const parser = new CsvParser(delimiter);
      records = [...parser.push(text), ...parser.end()].slice(0, 20);
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

/** How much text the sniffer looks at before the delimiter is chosen. */
const SNIFF_CHARS = 32 * 1024;

/**
 * Records of a CSV text stream. The delimiter is `delimiter` or sniffed from the first 32 KiB
 * (reported through `onDelimiter` before the first record).
 */
export async function* parseCsv(
  text: AsyncIterable<string>,
  delimiter?: CsvDelimiter,
  onDelimiter?: (d: CsvDelimiter) => void,
): AsyncGenerator<string[]> {
  let parser: CsvParser | null = delimiter ? new CsvParser(delimiter) : null;
  let pending = '';
  const start = (): CsvParser => {
    const d = delimiter ?? sniffDelimiter(pending);
    onDelimiter?.(d);
    return new CsvParser(d);
  };
  for await (const chunk of text) {
    if (parser === null) {
      pending += chunk;
      if (pending.length < SNIFF_CHARS) continue;
      parser = start();
      yield* parser.push(pending);
      pending = '';
      continue;
    }
    yield* parser.push(chunk);
  }
  if (parser === null) {
    parser = start();
    yield* parser.push(pending);
  }
  yield* parser.end();
}
