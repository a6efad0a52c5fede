/**
 * The translation walk: every audit action (each channel's and main's own), every alert kind and
 * every reason code the contracts declare must read as words in both languages, never as the raw
 * key or an untranslated copy of the English.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/ipc';
import { ALERT_RULES } from '../../src-shared/ipc/alerts';
import { AUDIT_BREAK_REASONS } from '../../src-shared/ipc/audit';
import { auditActions } from '../../src-shared/ipc/audit-actions';
import { BACKUP_ERROR_REASONS, BACKUP_WARNINGS } from '../../src-shared/ipc/backup';
import { ERROR_CODES } from '../../src-shared/ipc/contract';
import { ACCESS_CONFLICTS } from '../../src-shared/ipc/devices';
import { OFFICE_ROLES } from '../../src-shared/office/contracts';
import { PASSWORD_ISSUES } from '../../src-shared/policy/password';
import { catalogues } from './index';

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, part) ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The text without what stays Latin in Ukrainian: placeholders, file names, command-line flags and
 * the product's name. What is left must not hold an English word (a raw id, a backend sentence).
 */
function withoutNames(text: string): string {
  return text
    .replace(/\{\{[\w.]+\}\}/g, '')
    .replace(/[\w-]+\.(json|db)\b/g, '')
    .replace(/--[\w-]+/g, '')
    .replace(/\bZamok\b/g, '');
}

/** Every key the walk needs, by what it words. */
function walkKeys(): Record<string, string[]> {
  return {
    auditActions: auditActions(contract).map(action => `admin.actions.${action}`),
    alerts: Object.keys(ALERT_RULES).flatMap(rule => [
      `alerts.${rule}.title`,
      `alerts.${rule}.body`,
    ]),
    errorCodes: ERROR_CODES.map(code => `errors.${code}`),
    backupReasons: BACKUP_ERROR_REASONS.map(reason => `backups.errors.${reason}`),
    backupWarnings: BACKUP_WARNINGS.map(w => `backups.destinations.warnings.${w}`),
    auditBreaks: AUDIT_BREAK_REASONS.map(reason => `admin.audit.brokenReason.${reason}`),
    accessConflicts: ACCESS_CONFLICTS.map(reason => `security.devices.conflicts.${reason}`),
    passwordIssues: PASSWORD_ISSUES.map(issue => `password.${issue}`),
    roles: OFFICE_ROLES.map(role => `shell.roles.${role}`),
  };
}

describe('translation walk', () => {
  it('words every audit action, alert kind and reason code in Ukrainian and English', () => {
    const problems: string[] = [];
    for (const [group, keys] of Object.entries(walkKeys())) {
      expect(keys.length, group).toBeGreaterThan(0);
      for (const key of keys) {
        const ukText = lookup(catalogues.uk, key);
        const enText = lookup(catalogues.en, key);
        if (!ukText || ukText === key) problems.push(`uk missing ${key}`);
        if (!enText || enText === key) problems.push(`en missing ${key}`);
        if (ukText && ukText === enText) problems.push(`uk is the English text: ${key}`);
        if (ukText && /[A-Za-z]{4,}/.test(withoutNames(ukText))) {
          problems.push(`uk has Latin words: ${key}: ${ukText}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('walks every channel of the contract', () => {
    const actions = walkKeys().auditActions ?? [];
    expect(actions).toContain('admin.actions.backup.run');
    expect(actions).toContain('admin.actions.reports.review_pdf');
    expect(actions.length).toBeGreaterThan(80);
  });
});
