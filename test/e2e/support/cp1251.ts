/**
 * A byte-exact Windows-1251 encoder for e2e fixtures (no dependency: iconv-lite is only a
 * transitive package here). ASCII passes through; Ukrainian and Russian letters map by the table.
 */
const EXTRA: Record<string, number> = {
  Ё: 0xa8, ё: 0xb8, Є: 0xaa, є: 0xba, І: 0xb2, і: 0xb3, Ї: 0xaf, ї: 0xbf, Ґ: 0xa5, ґ: 0xb4,
  '’': 0x92, '«': 0xab, '»': 0xbb, '№': 0xb9,
}; // prettier-ignore

/** The Windows-1251 bytes of `text`; throws on a character the code page lacks. */
export function encodeCp1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else {
      const byte = EXTRA[ch];
      if (byte === undefined) throw new Error(`no Windows-1251 byte for U+${code.toString(16)}`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}
