/**
 * Export file formats, written by hand (a few dozen lines each; no dependency needed):
 * - CSV per RFC 4180 (CRLF rows, fields quoted when they hold a comma, quote or line break, quotes
 *   doubled), UTF-8 with a BOM so Excel reads Cyrillic, and safe against formula injection: a cell
 *   starting with = + - @ (or a tab / carriage return) gets a leading apostrophe, so a spreadsheet
 *   shows it as text instead of running it. Phone numbers start with "+", so they carry the
 *   apostrophe too — the price of never running a cell a client could have typed.
 * - vCard 4.0 (RFC 6350): one card per contact, text values escaped, lines folded at 75 octets
 *   without splitting a UTF-8 character.
 */
import type { Contact } from '../../../src-shared/contacts';
import type { ExportFormat } from '../../../src-shared/ipc/contacts';

/** The CSV columns, in order, with their header in each language. */
const CSV_COLUMNS = [
  ['surname', 'Прізвище', 'Surname'],
  ['givenName', 'Ім’я', 'Given name'],
  ['patronymic', 'По батькові', 'Patronymic'],
  ['companyName', 'Компанія', 'Company'],
  ['position', 'Посада', 'Job title'],
  ['phones', 'Телефони', 'Phones'],
  ['emails', 'Ел. пошта', 'E-mails'],
  ['telegram', 'Telegram', 'Telegram'],
  ['viber', 'Viber', 'Viber'],
  ['whatsapp', 'WhatsApp', 'WhatsApp'],
  ['address', 'Адреса', 'Address'],
  ['source', 'Джерело', 'Source'],
  ['tags', 'Мітки', 'Tags'],
  ['notes', 'Нотатки', 'Notes'],
  ['owner', 'Відповідальний', 'Owner'],
  ['createdAt', 'Створено', 'Created'],
  ['updatedAt', 'Змінено', 'Updated'],
  ['id', 'Ідентифікатор', 'Id'],
] as const;

type CsvColumn = (typeof CSV_COLUMNS)[number][0];

function csvValue(c: Contact, column: CsvColumn): string {
  switch (column) {
    case 'phones':
      return c.phones.map(p => (p.label ? `${p.e164} (${p.label})` : p.e164)).join('; ');
    case 'emails':
      return c.emails.join('; ');
    case 'telegram':
    case 'viber':
    case 'whatsapp':
      return c.messengers[column] ?? '';
    case 'tags':
      return c.tags.join('; ');
    case 'owner':
      return c.ownerName;
    default:
      return c[column] ?? '';
  }
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** One CSV field: formula-safe, quoted when needed (RFC 4180). */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** The contacts as a CSV file: BOM, a header row in `locale`, one CRLF-terminated row per contact. */
export function contactsToCsv(contacts: readonly Contact[], locale: 'uk' | 'en'): string {
  const header = CSV_COLUMNS.map(([, uk, en]) => csvField(locale === 'uk' ? uk : en));
  const rows = contacts.map(c => CSV_COLUMNS.map(([column]) => csvField(csvValue(c, column))));
  return `\uFEFF${[header, ...rows].map(r => `${r.join(',')}\r\n`).join('')}`;
}

/** A vCard text value: backslash, comma, semicolon and line breaks escaped (RFC 6350 §3.4). */
export function vcardText(value: string): string {
  return value
    .replace(/\\/gu, '\\\\')
    .replace(/,/gu, '\\,')
    .replace(/;/gu, '\\;')
    .replace(/\r\n|\r|\n/gu, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function fullName(c: Contact): string {
  return [c.givenName, c.patronymic, c.surname].filter(Boolean).join(' ');
}

/** One contact as a vCard 4.0. */
export function contactToVcard(c: Contact): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${c.id}`,
    `FN:${vcardText(fullName(c))}`,
    `N:${[c.surname, c.givenName, c.patronymic ?? '', '', ''].map(vcardText).join(';')}`,
  ];
  if (c.companyName) lines.push(`ORG:${vcardText(c.companyName)}`);
  if (c.position) lines.push(`TITLE:${vcardText(c.position)}`);
  for (const p of c.phones) lines.push(`TEL;VALUE=uri:tel:${p.e164}`);
  for (const e of c.emails) lines.push(`EMAIL:${vcardText(e)}`);
  if (c.address) lines.push(`ADR:;;${vcardText(c.address)};;;;`);
  const { telegram, viber, whatsapp } = c.messengers;
  if (telegram) lines.push(`IMPP:${vcardText(`https://t.me/${telegram.replace(/^@/u, '')}`)}`);
  if (viber)
    lines.push(`IMPP;X-SERVICE-TYPE=Viber:viber://chat?number=${encodeURIComponent(viber)}`);
  if (whatsapp)
    lines.push(`IMPP;X-SERVICE-TYPE=WhatsApp:https://wa.me/${whatsapp.replace(/\D/gu, '')}`);
  if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map(vcardText).join(',')}`);
  if (c.notes) lines.push(`NOTE:${vcardText(c.notes)}`);
  // vCard's own SOURCE is a directory URI, not "where the client came from": an extension property.
  if (c.source) lines.push(`X-ZAMOK-SOURCE:${vcardText(c.source)}`);
  lines.push(`REV:${c.updatedAt.replace(/[-:]/gu, '').replace(/\.\d+/u, '')}`, 'END:VCARD');
  return lines.map(line => `${foldLine(line)}\r\n`).join('');
}

/** The contacts as one .vcf file (UTF-8, no BOM: vCard 4.0 is always UTF-8). */
export function contactsToVcard(contacts: readonly Contact[]): string {
  return contacts.map(contactToVcard).join('');
}

/** The file of an export: name (dated, no personal data), MIME type and content. */
export function exportFile(
  contacts: readonly Contact[],
  format: ExportFormat,
  locale: 'uk' | 'en',
  now: Date,
): { fileName: string; mimeType: string; content: string } {
  const stamp = now.toISOString().slice(0, 16).replace(/[T:]/gu, '-');
  if (format === 'csv') {
    return {
      fileName: `zamok-contacts-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      content: contactsToCsv(contacts, locale),
    };
  }
  return {
    fileName: `zamok-contacts-${stamp}.vcf`,
    mimeType: 'text/vcard;charset=utf-8',
    content: contactsToVcard(contacts),
  };
}
