/**
 * Test support (never imported by app code): the text of an uncompressed pdfkit PDF, so tests can
 * check what a reader would see. Embedded fonts write glyph ids, not characters; each font's
 * ToUnicode map turns them back. One line per text operation (a wrapped paragraph spans lines).
 */

import { inflateSync } from 'node:zlib';

function parseCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string): number => parseInt(h, 16);
  const chars = (h: string): string => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of (block[1] ?? '').split('\n')) {
      const arr = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[(.*)\]/i.exec(line);
      if (arr) {
        const start = hex(arr[1] ?? '0');
        [...(arr[3] ?? '').matchAll(/<([0-9a-f]+)>/gi)].forEach((m, i) =>
          map.set(start + i, chars(m[1] ?? '')),
        );
        continue;
      }
      const seq = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*<([0-9a-f]+)>/i.exec(line);
      if (seq) {
        const start = hex(seq[1] ?? '0');
        const end = hex(seq[2] ?? '0');
        const base = hex(seq[3] ?? '0');
        for (let g = start; g <= end; g++) map.set(g, String.fromCodePoint(base + g - start));
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) {
      map.set(hex(m[1] ?? '0'), chars(m[2] ?? ''));
    }
  }
  return map;
}

/**
 * `pdf` with every Flate-compressed stream inflated in place, so {@link pdfText} reads a PDF as the
 * app writes it (compressed), e.g. one a `reports.*Pdf` channel answered.
 */
export function inflatePdf(pdf: Buffer): Buffer {
  const source = pdf.toString('latin1');
  const out = source.replace(
    /(\/Filter \/FlateDecode[\s\S]*?>>\s*stream\r?\n)([\s\S]*?)(\r?\nendstream)/g,
    (_all, head: string, body: string, tail: string) =>
      head + inflateSync(Buffer.from(body, 'latin1')).toString('latin1') + tail,
  );
  return Buffer.from(out, 'latin1');
}

/** The text of `pdf` (written with `compress: false`, or passed through {@link inflatePdf}). */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    objects.set(m[1] ?? '', m[2] ?? '');
  }
  const utf8 = (s: string): string => Buffer.from(s, 'latin1').toString('utf8');
  // Font resource name → glyph map (pdfkit names fonts once per document).
  const fonts = new Map<string, Map<number, string>>();
  for (const body of objects.values()) {
    for (const m of body.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(m[2] ?? '') ?? '';
      const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(font);
      if (cmapRef) fonts.set(m[1] ?? '', parseCmap(utf8(objects.get(cmapRef[1] ?? '') ?? '')));
    }
  }
  const lines: string[] = [];
  let current = new Map<number, string>();
  for (const m of source.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/gi)) {
    if (m[1]) {
      current = fonts.get(m[1]) ?? new Map();
      continue;
    }
    const glyphs = [...(m[2] ?? '').matchAll(/<([0-9a-f]*)>/gi)].flatMap(h =>
      (h[1]?.match(/.{4}/g) ?? []).map(g => current.get(parseInt(g, 16)) ?? '?'),
    );
    lines.push(glyphs.join(''));
  }
  return lines.join('\n');
}
