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
import {
  contactTextSpec,
  isContactTextField,
  withContactTextFields,
  type Contact,
} from '../../../src-shared/contacts';
import type { ExportFormat } from '../../../src-shared/ipc/contacts';
import { csvCell } from '../../exports/csv';
import { customText, type CustomColumns } from '../custom-fields/export';

/** The CSV columns other than the free-text fields, with their header in each language. */
const CSV_OWN_COLUMNS = {
  surname: ['Прізвище', 'Surname'],
  givenName: ['Ім’я', 'Given name'],
  patronymic: ['По батькові', 'Patronymic'],
  phones: ['Телефони', 'Phones'],
  emails: ['Ел. пошта', 'E-mails'],
  telegram: ['Telegram', 'Telegram'],
  viber: ['Viber', 'Viber'],
  whatsapp: ['WhatsApp', 'WhatsApp'],
  tags: ['Мітки', 'Tags'],
  owner: ['Відповідальний', 'Owner'],
  createdAt: ['Створено', 'Created'],
  updatedAt: ['Змінено', 'Updated'],
  id: ['Ідентифікатор', 'Id'],
} as const;

type CsvOwnColumn = keyof typeof CSV_OWN_COLUMNS;

/**
 * The CSV columns in order (the spreadsheet exports use the same order: src-main/exports). Free-text
 * fields take their header from the shared list; one the layout does not name yet goes before the
 * owner.
 */
export const CSV_COLUMNS = withContactTextFields<CsvOwnColumn>(
  [
    'surname',
    'givenName',
    'patronymic',
    'companyName',
    'position',
    'phones',
    'emails',
    'telegram',
    'viber',
    'whatsapp',
    'address',
    'source',
    'tags',
    'notes',
    'owner',
    'createdAt',
    'updatedAt',
    'id',
  ],
  'owner',
);

type CsvColumn = (typeof CSV_COLUMNS)[number];

function csvHeader(column: CsvColumn, locale: 'uk' | 'en'): string {
  if (isContactTextField(column)) return contactTextSpec(column).label[locale];
  const [uk, en] = CSV_OWN_COLUMNS[column];
  return locale === 'uk' ? uk : en;
}

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

/** One CSV field: formula-safe, quoted when needed (RFC 4180). */
export function csvField(value: string): string {
  return csvCell(value, ',');
}

/**
 * The contacts as a CSV file: BOM, a header row in `locale`, one CRLF-terminated row per contact;
 * the custom fields (when given) one column each after the built-in ones.
 */
