/**
 * vCard 2.1 / 3.0 / 4.0 reader, streaming card by card. Handles line folding (a line starting with a
 * space or tab continues the previous one), quoted-printable values with soft line breaks and a
 * CHARSET (Android's `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=A8…`), bare 2.1 types
 * (`TEL;CELL:`), grouped properties (iOS `item1.TEL`), escapes (`\,` `\;` `\n`) and several TEL /
 * EMAIL lines. Photos and other binary properties are skipped without being buffered.
 * Each card becomes one row under `VCARD_HEADERS`; several values of a column are joined by a line
 * break (the mapping splits phone and e-mail cells on line breaks).
 */
import { importError } from './errors';
import { linesOf } from './lines';

/** The columns a vCard row fills, in order. */
export const VCARD_HEADERS = [
  'N:family',
  'N:given',
  'N:middle',
  'FN',
  'TEL',
  'EMAIL',
  'ORG',
  'TITLE',
  'ADR',
  'NOTE',
  'CATEGORIES',
] as const;
export type VCardColumn = (typeof VCARD_HEADERS)[number];

/** Longest logical line kept (a photo is skipped, not kept). */
const MAX_LINE = 256 * 1024;
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Splits `a;b\;c` on unescaped separators. */
function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\([nN,;:\\])/gu, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/u.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else for (const b of Buffer.from(value.charAt(i), 'utf8')) bytes.push(b);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Uint8Array.from(bytes));
}

/** Parses one unfolded content line; null for a line that is not a property. */
function parseLine(line: string): Property | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return null;
  const [head = '', ...rawParams] = splitUnescaped(line.slice(0, colon), ';');
  const name = head.slice(head.lastIndexOf('.') + 1).toUpperCase();
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    const key = eq < 0 ? bareParamKey(raw) : raw.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? raw : raw.slice(eq + 1))
      .split(',')
      .map(v => v.replace(/^"|"$/gu, '').trim())
      .filter(v => v.length > 0);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = line.slice(colon + 1);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'QUOTED-PRINTABLE')
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  return { name, params, value };
}

function bareParamKey(raw: string): string {
  const upper = raw.toUpperCase();
  if (upper === 'QUOTED-PRINTABLE' || upper === 'BASE64' || upper === 'B') return 'ENCODING';
  return 'TYPE';
}

function isQuotedPrintable(line: string): boolean {
  const colon = line.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/iu.test(line.slice(0, colon));
}

/** Unfolded logical lines: folding and quoted-printable soft breaks joined, photos skipped. */
async function* logicalLines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let current: string | null = null;
  let skipping = false;
  for await (const line of linesOf(text, MAX_LINE)) {
    const continues = line.startsWith(' ') || line.startsWith('\t');
    if (continues && (skipping || current !== null)) {
      if (!skipping && current !== null) current += line.slice(1);
      if (current !== null && current.length > MAX_LINE)
        throw importError('row_too_large', 'A vCard line is too long.');
      continue;
    }
    if (current !== null && isQuotedPrintable(current) && current.endsWith('=')) {
      current = current.slice(0, -1) + line;
      continue;
    }
    if (current !== null) yield current;
    current = null;
    skipping = false;
    if (line.trim().length === 0) continue;
    const name = /^(?:[\w-]+\.)?([\w-]+)/u.exec(line)?.[1]?.toUpperCase() ?? '';
    if (BINARY.has(name)) skipping = true;
    else current = line;
  }
  if (current !== null) yield current;
}

type Card = Record<VCardColumn, string[]>;

function emptyCard(): Card {
  return Object.fromEntries(VCARD_HEADERS.map(h => [h, []])) as unknown as Card;
}

function addProperty(card: Card, p: Property): void {
  const parts = splitUnescaped(p.value, ';').map(v => unescape(v).trim());
  const text = unescape(p.value).trim();
  switch (p.name) {
    case 'N':
      card['N:family'].push(parts[0] ?? '');
      card['N:given'].push(parts[1] ?? '');
      card['N:middle'].push(parts[2] ?? '');
      return;
    case 'FN':
    case 'TITLE':
    case 'NOTE':
      card[p.name].push(text);
      return;
    case 'TEL':
      card.TEL.push(text.replace(/^tel:/iu, ''));
      return;
    case 'EMAIL':
      card.EMAIL.push(text.replace(/^mailto:/iu, ''));
      return;
    case 'ORG':
      card.ORG.push(parts[0] ?? '');
      return;
    case 'ADR':
      card.ADR.push(parts.filter(v => v.length > 0).join(', '));
      return;
    case 'CATEGORIES':
      card.CATEGORIES.push(...splitUnescaped(p.value, ',').map(v => unescape(v).trim()));
      return;
    default:
      return;
  }
}

function cardRow(card: Card): string[] {
  return VCARD_HEADERS.map(h => {
    const values = card[h].filter(v => v.length > 0);
    // One name per card: the first N / FN wins.
    return h.startsWith('N:') || h === 'FN' || h === 'ORG' || h === 'TITLE'
      ? (values[0] ?? '')
      : values.join('\n');
  });
}

/** The cards of a vCard text stream, one row each under `VCARD_HEADERS`. */
export async function* parseVCards(text: AsyncIterable<string>): AsyncGenerator<string[]> {
  let card: Card | null = null;
  for await (const line of logicalLines(text)) {
    const upper = line.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      card = emptyCard();
      continue;
    }
    if (upper === 'END:VCARD') {
      if (card !== null) yield cardRow(card);
      card = null;
      continue;
    }
    if (card === null) continue;
    const property = parseLine(line);
    if (property !== null) addProperty(card, property);
  }
  if (card !== null) throw importError('vcard_invalid', 'The last vCard has no END:VCARD.');
}
