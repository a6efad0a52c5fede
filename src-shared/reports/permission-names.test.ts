import { describe, expect, it } from 'vitest';
import { adminEn, adminUk } from '../../src-renderer/screens/admin/i18n';
import { en as shellEn } from '../../src-renderer/i18n/en';
import { uk as shellUk } from '../../src-renderer/i18n/uk';
import { PERMISSIONS, ROLES } from '../permissions';
import { BUILT_IN_ROLE_NAMES, PERMISSION_NAMES, permissionName } from './permission-names';

/** `{contacts: {read: '…'}}` → `{'contacts.read': '…'}` */
function flatten(tree: Record<string, Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([feature, calls]) =>
      Object.entries(calls).map(([call, text]) => [`${feature}.${call}`, text]),
    ),
  );
}

describe('permission names in documents', () => {
  it('say what the admin screen says, in both languages', () => {
    for (const [lang, admin] of [
      ['uk', adminUk],
      ['en', adminEn],
    ] as const) {
      const screen = flatten(admin.permissions as Record<string, Record<string, string>>);
      for (const [permission, text] of Object.entries(PERMISSION_NAMES[lang])) {
        if (screen[permission] !== undefined) expect(text, permission).toBe(screen[permission]);
      }
    }
  });

  it('name every permission and built-in role', () => {
    for (const p of PERMISSIONS) {
      expect(permissionName('uk', p), p).not.toBe(p);
      expect(permissionName('en', p), p).not.toBe(p);
    }
    for (const r of ROLES) {
      expect(BUILT_IN_ROLE_NAMES.uk[r]).toBe(shellUk.shell.roles[r]);
      expect(BUILT_IN_ROLE_NAMES.en[r]).toBe(shellEn.shell.roles[r]);
    }
  });
});
