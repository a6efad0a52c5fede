/**
 * The breach register as a printable {@link ReportDocument} (the PDF) and as the table its CSV is
 * written from, so the two never differ.
 */
import type { ReportDocument, ReportTable } from '../reports/document';
import type { PrivacyLang } from './labels';
import type { Breach, BreachStatus } from './types';

const WORDS = {
  uk: {
    title: 'Реєстр порушень безпеки персональних даних',
    generated: 'Сформовано',
    incidents: 'Інциденти',
    none: 'Інцидентів не зареєстровано.',
    columns: [
      'Інцидент',
      'Виявлено',
      'Строк повідомлення (72 год)',
      'Стан',
      'Категорії даних',
      'Суб’єктів',
      'Записів',
      'Вжиті заходи',
      'Повідомлено',
    ],
    status: { open: 'відкритий', notified: 'повідомлено', closed: 'закритий' },
    note: 'Проєкт закону № 8153: про порушення повідомляють Уповноваженого протягом 72 годин після виявлення.',
  },
  en: {
    title: 'Personal data breach register',
    generated: 'Generated',
    incidents: 'Incidents',
    none: 'No incidents recorded.',
    columns: [
      'Incident',
      'Detected',
      'Notify by (72 h)',
      'Status',
      'Data categories',
      'Subjects',
      'Records',
      'Actions taken',
      'Notified',
    ],
    status: { open: 'open', notified: 'notified', closed: 'closed' },
    note: 'Draft law No. 8153: a breach is notified to the Ombudsman within 72 hours of its detection.',
  },
} as const;

// Both languages name every status.
WORDS satisfies Record<PrivacyLang, { status: Record<BreachStatus, string> }>;

const time = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '');

/** The incidents as one table (CSV and PDF). */
export function breachTable(breaches: Breach[], lang: PrivacyLang): ReportTable {
  const w = WORDS[lang];
  return {
    columns: [...w.columns],
    rows: breaches.map(b => [
      b.title,
      time(b.detectedAt),
      time(b.deadlineAt),
      w.status[b.status],
      b.categories.join(', '),
      String(b.subjectsCount),
      String(b.recordsCount),
      b.actions,
      time(b.notifiedAt),
    ]),
  };
}

/** The breach register document in `lang`, generated at `now`. */
export function breachDocument(breaches: Breach[], lang: PrivacyLang, now: Date): ReportDocument {
  const w = WORDS[lang];
  return {
    lang,
    title: w.title,
    subtitle: [`${w.generated}: ${time(now.toISOString())}`],
    sections: [
      breaches.length === 0
        ? { heading: w.incidents, paragraphs: [w.none] }
        : { heading: w.incidents, table: breachTable(breaches, lang) },
      { heading: '', paragraphs: [w.note] },
    ],
  };
}