export function contactsToCsv(
  contacts: readonly Contact[],
  locale: 'uk' | 'en',
  custom?: CustomColumns,
): string {
  const fields = custom?.fields ?? [];
  const header = [
    ...CSV_COLUMNS.map(column => csvHeader(column, locale)),
    ...fields.map(f => f.label),
  ].map(csvField);
  const rows = contacts.map(c => {
    const values = custom?.values.get(c.id) ?? {};
    return [
      ...CSV_COLUMNS.map(column => csvValue(c, column)),
      ...fields.map(f => customText(f, values[f.id], locale)),
    ].map(csvField);
  });
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

/** The vCard properties written from other fields than the free-text ones. */
type VcardOwnItem = 'phones' | 'emails' | 'messengers' | 'tags';

/**
 * The vCard body after the name, in order. Free-text fields take their property from the shared
 * list; one the layout does not name yet goes at the end.
 */
const VCARD_BODY = withContactTextFields<VcardOwnItem>([
  'companyName',
  'position',
  'phones',
  'emails',
  'address',
  'messengers',
  'tags',
  'notes',
  'source',
]);

/** Properties whose value is structured: where a free-text field goes among the components. */
const VCARD_STRUCTURED: Partial<Record<string, (text: string) => string>> = {
  // ADR: post office box; extended address; street; locality; region; postal code; country.
  ADR: text => `;;${text};;;;`,
};

function vcardLines(c: Contact, item: (typeof VCARD_BODY)[number]): string[] {
  switch (item) {
    case 'phones':
      return c.phones.map(p => `TEL;VALUE=uri:tel:${p.e164}`);
    case 'emails':
      return c.emails.map(e => `EMAIL:${vcardText(e)}`);
    case 'messengers': {
      const { telegram, viber, whatsapp } = c.messengers;
      const lines: string[] = [];
      if (telegram) lines.push(`IMPP:${vcardText(`https://t.me/${telegram.replace(/^@/u, '')}`)}`);
      if (viber)
        lines.push(`IMPP;X-SERVICE-TYPE=Viber:viber://chat?number=${encodeURIComponent(viber)}`);
      if (whatsapp)
        lines.push(`IMPP;X-SERVICE-TYPE=WhatsApp:https://wa.me/${whatsapp.replace(/\D/gu, '')}`);
      return lines;
    }
    case 'tags':
      return c.tags.length > 0 ? [`CATEGORIES:${c.tags.map(vcardText).join(',')}`] : [];
    default: {
      const value = c[item];
      if (!value) return [];
      const { vcard } = contactTextSpec(item);
      const text = vcardText(value);
      return [`${vcard}:${VCARD_STRUCTURED[vcard]?.(text) ?? text}`];
    }
  }
}

function fullName(c: Contact): string {
  return [c.givenName, c.patronymic, c.surname].filter(Boolean).join(' ');
}

/** One contact as a vCard 4.0; `extra` lines (custom fields) go before the revision. */
export function contactToVcard(c: Contact, extra: readonly string[] = []): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${c.id}`,
    `FN:${vcardText(fullName(c))}`,
    `N:${[c.surname, c.givenName, c.patronymic ?? '', '', ''].map(vcardText).join(';')}`,
  ];
  for (const item of VCARD_BODY) lines.push(...vcardLines(c, item));
  lines.push(...extra);
  lines.push(`REV:${c.updatedAt.replace(/[-:]/gu, '').replace(/\.\d+/u, '')}`, 'END:VCARD');
  return lines.map(line => `${foldLine(line)}\r\n`).join('');
}

/**
 * The contact's custom field values as vCard lines, one `X-ZAMOK-FIELD;X-LABEL="<label>":<value>`
 * each, in the fields' order. Why not `X-ZAMOK-<label>`: a property name holds only Latin letters,
 * digits and hyphens (RFC 6350 §3.3) and the owner names fields in Ukrainian; a quoted parameter
 * value may hold any letter. Why not NOTE: Zamok's own vCard import reads NOTE into the notes, so
 * an export imported back would change every contact's notes; unknown X- properties are ignored by
 * importers (ours included). Both vCard versions write these lines.
 */
export function customVcardLines(
  c: Contact,
  custom: CustomColumns | undefined,
  locale: 'uk' | 'en',
): string[] {
  const values = custom?.values.get(c.id) ?? {};
  return (custom?.fields ?? [])
    .filter(f => values[f.id] !== undefined)
    .map(f => {
      // A parameter value may not hold a double quote or a line break (RFC 6350 §3.3).
      const label = f.label.replace(/["\r\n]/gu, "'");
      return `X-ZAMOK-FIELD;X-LABEL="${label}":${vcardText(customText(f, values[f.id], locale))}`;
    });
}

/** The contacts as one .vcf file (UTF-8, no BOM: vCard 4.0 is always UTF-8), custom fields too. */
export function contactsToVcard(
  contacts: readonly Contact[],
  custom?: CustomColumns,
  locale: 'uk' | 'en' = 'uk',
): string {
  return contacts.map(c => contactToVcard(c, customVcardLines(c, custom, locale))).join('');
}

/** The file of an export: name (dated, no personal data), MIME type and content. */
export function exportFile(
  contacts: readonly Contact[],
  format: ExportFormat,
  locale: 'uk' | 'en',
  now: Date,
  custom?: CustomColumns,
): { fileName: string; mimeType: string; content: string } {
  const stamp = now.toISOString().slice(0, 16).replace(/[T:]/gu, '-');
  if (format === 'csv') {
    return {
      fileName: `zamok-contacts-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      content: contactsToCsv(contacts, locale, custom),
    };
  }
  return {
    fileName: `zamok-contacts-${stamp}.vcf`,
    mimeType: 'text/vcard;charset=utf-8',
    content: contactsToVcard(contacts, custom, locale),
  };
}
