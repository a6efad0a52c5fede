import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { alertValues } from '../security/alert-values';
import { detailCodeText, fieldChanges, moneyText } from './audit-format';

const uk = createI18n('uk').t;
const en = createI18n('en').t;

describe('codes in words', () => {
  it('an alert names the action and the role in the interface language, not by id', () => {
    const role = alertValues(uk, { role: 'administrator', action: 'roles.update' });
    expect(uk('alerts.privileged_grant.body', role)).toBe('Роль: Адміністратор системи.');
    const backup = alertValues(uk, { action: 'backup.run', error: 'internal' });
    expect(uk('alerts.backup_failed.body', backup)).toBe(
      'Дія «Резервне копіювання за розкладом» завершилася помилкою.',
    );
    const report = alertValues(en, { action: 'reports.review_pdf', records: 3 });
    expect(en('alerts.security_change.body', report)).toContain('Monthly review saved (PDF)');
  });

  it('an audit detail reads a role, an action or an error code in words', () => {
    expect(detailCodeText(uk, 'role', 'manager')).toBe('Менеджер');
    expect(detailCodeText(uk, 'action', 'auth.sign_in')).toBe('Вхід');
    expect(detailCodeText(uk, 'error', 'forbidden')).toMatch(/немає дозволу/);
    expect(detailCodeText(uk, 'count', 3)).toBeNull();
  });

  it('amounts read as money with grouping, in the currency the entry names', () => {
    expect(moneyText(1250050, 'uk', 'UAH')).toBe('12\u00a0500,50\u00a0₴');
    expect(moneyText(1250000, 'uk')).toBe('12\u00a0500');
    expect(moneyText(1250000, 'en', 'USD')).toBe('$12,500');
    expect(moneyText(1000, 'uk', 'EUR')).toBe('10\u00a0€');
    expect(moneyText(1250050, 'en', 'UAH')).toBe('₴12,500.50');
    const changes = fieldChanges(
      uk,
      {
        changes: {
          amountMinor: { before: 100000, after: 1250000 },
          currency: { before: 'UAH', after: 'UAH' },
        },
      },
      { language: 'uk' },
    );
    expect(changes[0]).toMatchObject({
      label: 'Сума',
      before: '1\u00a0000\u00a0₴',
      after: '12\u00a0500\u00a0₴',
    });
  });
});
