/**
 * The processing register as a printable {@link ReportDocument} (Ukrainian or English): one row per
 * active purpose. Main writes it as a PDF with the access regulation's layout (src-main/reports/pdf).
 */
import type { ReportDocument } from '../reports/document';
import { GROUND_LABELS, type PrivacyLang } from './labels';
import type { Purpose } from './types';

const WORDS = {
  uk: {
    title: 'Реєстр операцій з обробки персональних даних',
    generated: 'Сформовано',
    purposes: 'Мети обробки',
    columns: [
      'Мета',
      'Правова підстава',
      'Категорії даних',
      'Строк зберігання',
      'Одержувачі',
      'Високий ризик',
    ],
    months: 'міс.',
    yes: 'так',
    no: 'ні',
    none: 'Мети обробки ще не внесено.',
    notes: 'Примітки',
    bullets: [
      'Правові підстави — ст. 11 Закону України «Про захист персональних даних» № 2297-VI.',
      'Про обробку, що становить особливий ризик, володілець повідомляє Уповноваженого Верховної Ради України з прав людини протягом 30 робочих днів.',
      'Дані не зберігаються довше, ніж потрібно для мети обробки (ст. 6).',
    ],
  },
  en: {
    title: 'Register of personal data processing',
    generated: 'Generated',
    purposes: 'Processing purposes',
    columns: ['Purpose', 'Legal ground', 'Data categories', 'Retention', 'Recipients', 'High risk'],
    months: 'months',
    yes: 'yes',
    no: 'no',
    none: 'No purposes have been entered yet.',
    notes: 'Notes',
    bullets: [
      'Legal grounds: Art. 11 of the Law of Ukraine “On Personal Data Protection” No. 2297-VI.',
      'The controller notifies the Ombudsman of high-risk processing within 30 working days.',
      'Data is kept no longer than its purpose needs (Art. 6).',
    ],
  },
} as const;

/** The register of `purposes` (archived ones left out) in `lang`, generated at `now`. */
export function registerDocument(
  purposes: Purpose[],
  lang: PrivacyLang,
  now: Date,
): ReportDocument {
  const w = WORDS[lang];
  const active = purposes.filter(p => p.archivedAt === null);
  const retention = (p: Purpose) =>
    [p.retentionMonths !== null ? `${p.retentionMonths} ${w.months}` : '', p.retentionText]
      .filter(Boolean)
      .join('; ');
  return {
    lang,
    title: w.title,
    subtitle: [`${w.generated}: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`],
    sections: [
      active.length === 0
        ? { heading: w.purposes, paragraphs: [w.none] }
        : {
            heading: w.purposes,
            table: {
              columns: [...w.columns],
              rows: active.map(p => [
                p.name,
                GROUND_LABELS[lang][p.ground],
                p.categories.join(', '),
                retention(p),
                p.recipients,
                p.highRisk ? w.yes : w.no,
              ]),
            },
          },
      { heading: w.notes, bullets: [...w.bullets] },
    ],
  };
}
