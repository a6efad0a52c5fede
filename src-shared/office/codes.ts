/**
 * The enrolment codes a person types or pastes into the office sync panel (no zod: the renderer
 * decides with it which permission the call needs, main parses it again).
 *
 * - The first owner device's code, as `zamok office serve` prints it: 25 characters in groups of
 *   five, then, on HTTPS, `.` and the certificate's SHA-256 fingerprint (64 hex digits).
 * - A colleague's code from an owner device: `ZI1.<invitation>.<owner device box key>.<fingerprint>`
 *   (base64url invitation and key; the fingerprint is empty for a loopback test server).
 */

/** A parsed enrolment code. */
export type OfficeCode =
  | { kind: 'owner'; code: string; fingerprint: string | null }
  | { kind: 'invite'; invite: string; boxKey: string; fingerprint: string | null };

const INVITE_PREFIX = 'ZI1';
const FINGERPRINT = /^[0-9A-F]{64}$/;

function fingerprintOf(text: string | undefined): string | null | undefined {
  if (text === undefined || text === '') return null;
  const hex = text.replace(/:/g, '').toUpperCase();
  return FINGERPRINT.test(hex) ? hex : undefined;
}

/** Parses an enrolment code (spaces and line breaks dropped); null when it is none of the two. */
export function parseOfficeCode(text: string): OfficeCode | null {
  const parts = text.replace(/\s+/g, '').split('.');
  if (parts[0] === INVITE_PREFIX) {
    const [, invite = '', boxKey = '', fingerprint, ...rest] = parts;
    const fp = fingerprintOf(fingerprint);
    if (rest.length > 0 || fp === undefined) return null;
    if (!/^[A-Za-z0-9_-]{32}$/.test(invite) || !/^[A-Za-z0-9_-]{43}$/.test(boxKey)) return null;
    return { kind: 'invite', invite, boxKey, fingerprint: fp };
  }
  const [code = '', fingerprint, ...rest] = parts;
  const fp = fingerprintOf(fingerprint);
  const letters = code.toUpperCase().replace(/-/g, '');
  if (rest.length > 0 || fp === undefined || !/^[A-Z0-9]{25}$/.test(letters)) return null;
  return { kind: 'owner', code: code.toUpperCase(), fingerprint: fp };
}

/** The code an owner device hands a colleague (`boxKey` as standard or url-safe base64). */
export function inviteCodeText(o: {
  invite: string;
  boxKey: string;
  fingerprint: string | null;
}): string {
  const boxKey = o.boxKey.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const fingerprint = o.fingerprint ? o.fingerprint.replace(/:/g, '').toUpperCase() : '';
  return [INVITE_PREFIX, o.invite, boxKey, fingerprint].join('.');
}

/** The first owner device's code with the fingerprint (as `zamok office serve` prints it). */
export function ownerCodeText(code: string, fingerprint: string | null): string {
  return fingerprint ? `${code}.${fingerprint.replace(/:/g, '').toUpperCase()}` : code;
}
