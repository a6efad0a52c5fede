import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { groupInFours } from '../../components/TotpEnrollmentView';
import { recoveryKitText } from './recovery-kit';

const kit = {
  vaultId: 'b7f3c2e1-4a5d-4c8e-9f10-2a3b4c5d6e7f',
  login: 'olena',
  recoveryKey: 'ZMK1-7Q4M-XK2P-9WZR-3HFD-T6NB-KV8C-2JYE',
  recoveryCodes: Array.from({ length: 10 }, (_, i) => `ABCD-EFG${i}-JKMN`),
};

describe('recovery kit file', () => {
  it('holds the key, all ten codes numbered, the vault and the login, in Ukrainian', () => {
    const i18n = createI18n('uk');
    const text = recoveryKitText(i18n.t, kit, new Date('2026-11-29T10:00:00Z'), 'uk');
    expect(text).toContain('Zamok — набір відновлення');
    expect(text).toContain(kit.recoveryKey);
    expect(text).toContain(kit.vaultId);
    expect(text).toContain('Логін власника: olena');
    for (const [index, code] of kit.recoveryCodes.entries()) {
      expect(text).toContain(`${String(index + 1).padStart(2, ' ')}. ${code}`);
    }
    // Windows Notepad line ends, no stray LF-only lines.
    expect(text.split('\r\n').length).toBeGreaterThan(15);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('is written in English when the interface is English', () => {
    const i18n = createI18n('en');
    const text = recoveryKitText(i18n.t, kit, new Date('2026-11-29T10:00:00Z'), 'en');
    expect(text).toContain('Zamok — recovery kit');
    expect(text).toContain('Owner login: olena');
    expect(text).not.toMatch(/[а-яіїєґ]/i);
  });
});

describe('groupInFours', () => {
  it('splits a Base32 secret into groups of four for typing by hand', () => {
    expect(groupInFours('JBSWY3DPEHPK3PXPJB')).toBe('JBSW Y3DP EHPK 3PXP JB');
    expect(groupInFours(' JBSW Y3DP ')).toBe('JBSW Y3DP');
    expect(groupInFours('')).toBe('');
  });
});
