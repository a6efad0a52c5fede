/**
 * What the CLI prints is safe for a terminal. Record text comes from other people (a colleague's
 * contact, an imported file): an escape sequence in it could clear the screen, retitle the window,
 * plant a hyperlink or rewrite earlier lines; a bare carriage return overwrites the line; bidi
 * controls (U+202A–202E, U+2066–2069, …) make text read differently than it is. Every printer of
 * the CLI (`printResult`, error lines, CSV to stdout) passes through this one module.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte ESC sequences, and their C1 forms.
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u009c]*[\u0007\u009c]?/gu;
// C0 and C1 controls except tab and line feed; a carriage return only when a line feed follows.
// eslint-disable-next-line no-control-regex -- finding control characters is this module's purpose
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/gu;
/** Bidirectional formatting characters (embeddings, overrides, isolates, marks). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with terminal escape sequences, other control characters and bidi controls removed. */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(BIDI, '');
}

// JSON.stringify escapes C0 controls itself; DEL, C1 and bidi controls it leaves raw.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * `value` as indented JSON that shows the same in a terminal as it means: the characters a terminal
 * would act on are written as `\uXXXX` escapes, so the data is unchanged for a program reading it.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_UNSAFE,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
