/**
 * Contacts as vCard 3.0 (RFC 2426), the version phones and Google Contacts import most reliably
 * (Android's and older iOS's importers ignore 4.0's `VALUE=uri` phones). UTF-8, CRLF, text escaped
 * and lines folded at 75 octets as in the 4.0 export (src-main/crm/contacts/export-format.ts).
 */
import type { Contact } from '../../src-shared/contacts';
import { foldLine, vcardText } from '../crm/contacts/export-format';

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

/** One contact as a vCard 3.0. */
export function contactToVcard3(c: Contact): string {
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
  lines.push(`UID:urn:uuid:${c.id}`);
  lines.push(`REV:${c.updatedAt.replace(/\.\d+/u, '')}`, 'END:VCARD');
  return lines.map(line => `${foldLine(line)}\r\n`).join('');
}

/** The contacts as one .vcf file (UTF-8, no BOM). */
export function contactsToVcard3(contacts: readonly Contact[]): string {
  return contacts.map(contactToVcard3).join('');
}
