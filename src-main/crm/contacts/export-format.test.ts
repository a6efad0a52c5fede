/**
 * The export files as a spreadsheet or an address book would read them: Cyrillic and apostrophes
 * intact, quotes and line breaks inside one cell, formulas never runnable, vCard lines folded and
 * escaped so a card cannot be split or gain fields.
 */
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import { contactsToCsv, contactsToVcard, csvField, foldLine, vcardText } from './export-format';

function contact(fields: Partial<Contact>): Contact {
  const base: Partial<Contact> = {
    id: '6f1c2e0a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
    ownerId: 'u-1',
    ownerName: 'Анна',
    sharedWith: [],
    surname: 'Коваль',
    givenName: 'Олена',
    patronymic: null,
    companyName: null,
    address: null,
    source: null,
    notes: null,
    phones: [],
    emails: [],
    messengers: {},
    tags: [],
    createdAt: '2026-01-02T03:04:05.000Z',
    createdBy: 'u-1',
    updatedAt: '2026-01-02T03:04:05.000Z',
    updatedBy: 'u-1',
    deletedAt: null,
    deletedBy: null,
  };
  // A test fixture: fields other features add to Contact later are irrelevant to the file format.
  return { ...base, ...fields } as Contact;
}

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, ends rows with CRLF and keeps Cyrillic and apostrophes', () => {
    const csv = contactsToCsv(
      [contact({ surname: 'Мʼясоїд', givenName: 'Ґанна', patronymic: 'Андріївна' })],
      'uk',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]?.slice(0, 3)).toEqual(['Прізвище', 'Ім’я', 'По батькові']);
    expect(rows[1]?.slice(0, 3)).toEqual(['Мʼясоїд', 'Ґанна', 'Андріївна']);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(contactsToCsv([], 'en').slice(1)).toMatch(/^Surname,Given name,/);
  });

  it('keeps quotes, commas, newlines and all three apostrophes inside one cell', () => {
    const notes = 'Сказав: "передзвоніть", завтра\r\nабо в п’ятницю\nО\'Коннор ʼ ’ \'';
    const rows = parseCsv(
      contactsToCsv([contact({ notes, companyName: 'ТОВ "Ромашка"' })], 'en').slice(1),
    );
    expect(rows).toHaveLength(2);
    const header = rows[0] ?? [];
    expect(rows[1]?.[header.indexOf('Notes')]).toBe(notes);
    expect(rows[1]?.[header.indexOf('Company')]).toBe('ТОВ "Ромашка"');
  });

  it('never lets a cell start a formula', () => {
    for (const bad of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const cell = csvField(bad);
      const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(value.startsWith("'")).toBe(true);
      expect(value.slice(1)).toBe(bad);
    }
    expect(csvField('Коваль')).toBe('Коваль');
    const rows = parseCsv(
      contactsToCsv(
        [contact({ surname: '=cmd|/c calc', phones: [{ e164: '+380671234567' }] })],
        'en',
      ).slice(1),
    );
    const header = rows[0] ?? [];
    expect(rows[1]?.[header.indexOf('Surname')]).toBe("'=cmd|/c calc");
    expect(rows[1]?.[header.indexOf('Phones')]).toBe("'+380671234567");
  });
});

