/**
 * Type sniffing: what a user's file is decided by its bytes. A renamed executable or HTML page is
 * refused whatever its name says; real formats are recognised whatever their name says.
 */
import { describe, expect, it } from 'vitest';
import { isDocumentError } from './errors';
import { DOCUMENT_EXTENSIONS, DOCUMENT_MIME_TYPES, nameForType, sniffMimeType } from './sniff';
import { TINY_PDF, TINY_PNG } from './documents.test-support';

function zip(firstEntry: string, contents = ''): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(firstEntry.length, 26);
  return Buffer.concat([header, Buffer.from(firstEntry + contents, 'latin1'), Buffer.alloc(16)]);
}

function reason(first: Buffer, name: string): string {
  try {
    sniffMimeType(first, name);
  } catch (err) {
    if (isDocumentError(err)) return err.reason;
    throw err;
  }
  return 'accepted';
}

describe('sniffMimeType', () => {
  it('recognises PDF, images and office formats from their bytes, not their names', () => {
    expect(sniffMimeType(TINY_PDF, 'scan.png')).toBe('application/pdf');
    expect(sniffMimeType(TINY_PNG, 'договір.pdf')).toBe('image/png');
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'x')).toBe('image/jpeg');
    expect(sniffMimeType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'), 'x')).toBe('image/webp');
    expect(sniffMimeType(Buffer.from('GIF89a....', 'latin1'), 'x')).toBe('image/gif');
    expect(sniffMimeType(zip('mimetype', 'application/vnd.oasis.opendocument.text'), 'a')).toBe(
      'application/vnd.oasis.opendocument.text',
    );
    expect(sniffMimeType(zip('[Content_Types].xml', '....word/document.xml'), 'a.bin')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMimeType(zip('[Content_Types].xml', '....xl/workbook.xml'), 'a')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(sniffMimeType(ole, 'Звіт.XLS')).toBe('application/vnd.ms-excel');
    expect(sniffMimeType(ole, 'лист.doc')).toBe('application/msword');
    expect(sniffMimeType(Buffer.from('Прізвище;Телефон\r\nКоваль;+380\r\n'), 'к.csv')).toBe(
      'text/csv',
    );
    expect(sniffMimeType(Buffer.from([0xcf, 0xf0, 0xb3, 0x0d, 0x0a]), 'cp1251.txt')).toBe(
      'text/plain',
    );
  });

  it('refuses executables, archives, HTML and empty files, whatever the name', () => {
    expect(reason(Buffer.from('MZ\x90\0\x03', 'latin1'), 'рахунок.pdf')).toBe('type_not_allowed');
    expect(reason(Buffer.from('\x7fELF\x02\x01', 'latin1'), 'a.txt')).toBe('type_not_allowed');
    expect(reason(zip('evil.exe'), 'a.docx')).toBe('type_not_allowed');
    expect(reason(Buffer.from('<html><script>', 'latin1'), 'page.html')).toBe('type_not_allowed');
    expect(reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.msi')).toBe(
      'type_not_allowed',
    );
    expect(reason(Buffer.alloc(0), 'a.pdf')).toBe('empty');
  });
});

describe('names fitted to the sniffed type', () => {
  it('keeps a right extension (any case, any of the type’s), replaces a wrong one, adds a missing one', () => {
    expect(nameForType('скан.PNG', 'image/png')).toBe('скан.PNG');
    expect(nameForType('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(nameForType('scan.exe', 'image/png')).toBe('scan.png');
    expect(nameForType('рахунок.bat', 'application/pdf')).toBe('рахунок.pdf');
    expect(nameForType('page.html', 'application/pdf')).toBe('page.pdf');
    expect(nameForType('Dr. Smith', 'application/pdf')).toBe('Dr. Smith.pdf');
    expect(nameForType('.exe', 'image/png')).toBe('document.png');
  });

  it('every allowed type has an extension that sniffing gives the type back for', () => {
    for (const type of DOCUMENT_MIME_TYPES)
      expect(DOCUMENT_EXTENSIONS[type].length).toBeGreaterThan(0);
    expect(sniffMimeType(TINY_PDF, nameForType('x.bat', 'application/pdf'))).toBe(
      'application/pdf',
    );
    expect(sniffMimeType(Buffer.from('a,b\n'), nameForType('x.exe', 'text/csv'))).toBe('text/csv');
  });

  it('stays within 255 UTF-16 units and never ends on half a surrogate pair', () => {
    const long = `${'я'.repeat(250)}😀😀.exe`; // the cut falls inside the first 😀
    const name = nameForType(long, 'image/png');
    expect(name.length).toBeLessThanOrEqual(255);
    expect(name.endsWith('.png')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });

  it('without a type keeps only document extensions, and drops bidi controls', () => {
    expect(nameForType('договір.pdf', null)).toBe('договір.pdf');
    expect(nameForType('scan.exe', null)).toBe('scan');
    expect(nameForType('a.bat', null)).toBe('a');
    expect(nameForType('.exe', null)).toBe('document');
    expect(nameForType('scan\u202Egnp.exe', 'image/png')).toBe('scangnp.png');
  });
});
