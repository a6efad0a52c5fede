/**
 * The monthly review as a document (PDF) and as table rows (CSV, screen): the same column names in
 * Ukrainian and English. Times are shown in the review's time zone.
 */
import type { MonthlyReview } from '../ipc/reports';
import { zonedParts } from '../time/zoned';
import type { ReportDocument } from './document';
import { roleName } from './permission-names';

interface ReviewText {
  title(month: string): string;
  generated(at: string, timeZone: string, coverage: 'all' | 'team'): string;
  summaryHeading: string;
  summaryColumns: string[];
  recordsHeading: string;
  recordsColumns: string[];
  features: Record<string, string>;
  noActivity: string;
  systemAlerts(n: number): string;
  dismissed: string;
}

const TEXT: Readonly<Record<'uk' | 'en', ReviewText>> = {
  uk: {
    title: month => `Щомісячний огляд активності: ${monthName(month, 'uk')}`,
    generated: (at, tz, coverage) =>
      `Сформовано ${at}; час — ${tz}; охоплено: ${coverage === 'all' ? 'усіх працівників' : 'вашу команду'}.`,
    summaryHeading: 'Входи та дії працівників',
    summaryColumns: [
      'Працівник',
      'Логін',
      'Роль',
      'Входів',
      'Перший вхід',
      'Останній вхід',
      'Пристрої',
      'Невдалих входів',
      'Створено',
      'Змінено',
      'Видалено',
      'Вивантажено',
      'Сповіщень виникло',
      'Сповіщень переглянуто',
    ],
    recordsHeading: 'Записи за типами',
    recordsColumns: ['Працівник', 'Вид записів', 'Створено', 'Змінено', 'Видалено', 'Вивантажено'],
    features: { contacts: 'Контакти', companies: 'Компанії', deals: 'Угоди' },
    noActivity: 'За цей місяць дій із записами не було.',
    systemAlerts: n => `Сповіщень без конкретного працівника (система, невдалі входи): ${n}.`,
    dismissed: 'звільнено',
  },
  en: {
    title: month => `Monthly activity review for ${monthName(month, 'en')}`,
    generated: (at, tz, coverage) =>
      `Generated ${at}; times in ${tz}; covers ${coverage === 'all' ? 'all staff' : 'your team'}.`,
    summaryHeading: 'Sign-ins and actions per person',
    summaryColumns: [
      'Person',
      'Login',
      'Role',
      'Sign-ins',
      'First sign-in',
      'Last sign-in',
      'Devices',
      'Failed sign-ins',
      'Created',
      'Changed',
      'Deleted',
      'Exported',
      'Alerts raised',
      'Alerts acknowledged',
    ],
    recordsHeading: 'Records by type',
    recordsColumns: ['Person', 'Kind of record', 'Created', 'Changed', 'Deleted', 'Exported'],
    features: { contacts: 'Contacts', companies: 'Companies', deals: 'Deals' },
    noActivity: 'No record changes this month.',
    systemAlerts: n => `Alerts not tied to a person (system, failed sign-ins): ${n}.`,
    dismissed: 'dismissed',
  },
};

/**
 * `2026-12` → "грудень 2026" / "December 2026": the month's own (nominative) name in the document's
 * language, not the system's; anything else is returned as it is.
 */
export function monthName(month: string, lang: 'uk' | 'en'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const name = new Intl.DateTimeFormat(lang === 'uk' ? 'uk-UA' : 'en-GB', {
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
  return `${name} ${match[1]}`;
}

/** An ISO time as `YYYY-MM-DD HH:MM` in `timeZone` (empty for null). */
export function formatInZone(iso: string | null, timeZone: string): string {
  if (iso === null) return '';
  const t = zonedParts(iso, timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}`;
}

/** The summary table: one row per person (the CSV has exactly these columns). */
export function reviewSummaryTable(
  review: MonthlyReview,
  lang: 'uk' | 'en',
): { columns: string[]; rows: string[][] } {
  const t = TEXT[lang];
  return {
    columns: t.summaryColumns,
    rows: review.users.map(u => [
      u.status === 'dismissed' ? `${u.displayName} (${t.dismissed})` : u.displayName,
      u.login,
      roleName(lang, { id: u.role, name: u.role }),
      String(u.signIns),
      formatInZone(u.firstSignInAt, review.timeZone),
      formatInZone(u.lastSignInAt, review.timeZone),
      u.devices.join(' '),
      String(u.failedSignIns),
      String(u.totals.created),
      String(u.totals.changed),
      String(u.totals.deleted),
      String(u.totals.exported),
      String(u.alertsRaised),
      String(u.alertsAcknowledged),
    ]),
  };
}

/** The name of a kind of record (`contacts` → `Контакти`), or the feature id. */
export function featureName(lang: 'uk' | 'en', feature: string): string {
  return TEXT[lang].features[feature] ?? feature;
}

/** The review as a document in `lang`, headed by the office's name when it has one. */
export function reviewDocument(
  review: MonthlyReview,
  lang: 'uk' | 'en',
  officeName = '',
): ReportDocument {
  const t = TEXT[lang];
  const office = officeName.trim();
  const recordRows = review.users.flatMap(u =>
    u.records.map(r => [
      u.displayName,
      featureName(lang, r.feature),
      String(r.created),
      String(r.changed),
      String(r.deleted),
      String(r.exported),
    ]),
  );
  return {
    lang,
    title: t.title(review.month),
    subtitle: [
      // The office's name (office settings) heads the review, when the office has one.
      ...(office ? [office] : []),
      t.generated(
        formatInZone(review.generatedAt, review.timeZone),
        review.timeZone,
        review.coverage,
      ),
    ],
    sections: [
      {
        heading: t.summaryHeading,
        paragraphs: review.coverage === 'all' ? [t.systemAlerts(review.systemAlerts)] : [],
        table: reviewSummaryTable(review, lang),
      },
      recordRows.length > 0
        ? { heading: t.recordsHeading, table: { columns: t.recordsColumns, rows: recordRows } }
        : { heading: t.recordsHeading, paragraphs: [t.noActivity] },
    ],
  };
}
