import { describe, expect, it } from 'vitest';
import { encodeUtf16le, tempFiles } from './fixtures.test-support';
import { openImportFile } from './read';
import { VCARD_HEADERS } from './vcard';

const files = tempFiles();

/** `text` as quoted-printable UTF-8 bytes, as Android writes names. */
function qp(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map(b => `=${b.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

async function cards(path: string): Promise<Record<string, string>[]> {
  const table = await openImportFile(path);
  expect(table.format).toBe('vcard');
  const out: Record<string, string>[] = [];
  for await (const row of table.rows())
    out.push(Object.fromEntries(VCARD_HEADERS.map((h, i) => [h, row[i] ?? ''])));
  return out;
}

describe('vCard', () => {
  it('reads an Android vCard 2.1 export: QP Cyrillic with soft line breaks, several TEL/EMAIL', async () => {
    const family = qp('Шевченко');
    const given = qp('Тарас');
    const middle = qp('Григорович');
    const full = qp('Тарас Григорович Шевченко');
    // Android folds long QP values with a soft break ("=" at the end of the line).
    const fn = `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${full.slice(0, 60)}=\r\n${full.slice(60)}`;
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${family};${given};${middle};;`,
      fn,
      'TEL;CELL:+380671234567',
      'TEL;HOME:044 123 45 67',
      'EMAIL;HOME:taras@example.com',
      'EMAIL;WORK:t.shevchenko@example.org',
      `ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('Кобзар')}`,
      'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkS',
      ' Ew8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgN',
      '',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('Українка')};${qp('Леся')};;;`,
      'TEL;CELL;PREF:0501234567',
      'END:VCARD',
      '',
    ].join('\r\n');
    const [first, second] = await cards(files.file('android.vcf', text));
    expect(first).toMatchObject({
      'N:family': 'Шевченко',
      'N:given': 'Тарас',
      'N:middle': 'Григорович',
      FN: 'Тарас Григорович Шевченко',
      TEL: '+380671234567\n044 123 45 67',
      EMAIL: 'taras@example.com\nt.shevchenko@example.org',
      ORG: 'Кобзар',
    });
    expect(second).toMatchObject({ 'N:family': 'Українка', 'N:given': 'Леся', TEL: '0501234567' });
  });

  it('reads an iOS vCard 3.0: folded lines, grouped TEL, escapes, UTF-8', async () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//Apple Inc.//iPhone OS 17.0//EN',
      'N:Косач;Лариса;Петрівна;;',
      'FN:Лариса Петрівна Косач',
      'ORG:ТОВ «Лісова пісня»;Відділ',
      'TITLE:Поетеса',
      'item1.TEL;type=pref:+380 67 765 43 21',
      'item1.X-ABLabel:Робочий',
      'TEL;type=CELL;type=VOICE:(050) 123-45-67',
      'EMAIL;type=INTERNET;type=HOME:lesya@example.com',
      'NOTE:Перший рядок\\nдругий\\, з комою і довгий текст який iOS згорнув у два ',
      ' рядки',
      'ADR;type=HOME:;;вул. Хрещатик\\, 1;Київ;;01001;Україна',
      'END:VCARD',
    ].join('\n');
    const [card] = await cards(files.file('ios.vcf', text));
    expect(card).toMatchObject({
      'N:family': 'Косач',
      'N:given': 'Лариса',
      'N:middle': 'Петрівна',
      ORG: 'ТОВ «Лісова пісня»',
      TITLE: 'Поетеса',
      TEL: '+380 67 765 43 21\n(050) 123-45-67',
      EMAIL: 'lesya@example.com',
      NOTE: 'Перший рядок\nдругий, з комою і довгий текст який iOS згорнув у два рядки',
      ADR: 'вул. Хрещатик, 1, Київ, 01001, Україна',
    });
  });

  it('reads vCard 4.0 tel: URIs and CATEGORIES', async () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'N:Франко;Іван;;;',
      'TEL;VALUE=uri;TYPE="cell,voice":tel:+380671112233',
      'CATEGORIES:клієнт,VIP',
      'END:VCARD',
    ].join('\r\n');
    const [card] = await cards(files.file('v4.vcf', text));
    expect(card).toMatchObject({ TEL: '+380671112233', CATEGORIES: 'клієнт\nVIP' });
  });

  it('reads a UTF-16LE vCard (with a byte-order mark)', async () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Франко;Іван;Якович;;\r\nTEL:0671112233\r\nEND:VCARD\r\n';
    const [card] = await cards(files.file('utf16.vcf', encodeUtf16le(text)));
    expect(card).toMatchObject({ 'N:family': 'Франко', 'N:middle': 'Якович', TEL: '0671112233' });
  });

  it('refuses a file whose last card is cut off', async () => {
    const card = 'BEGIN:VCARD\nVERSION:3.0\nN:Франко;Іван;;;\n';
    const path = files.file('cut.vcf', `${card}END:VCARD\n${card}`);
    const rows = (await openImportFile(path)).rows();
    expect((await rows.next()).value).toContain('Франко');
    await expect(rows.next()).rejects.toMatchObject({ details: { reason: 'vcard_invalid' } });
  });
});
