/**
 * The CRM volumes of issue 7 (scale): companies, deals and activities next to the office's contacts
 * (by default 20k companies, 50k deals, 1M activities for 100k contacts: ratios 1/5, 1/2, ×10 of the
 * contact count, so `--contacts` and `--quick` scale them all). Rows go in with prepared statements,
 * one transaction per 10 000 rows, with the search triggers off; the migrations' backfill then
 * indexes them in one pass (bench/search-backfill.ts: the same index rows, many times sooner).
 * Deterministic (seeded) Ukrainian text.
 */
import { newRecordId } from '../../src-main/crm/record-id';
import type Database from 'better-sqlite3-multiple-ciphers';
import { companySortKey } from '../../src-shared/companies/sort-key';
import { collationText } from '../../src-shared/contacts';
import { seededRandom } from '../names';
import { withBulkSearchIndexing } from '../search-backfill';

/** Rows per transaction. */
export const BATCH_ROWS = 10_000;

/** How many records of each kind go with `contacts` contacts. */
export function volumesFor(contacts: number): {
  companies: number;
  deals: number;
  activities: number;
} {
  return {
    companies: Math.round(contacts / 5),
    deals: Math.round(contacts / 2),
    activities: contacts * 10,
  };
}

const COMPANY_WORDS = [
  'Агро',
  'Буд',
  'Світанок',
  'Техно',
  'Зерно',
  'Дніпро',
  'Карпати',
  'Майстер',
  'Ліс',
  'Сервіс',
  'Трейд',
  'Полісся',
];
const FORMS = ['ТОВ', 'ФОП', 'ПП', 'АТ'];
const DEAL_WORDS = [
  'Поставка',
  'Монтаж',
  'Ремонт',
  'Оренда',
  'Консультація',
  'Навчання',
  'Обслуговування',
  'Проєкт',
];
const OBJECTS = [
  'обладнання',
  'котла',
  'даху',
  'вікон',
  'складу',
  'техніки',
  'меблів',
  'сервера',
  'насосів',
];
const KINDS = ['call', 'meeting', 'message', 'email', 'note'] as const;
const SUBJECTS = ['Дзвінок', 'Зустріч', 'Лист', 'Нотатка', 'Повідомлення', 'Нагадування'];
const BODY_WORDS = [
  'обговорили',
  'знижку',
  'рахунок',
  'доставку',
  "пам'ятати",
  'договір',
  'оплату',
  'графік',
  'клієнт',
  'просив',
  'передзвонити',
  'у',
  'понеділок',
  'після',
  'обіду',
  'ціна',
  'погодили',
];

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;
const digits = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

/** Runs `count` inserts in transactions of {@link BATCH_ROWS}; `row(i)` runs one statement. */
export function inBatches(
  sqlite: Database.Database,
  count: number,
  row: (i: number) => void,
): void {
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) row(i);
  });
  for (let from = 0; from < count; from += BATCH_ROWS)
    batch(from, Math.min(count, from + BATCH_ROWS));
}

/** Prepared inserts for each kind (the same text runs on the vault and on a plain copy). */
export function volumeStatements(sqlite: Database.Database) {
  return {
    company: sqlite.prepare(
      `INSERT INTO companies (id, owner_id, name, edrpou, phones, notes, sort_key, search_text,
         created_at, created_by, updated_at, updated_by)
       VALUES (@id, @owner, @name, @edrpou, @phones, @notes, @sort_key, '', @at, @owner, @at, @owner)`,
    ),
    deal: sqlite.prepare(
      `INSERT INTO deals (id, owner_id, title, amount_minor, pipeline_id, stage_id, probability,
         contact_id, notes, sort_key, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @owner, @title, @amount, 'pipeline-default', 'stage-new', 10, @contact, @notes,
         @sort_key, @at, @owner, @at, @owner)`,
    ),
    activity: sqlite.prepare(
      `INSERT INTO activities (id, owner_id, kind, subject, body, occurred_at, contact_id,
         created_at, created_by, updated_at, updated_by)
       VALUES (@id, @owner, @kind, @subject, @body, @at, @contact, @at, @owner, @at, @owner)`,
    ),
  };
}

/** One generated row of each kind, for owner `owner` and (deals, activities) contact `contact`. */
export function volumeRows(random: () => number) {
  const at = () => new Date(Date.now() - Math.floor(random() * 3 * 365 * 86_400_000)).toISOString();
  return {
    company(owner: string, i: number) {
      const name = `${pick(random, FORMS)} «${pick(random, COMPANY_WORDS)}${pick(random, COMPANY_WORDS).toLowerCase()} ${i}»`;
      return {
        id: newRecordId(),
        owner,
        name,
        edrpou: digits(random, 8),
        phones: JSON.stringify([{ e164: `+38067${digits(random, 7)}` }]),
        notes: null,
        sort_key: companySortKey(name),
        at: at(),
      };
    },
    deal(owner: string, contact: string | null) {
      const title = `${pick(random, DEAL_WORDS)} ${pick(random, OBJECTS)}`;
      return {
        id: newRecordId(),
        owner,
        title,
        amount: Math.floor(random() * 10_000_000),
        contact,
        notes: null,
        sort_key: collationText(title),
        at: at(),
      };
    },
    activity(owner: string, contact: string) {
      const words = Array.from({ length: 6 + Math.floor(random() * 12) }, () =>
        pick(random, BODY_WORDS),
      );
      return {
        id: newRecordId(),
        owner,
        kind: pick(random, KINDS),
        subject: `${pick(random, SUBJECTS)} ${pick(random, OBJECTS)}`,
        body: words.join(' '),
        contact,
        at: at(),
      };
    },
  };
}

/** What was generated, for the report. */
export interface Volumes {
  companies: number;
  deals: number;
  activities: number;
  ms: number;
}

/**
 * Adds the volumes for `contactIds.length` contacts, owned round-robin by `ownerIds` (a deal or an
 * activity belongs to the owner of its contact, as in a real office).
 */
export function generateVolumes(
  sqlite: Database.Database,
  ownerIds: readonly string[],
  contactIds: readonly string[],
  seed = 7,
): Volumes {
  const started = Date.now();
  const n = volumesFor(contactIds.length);
  const st = volumeStatements(sqlite);
  const rows = volumeRows(seededRandom(seed));
  const ownerOf = (i: number) => ownerIds[i % ownerIds.length] as string;
  // Contacts were inserted round-robin over the same owners: contact i belongs to ownerOf(i).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -262144');
  try {
    withBulkSearchIndexing(sqlite, ['companies', 'deals', 'activities'], () => {
      inBatches(sqlite, n.companies, i => st.company.run(rows.company(ownerOf(i), i)));
      inBatches(sqlite, n.deals, i => {
        const c = i % contactIds.length;
        st.deal.run(rows.deal(ownerOf(c), contactIds[c] ?? null));
      });
      inBatches(sqlite, n.activities, i => {
        const c = i % contactIds.length;
        st.activity.run(rows.activity(ownerOf(c), contactIds[c] as string));
      });
    });
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return { ...n, ms: Date.now() - started };
}
