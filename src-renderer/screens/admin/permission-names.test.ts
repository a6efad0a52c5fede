/**
 * The report documents' permission and role names (src-shared/reports/permission-names.ts, which main
 * renders into PDFs) say exactly what the admin screen says. Lives here: shared code never imports
 * the renderer, but a renderer test may read both.
 */
import { describe, expect, it } from 'vitest';
import { en as adminEn, uk as adminUk } from './i18n';
import { en as shellEn, uk as shellUk } from '../../shell/i18n';
import { companiesContract } from '../../../src-shared/ipc/companies';
import { ROLES } from '../../../src-shared/permissions';
import {
  BUILT_IN_ROLE_NAMES,
  PERMISSION_NAMES,
} from '../../../src-shared/reports/permission-names';

/** `{contacts: {read: '…'}}` → `{'contacts.read': '…'}` */
function flatten(tree: Record<string, Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([feature, calls]) =>
      Object.entries(calls).map(([call, text]) => [`${feature}.${call}`, text]),
    ),
  );
}

describe('permission names in documents', () => {
  it('say what the admin screen says, in both languages, for every permission it names', () => {
    for (const [lang, admin] of [
      ['uk', adminUk],
      ['en', adminEn],
    ] as const) {
      const screen = flatten(admin.permissions as Record<string, Record<string, string>>);
      for (const [permission, text] of Object.entries(screen)) {
        // A new permission named on the admin screen needs the same name here, for the PDF.
        expect(PERMISSION_NAMES[lang][permission], `${lang} ${permission}`).toBe(text);
      }
    }
  });

  it('name what a grant really allows: contacts.restore restores companies too', () => {
    // companies.restore is guarded by the contacts.restore grant: its name must say so.
    expect(companiesContract.restore.permission).toBe('contacts.restore');
    expect(adminUk.permissions.contacts.restore).toBe('Відновлювати видалені контакти й компанії');
    expect(adminEn.permissions.contacts.restore).toBe('Restore deleted contacts and companies');
    expect(PERMISSION_NAMES.uk['contacts.restore']).toBe(adminUk.permissions.contacts.restore);
    expect(PERMISSION_NAMES.en['contacts.restore']).toBe(adminEn.permissions.contacts.restore);
  });

  it('name every built-in role as the shell does', () => {
    for (const r of ROLES) {
      expect(BUILT_IN_ROLE_NAMES.uk[r]).toBe(shellUk.roles[r]);
      expect(BUILT_IN_ROLE_NAMES.en[r]).toBe(shellEn.roles[r]);
    }
  });
});
