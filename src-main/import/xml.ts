/**
 * Streams an XML part of an XLSX through sax (strict mode), handing out what the callbacks collect
 * after each chunk, so a sheet of 100,000 rows is never a DOM. sax 1.6.1 (isaacs, BlueOak-1.0.0)
 * was already in the lockfile through electron-builder.
 */
import sax, { type SAXParser } from 'sax';
import { importError } from './errors';

/** Runs `source` through a fresh strict parser set up by `listen`, yielding what it `flush`es. */
export async function* streamXml<T>(
  source: AsyncIterable<Buffer>,
  listen: (parser: SAXParser) => void,
  flush: () => T[],
): AsyncGenerator<T> {
  const parser = sax.parser(true);
  let failure: Error | null = null;
  parser.onerror = err => {
    failure = err;
  };
  listen(parser);
  const decoder = new TextDecoder('utf-8');
  const write = (text: string): void => {
    if (failure !== null) return;
    parser.write(text);
    if (failure !== null)
      throw importError('xlsx_invalid', 'The spreadsheet file is damaged or not an XLSX file.');
  };
  for await (const chunk of source) {
    write(decoder.decode(chunk, { stream: true }));
    yield* flush();
  }
  write(decoder.decode());
  if (failure === null) parser.close();
  yield* flush();
}

/** Drops an XML namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
