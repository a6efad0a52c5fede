/** Text chunks → lines (LF, CRLF or CR), streaming; a line longer than `max` is refused. */
import { importError } from './errors';

/** Lines of a text stream, without their line ends. */
export async function* linesOf(text: AsyncIterable<string>, max: number): AsyncGenerator<string> {
  let rest = '';
  let skipLf = false;
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (skipLf) {
        skipLf = false;
        if (c === '\n') {
          start = i + 1;
          continue;
        }
      }
      if (c === '\n' || c === '\r') {
        yield rest + chunk.slice(start, i);
        rest = '';
        start = i + 1;
        skipLf = c === '\r';
      }
    }
    rest += chunk.slice(start);
    if (rest.length > max) throw importError('row_too_large', 'A line of the file is too long.');
  }
  if (rest.length > 0) yield rest;
}
