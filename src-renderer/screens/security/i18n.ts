/**
 * Interface text of the security check and the alert centre (Ukrainian first). Merged under
 * `security` next to the finding texts (`security.<finding>.*` from src-shared/guard/messages.ts),
 * so the keys here must not be finding ids.
 */
import * as devices from './devices-i18n';
import * as exportApproval from './export-approval-i18n';
import type { Strings } from '../../i18n/types';

export const uk = {
  devices: devices.uk,
  exportApproval: exportApproval.uk,
  screen: {
    title: 'Перевірка безпеки',
    intro:
      'Перевіряє облікові записи, ролі, резервні копії, журнал аудиту й цей комп’ютер. Кожна знахідка каже, чому це важливо і що зробити.',
    run: 'Перевірити зараз',
    runHint: 'Ctrl+Enter — перевірити',
    running: 'Перевіряємо…',
    never: 'Перевірку ще не запускали в цьому сеансі. Натисніть «Перевірити зараз».',
    checkedAt: 'Перевірено {{date}}, версія {{version}}',
    passed: 'Серйозних проблем немає.',
    failed: 'Серйозних проблем: {{count}}. Почніть із них.',
    noFindings: 'Усе гаразд: знахідок немає.',
    why: 'Чому це важливо',
    fix: 'Що зробити',
    details: 'Подробиці',
    open: 'Відкрити розділ',
    severities: {
      high: 'Серйозно',
      medium: 'Середньо',
      low: 'Незначно',
      info: 'Довідка',
    },
  },
  alertCentre: {
    bell: 'Сповіщення',
    bellUnread: 'Сповіщення: непрочитаних {{count}}',
    title: 'Сповіщення безпеки',
    loading: 'Завантажуємо сповіщення…',
    empty: 'Сповіщень немає. Тут з’являтимуться підозрілі дії та проблеми з копіями.',
    unreadOnly: 'Лише непрочитані',
    acknowledge: 'Прочитано',
    acknowledged: 'Прочитано {{date}}',
    occurrences: 'Разів: {{count}}',
    at: 'Востаннє {{date}}',
    checkDue: 'Час запустити перевірку безпеки.',
    openCheck: 'Відкрити перевірку',
    close: 'Закрити',
    retry: 'Спробувати ще раз',
  },
} as const;

/** English, with exactly the same keys. */
export const en: Strings<typeof uk> = {
  devices: devices.en,
  exportApproval: exportApproval.en,
  screen: {
    title: 'Security check',
    intro:
      'Checks accounts, roles, backups, the audit log and this computer. Each finding says why it matters and what to do.',
    run: 'Check now',
    runHint: 'Ctrl+Enter — run the check',
    running: 'Checking…',
    never: 'The check has not run in this session yet. Press “Check now”.',
    checkedAt: 'Checked {{date}}, version {{version}}',
    passed: 'No serious problems.',
    failed: 'Serious problems: {{count}}. Start with those.',
    noFindings: 'All good: nothing found.',
    why: 'Why it matters',
    fix: 'What to do',
    details: 'Details',
    open: 'Open the section',
    severities: {
      high: 'High',
      medium: 'Medium',
      low: 'Low',
      info: 'Info',
    },
  },
  alertCentre: {
    bell: 'Alerts',
    bellUnread: 'Alerts: {{count}} unread',
    title: 'Security alerts',
    loading: 'Loading the alerts…',
    empty: 'No alerts. Suspicious actions and backup problems will show up here.',
    unreadOnly: 'Unread only',
    acknowledge: 'Acknowledge',
    acknowledged: 'Acknowledged {{date}}',
    occurrences: 'Times: {{count}}',
    at: 'Last {{date}}',
    checkDue: 'Time to run the security check.',
    openCheck: 'Open the check',
    close: 'Close',
    retry: 'Try again',
  },
};
