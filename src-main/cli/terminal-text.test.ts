/**
 * The CLI's one sanitiser: escape sequences, stray controls and bidi controls never reach the
 * terminal in human output; JSON keeps the data, escaped.
 */
import { describe, expect, it } from 'vitest';
import { terminalJson, terminalSafe } from './terminal-text';

const ESC = '\u001b';

describe('terminal-safe CLI output', () => {
  it('drops escape sequences (CSI, OSC hyperlinks and titles, C1), controls and bidi controls', () => {
    expect(terminalSafe(`ТОВ ${ESC}[2J${ESC}[31mЯблуко${ESC}[0m`)).toBe('ТОВ Яблуко');
    expect(terminalSafe(`${ESC}]0;pwned${'\u0007'}Назва`)).toBe('Назва');
    expect(terminalSafe(`${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe(
      'click',
    );
    expect(terminalSafe('a\u009b2Jb\u0007c\bd')).toBe('abcd');
    expect(terminalSafe('оплачено\r НЕ оплачено')).toBe('оплачено НЕ оплачено');
    expect(terminalSafe('invoice\u202Efdp.exe \u2066x\u2069\u200F')).toBe('invoicefdp.exe x');
    // Line breaks, tabs, CRLF and ordinary text (Cyrillic, emoji, apostrophes) stay.
    expect(terminalSafe('Мар’яна\t🎂\r\nрядок 2\n')).toBe('Мар’яна\t🎂\r\nрядок 2\n');
  });

  it('JSON escapes what a terminal would act on and parses back to the same data', () => {
    const value = { name: `A${ESC}[2J\u202Eb\u0085`, n: 1 };
    const text = terminalJson(value);
    for (const c of [ESC, '\u202e', '\u0085']) expect(text).not.toContain(c);
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(value);
  });
});
