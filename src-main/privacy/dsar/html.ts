/**
 * The subject export's readable page (index.html in the ZIP): every section of {@link SubjectData}
 * as headings and tables, in Ukrainian (or English). Every value is escaped; no scripts, no links
 * out, so the page opens safely from the ZIP in any browser.
 */
import {
  CHANNEL_LABELS,
  GROUND_LABELS,
  type PrivacyLang,
} from '../../../src-shared/privacy/labels';
import type { SubjectAuditEntry, SubjectData } from './collect';

const WORDS = {
  uk: {
    title: 'Відомості про персональні дані',
    intro:
      'Усе, що офіс зберігає про вас у Zamok, станом на {at}. Відповідь на запит суб’єкта персональних даних (ст. 8 Закону № 2297-VI).',
    fields: 'Дані картки',
    consents: 'Згоди та правові підстави',
    objection: 'Заперечення проти обробки',
    notes: 'Нотатки',
    activities: 'Дзвінки, зустрічі, листи та завдання',
    deals: 'Угоди',
    documents: 'Документи (файли в папці documents)',
    shares: 'З ким поділилися карткою',
    exports: 'Вивантаження та копії',
    audit: 'Журнал дій щодо вас',
    requests: 'Ваші запити',
    none: 'Немає.',
    yes: 'так, з {at}',
    withdrawn: 'відкликано {at}',
    active: 'чинна',
    cols: {
      consent: ['Мета', 'Підстава', 'Як отримано', 'Коли', 'Стан'],
      activity: ['Коли', 'Вид', 'Тема', 'Текст', 'Відповідальний'],
      deal: ['Угода', 'Сума', 'Відповідальний', 'Створено'],
      document: ['Файл', 'Тип', 'Розмір, байт', 'Додано'],
      share: ['Працівник', 'Коли'],
      audit: ['Коли', 'Хто', 'Дія', 'Результат'],
      request: ['Вид', 'Отримано', 'Строк', 'Стан'],
    },
  },
  en: {
    title: 'Your personal data',
    intro:
      'Everything the office keeps about you in Zamok, as of {at}. An answer to a data subject access request (Art. 8 of Law No. 2297-VI).',
    fields: 'Card fields',
    consents: 'Consents and legal grounds',
    objection: 'Objection to processing',
    notes: 'Notes',
    activities: 'Calls, meetings, messages and tasks',
    deals: 'Deals',
    documents: 'Documents (files in the documents folder)',
    shares: 'Who the card was shared with',
    exports: 'Exports and copies',
    audit: 'Audit log entries about you',
    requests: 'Your requests',
    none: 'None.',
    yes: 'yes, since {at}',
    withdrawn: 'withdrawn {at}',
    active: 'in force',
    cols: {
      consent: ['Purpose', 'Ground', 'Obtained by', 'When', 'State'],
      activity: ['When', 'Kind', 'Subject', 'Text', 'Responsible'],
      deal: ['Deal', 'Amount', 'Responsible', 'Created'],
      document: ['File', 'Type', 'Size, bytes', 'Added'],
      share: ['Staff member', 'When'],
      audit: ['When', 'Who', 'Action', 'Outcome'],
      request: ['Kind', 'Received', 'Due', 'State'],
    },
  },
} as const;

/** HTML-escapes a value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

function table(columns: readonly string[], rows: unknown[][], none: string): string {
  if (rows.length === 0) return `<p>${escapeHtml(none)}</p>`;
  const head = columns.map(c => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map(r => `<tr>${r.map(cell => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function fieldValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value
      .map(v => (typeof v === 'object' && v !== null ? Object.values(v).join(' ') : v))
      .join(', ');
  }
  if (typeof value === 'object' && value !== null) return Object.values(value).join(' ');
  return String(value ?? '');
}

const auditRows = (entries: SubjectAuditEntry[]) =>
  entries.map(e => [day(e.at), e.userLogin ?? '', e.action, e.outcome]);

/** The readable page of a subject export. */
export function subjectHtml(data: SubjectData, lang: PrivacyLang): string {
  const w = WORDS[lang];
  const c = data.contact;
  const fields = Object.entries(c).filter(
    ([key, value]) =>
      !['id', 'ownerId', 'createdBy', 'updatedBy', 'deletedBy', 'companyId'].includes(key) &&
      value !== null &&
      !(Array.isArray(value) && value.length === 0),
  );
  const section = (heading: string, content: string) =>
    `<section><h2>${escapeHtml(heading)}</h2>\n${content}</section>`;
  const activityRows = (list: SubjectData['notes']) =>
    list.map(a => [day(a.occurredAt), a.kind, a.subject, a.body ?? '', a.ownerName]);
  const name = [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(`${w.title}: ${name}`)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}</style></head>
<body>
<h1>${escapeHtml(w.title)}: ${escapeHtml(name)}</h1>
<p>${escapeHtml(w.intro.replace('{at}', day(data.generatedAt)))}</p>
${section(
  w.fields,
  table(
    ['', ''],
    fields.map(([k, v]) => [k, fieldValue(v)]),
    w.none,
  ),
)}
${section(
  w.consents,
  table(
    w.cols.consent,
    data.consents.flatMap(g =>
      g.records.map(r => [
        g.purpose,
        GROUND_LABELS[lang][r.ground],
        CHANNEL_LABELS[lang][r.channel],
        day(r.obtainedAt),
        r.withdrawnAt ? w.withdrawn.replace('{at}', day(r.withdrawnAt)) : w.active,
      ]),
    ),
    w.none,
  ),
)}
${section(w.objection, `<p>${escapeHtml(data.objection ? w.yes.replace('{at}', day(data.objection.objectedAt)) : w.none)}</p>`)}
${section(w.notes, table(w.cols.activity, activityRows(data.notes), w.none))}
${section(w.activities, table(w.cols.activity, activityRows(data.activities), w.none))}
${section(
  w.deals,
  table(
    w.cols.deal,
    data.deals.map(d => [
      d.title,
      `${(d.amountMinor / 100).toFixed(2)} ${d.currency}`,
      d.ownerName,
      day(d.createdAt),
    ]),
    w.none,
  ),
)}
${section(
  w.documents,
  table(
    w.cols.document,
    data.documents.map(d => [d.path ?? d.fileName, d.mimeType, d.size, day(d.createdAt)]),
    w.none,
  ),
)}
${section(
  w.shares,
  table(
    w.cols.share,
    data.shares.map(s => [s.userName, day(s.grantedAt)]),
    w.none,
  ),
)}
${section(w.exports, table(w.cols.audit, auditRows(data.exports), w.none))}
${section(w.audit, table(w.cols.audit, auditRows(data.audit), w.none))}
${section(
  w.requests,
  table(
    w.cols.request,
    data.requests.map(r => [r.kind, day(r.receivedAt), day(r.dueAt), r.status]),
    w.none,
  ),
)}
</body>
</html>
`;
}
