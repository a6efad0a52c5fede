import { describe, expect, it } from 'vitest';
import { ALERT_RULES } from '../ipc/alerts';
import { FINDING_IDS } from '../ipc/security';
import { guardMessage, guardMessages } from './messages';

/** Fix variants the security check uses (src-main/guard/check). */
const VARIANTS: Record<string, string[]> = {
  privileged_count: ['fix_many', 'fix_single'],
  update_certificate: ['fix_unknown'],
  disk_encryption: ['fix_none'],
};

describe('guard messages', () => {
  it('every alert rule and finding has a title, a reason and a fix in Ukrainian and English', () => {
    for (const locale of ['uk', 'en']) {
      for (const rule of Object.keys(ALERT_RULES)) {
        for (const part of ['title', 'body']) {
          expect(guardMessage(locale, `alerts.${rule}.${part}`)).not.toBe(`alerts.${rule}.${part}`);
        }
      }
      for (const id of FINDING_IDS) {
        for (const part of ['title', 'why', 'fix', ...(VARIANTS[id] ?? [])]) {
          const key = `security.${id}.${part}`;
          expect(guardMessage(locale, key), key).not.toBe(key);
        }
      }
    }
    expect(guardMessages.uk.security.backup_never.title).not.toBe(
      guardMessages.en.security.backup_never.title,
    );
  });

  it('fills placeholders from details and leaves unknown keys as they are', () => {
    expect(guardMessage('en', 'alerts.mass_delete.body', { records: 21 })).toBe(
      'One user deleted 21 records in a short time.',
    );
    expect(
      guardMessage('uk', 'alerts.vault_files_changed.body', {
        files: ['keyring.json', 'zamok.db'],
      }),
    ).toContain('keyring.json, zamok.db');
    expect(guardMessage('en', 'security.nothing.title')).toBe('security.nothing.title');
  });
});