describe('vCard export', () => {
  it('writes one 4.0 card per contact with escaped values', () => {
    const card = contactsToVcard([
      contact({
        surname: 'Шевчук; Іван',
        givenName: 'Тарас,молодший',
        patronymic: 'Григорович',
        companyName: 'ТОВ "Мʼята"',
        position: 'Директор, засновник',
        phones: [{ e164: '+380671234567', label: 'робочий' }],
        emails: ['taras@example.com'],
        notes: 'рядок 1\nрядок 2\\ кінець',
        tags: ['VIP', 'опт, роздріб'],
        messengers: { telegram: '@taras' },
      }),
      contact({ id: '00000000-0000-4000-8000-000000000002', surname: 'Бойко' }),
    ]);
    expect(card.match(/BEGIN:VCARD\r\nVERSION:4\.0\r\n/g)).toHaveLength(2);
    expect(card.match(/END:VCARD\r\n/g)).toHaveLength(2);
    const unfolded = card.replace(/\r\n /g, '');
    expect(unfolded).toContain('N:Шевчук\\; Іван;Тарас\\,молодший;Григорович;;\r\n');
    expect(unfolded).toContain('FN:Тарас\\,молодший Григорович Шевчук\\; Іван\r\n');
    expect(unfolded).toContain('TITLE:Директор\\, засновник\r\n');
    expect(unfolded).toContain('TEL;VALUE=uri:tel:+380671234567\r\n');
    expect(unfolded).toContain('NOTE:рядок 1\\nрядок 2\\\\ кінець\r\n');
    expect(unfolded).toContain('CATEGORIES:VIP,опт\\, роздріб\r\n');
    expect(unfolded).toContain('IMPP:https://t.me/taras\r\n');
    // A newline in a value can never start a property of its own.
    expect(unfolded.split('\r\n').filter(l => l.startsWith('рядок'))).toEqual([]);
  });

  it('folds long lines at 75 octets without splitting a Cyrillic letter', () => {
    const line = `NOTE:${vcardText('Дуже довга нотатка про клієнта. '.repeat(8))}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every(p => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });
});

describe('export files, byte for byte', () => {
  const full = contact({
    surname: 'Шевчук',
    givenName: 'Тарас',
    patronymic: 'Григорович',
    companyName: 'ТОВ "Мʼята"',
    position: 'Директор, засновник',
    address: 'Київ,\nвул. Хрещатик, 1',
    source: 'виставка',
    notes: 'рядок 1\nрядок 2',
    phones: [{ e164: '+380671234567', label: 'робочий' }, { e164: '+380501112233' }],
    emails: ['taras@example.com', 't@example.org'],
    messengers: { telegram: '@taras', viber: '+380671234567', whatsapp: '+380671234567' },
    tags: ['VIP', 'опт'],
    updatedAt: '2026-02-03T04:05:06.000Z',
  });

  it('writes the CSV header row and a row in this exact column order', () => {
    const row =
      'Шевчук,Тарас,Григорович,"ТОВ ""Мʼята""","Директор, засновник",' +
      "'+380671234567 (робочий); +380501112233,taras@example.com; t@example.org," +
      "'@taras,'+380671234567,'+380671234567," +
      '"Київ,\nвул. Хрещатик, 1",виставка,' +
      'VIP; опт,"рядок 1\nрядок 2",Анна,2026-01-02T03:04:05.000Z,2026-02-03T04:05:06.000Z,' +
      '6f1c2e0a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
    expect(contactsToCsv([full], 'uk')).toBe(
      '\uFEFFПрізвище,Ім’я,По батькові,Компанія,Посада,Телефони,Ел. пошта,Telegram,Viber,' +
        'WhatsApp,Адреса,Джерело,Мітки,Нотатки,Відповідальний,Створено,Змінено,Ідентифікатор\r\n' +
        `${row}\r\n`,
    );
    expect(contactsToCsv([full], 'en')).toBe(
      '\uFEFFSurname,Given name,Patronymic,Company,Job title,Phones,E-mails,Telegram,Viber,' +
        'WhatsApp,Address,Source,Tags,Notes,Owner,Created,Updated,Id\r\n' +
        `${row}\r\n`,
    );
  });

  it('writes the vCard properties in this exact order', () => {
    expect(contactsToVcard([full])).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:6f1c2e0a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
        'FN:Тарас Григорович Шевчук',
        'N:Шевчук;Тарас;Григорович;;',
        'ORG:ТОВ "Мʼята"',
        'TITLE:Директор\\, засновник',
        'TEL;VALUE=uri:tel:+380671234567',
        'TEL;VALUE=uri:tel:+380501112233',
        'EMAIL:taras@example.com',
        'EMAIL:t@example.org',
        'ADR:;;Київ\\,\\nвул. Хрещатик\\, 1;;;;',
        'IMPP:https://t.me/taras',
        'IMPP;X-SERVICE-TYPE=Viber:viber://chat?number=%2B380671234567',
        'IMPP;X-SERVICE-TYPE=WhatsApp:https://wa.me/380671234567',
        'CATEGORIES:VIP,опт',
        'NOTE:рядок 1\\nрядок 2',
        'X-ZAMOK-SOURCE:виставка',
        'REV:20260203T040506Z',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });
});
