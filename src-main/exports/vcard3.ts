/**
 * Contacts as vCard 3.0 (RFC 2426), the version phones and Google Contacts import most reliably
 * (Android's and older iOS's importers ignore 4.0's `VALUE=uri` phones). UTF-8, CRLF, text escaped
 * and lines folded at 75 octets as in the 4.0 export (src-main/crm/contacts/export-format.ts).
 */
import type { Contact } from '../../src-shared/contacts';
import { foldLine, vcardText, customVcardLines } from '../crm/contacts/export-format';
import type { CustomColumns } from '../crm/custom-fields/export';

function fullName(c: Contact): string {
  return [c.givenName, c.patronymic, c.surname].filter(Boolean).join(' ');
}

function messengerLines(c: Contact): string[] {
  const { telegram, viber, whatsapp } = c.messengers;
  const lines: string[] = [];
  if (telegram)
    lines.push(
      `X-SOCIALPROFILE;TYPE=telegram:${vcardText(`https://t.me/${telegram.replace(/^@/u, '')}`)}`,
    );
  if (viber) lines.push(`IMPP;X-SERVICE-TYPE=Viber:viber:${vcardText(viber)}`);
  if (whatsapp)
    lines.push(`IMPP;X-SERVICE-TYPE=WhatsApp:https://wa.me/${whatsapp.replace(/\D/gu, '')}`);
  return lines;
}

/** One contact as a vCard 3.0; `extra` lines (custom fields) go before the id and revision. */
export function contactToVcard3(c: Contact, extra: readonly string[] = []): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${[c.surname, c.givenName, c.patronymic ?? '', '', ''].map(vcardText).join(';')}`,
    `FN:${vcardText(fullName(c))}`,
  ];
  if (c.companyName) lines.push(`ORG:${vcardText(c.companyName)}`);
  if (c.position) lines.push(`TITLE:${vcardText(c.position)}`);
  for (const p of c.phones) lines.push(`TEL;TYPE=CELL:${p.e164}`);
  for (const e of c.emails) lines.push(`EMAIL;TYPE=INTERNET:${vcardText(e)}`);
  if (c.address) lines.push(`ADR;TYPE=WORK:;;${vcardText(c.address)};;;;`);
  lines.push(...messengerLines(c));
  if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map(vcardText).join(',')}`);
  if (c.notes) lines.push(`NOTE:${vcardText(c.notes)}`);
  lines.push(...extra);
  lines.push(`UID:urn:uuid:${c.id}`);
  lines.push(`REV:${c.updatedAt.replace(/\.\d+/u, '')}`, 'END:VCARD');
  return lines.map(line => `${foldLine(line)}\r\n`).join('');
}

/** The contacts as one .vcf file (UTF-8, no BOM), custom fields as `X-ZAMOK-FIELD` lines. */
export function contactsToVcard3(
  contacts: readonly Contact[],
  custom?: CustomColumns,
  locale: 'uk' | 'en' = 'uk',
): string {
  return contacts.map(c => contactToVcard3(c, customVcardLines(c, custom, locale))).join('');
}
