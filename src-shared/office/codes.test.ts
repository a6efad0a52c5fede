/** The enrolment codes of the sync panel: the server's code (with its fingerprint) and invitations. */
import { describe, expect, it } from 'vitest';
import { inviteCodeText, ownerCodeText, parseOfficeCode } from './codes';

const FP = 'AB:CD:'.repeat(16).slice(0, 95);
const HEX = FP.replace(/:/g, '');
const BOX = 'q'.repeat(42) + 'Q=';

describe('office enrolment codes', () => {
  it('reads the server code with and without a fingerprint, in any case and spacing', () => {
    expect(parseOfficeCode('abcde-fghjk-mnpqr-stuvw-xyz23')).toEqual({
      kind: 'owner',
      code: 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23',
      fingerprint: null,
    });
    const text = ownerCodeText('ABCDE-FGHJK-MNPQR-STUVW-XYZ23', FP);
    expect(text).toBe(`ABCDE-FGHJK-MNPQR-STUVW-XYZ23.${HEX}`);
    expect(parseOfficeCode(` ${text.slice(0, 20)}\n${text.slice(20)} `)).toMatchObject({
      kind: 'owner',
      fingerprint: HEX,
    });
  });

  it('round-trips an invitation and refuses anything else', () => {
    const invite = 'i'.repeat(32);
    const text = inviteCodeText({ invite, boxKey: BOX, fingerprint: FP });
    expect(parseOfficeCode(text)).toEqual({
      kind: 'invite',
      invite,
      boxKey: 'q'.repeat(42) + 'Q',
      fingerprint: HEX,
    });
    const loopback = inviteCodeText({ invite, boxKey: BOX, fingerprint: null });
    expect(parseOfficeCode(loopback)).toMatchObject({ kind: 'invite', fingerprint: null });
    for (const bad of [
      '',
      'hello',
      'ABCDE-FGHJK',
      `ABCDE-FGHJK-MNPQR-STUVW-XYZ23.${HEX.slice(2)}`,
      `ABCDE-FGHJK-MNPQR-STUVW-XYZ23.${HEX}.x`,
      `ZI1.${invite.slice(1)}.${'q'.repeat(43)}.`,
      `ZI1.${invite}.${'q'.repeat(43)}.zz`,
    ]) {
      expect(parseOfficeCode(bad)).toBeNull();
    }
  });
});
