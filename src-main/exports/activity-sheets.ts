/**
 * The export tables of deals and activities: the rows the viewer's scope reaches (in SQL), live
 * records only. A deal carries its contact's and company's names as the deal page shows them. An
 * activity names its contact, company and deal only where the caller's own read grant of that
 * record type reaches the record (a scoped subquery; otherwise the cell is empty), as a timeline
 * would.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ActivityKind } from '../../src-shared/activities';
import type { Scope } from '../../src-shared/permissions';
import { dealQuery } from '../crm/deals/repository';
import { inScope, ownerScopeSql, type ScopeOwner, type Viewer } from '../crm/record/viewer';
import type { Database } from '../vault/schema';
import { RECORD_COLUMNS, amongIds, recordCells } from './contact-sheets';
import type { Cell, Column, ExportTable } from './table';

const DEAL_COLUMNS: readonly Column[] = [
  { uk: 'Назва', en: 'Title' },
  { uk: 'Сума', en: 'Amount' },
  { uk: 'Валюта', en: 'Currency' },
  { uk: 'Воронка', en: 'Pipeline' },
  { uk: 'Етап', en: 'Stage' },
  { uk: 'Ймовірність, %', en: 'Probability, %' },
  { uk: 'Очікуване закриття', en: 'Expected close' },
  { uk: 'Контакт', en: 'Contact' },
  { uk: 'Компанія', en: 'Company' },
  { uk: 'Закрито', en: 'Closed' },
  { uk: 'Причина програшу', en: 'Lost reason' },
  { uk: 'Нотатки', en: 'Notes' },
  ...Object.values(RECORD_COLUMNS),
];

/** The deals table of the live deals in the viewer's scope, newest first. */
export async function dealsTable(
  db: Kysely<Database>,
  viewer: Viewer,
  ids?: readonly string[],
): Promise<ExportTable> {
  const rows = await dealQuery(db)
    .innerJoin('pipelines', 'pipelines.id', 'deals.pipeline_id')
    .select('pipelines.name as pipeline_name')
    .where(inScope('deals', viewer))
    .where(amongIds('deals.id', ids))
    .where('deals.deleted_at', 'is', null)
    .orderBy('deals.created_at', 'desc')
    .orderBy('deals.id')
    .execute();
  return {
    sheet: { uk: 'Угоди', en: 'Deals' },
    columns: DEAL_COLUMNS,
    rows: rows.map(d => [
      d.title,
      { minor: d.amount_minor },
      d.currency,
      d.pipeline_name,
      d.stage_name,
      String(d.probability),
      d.expected_close === null ? null : { day: d.expected_close },
      d.contact_name,
      d.company_name,
      d.closed_at === null ? null : { at: d.closed_at },
      d.lost_reason,
      d.notes,
      ...recordCells({
        ownerName: d.owner_name,
        createdAt: d.created_at,
        updatedAt: d.updated_at,
        id: d.id,
      }),
    ]),
  };
}

/** Activity kinds as the export names them. */
const KIND_NAMES: Record<ActivityKind, Column> = {
  call: { uk: 'Дзвінок', en: 'Call' },
  meeting: { uk: 'Зустріч', en: 'Meeting' },
  message: { uk: 'Повідомлення', en: 'Message' },
  email: { uk: 'Лист', en: 'E-mail' },
  note: { uk: 'Нотатка', en: 'Note' },
  task: { uk: 'Задача', en: 'Task' },
};

const ACTIVITY_COLUMNS: readonly Column[] = [
  { uk: 'Тип', en: 'Type' },
  { uk: 'Тема', en: 'Subject' },
  { uk: 'Опис', en: 'Description' },
  { uk: 'Коли', en: 'When' },
  { uk: 'Термін', en: 'Due' },
  { uk: 'Виконано', en: 'Done' },
  { uk: 'Контакт', en: 'Contact' },
  { uk: 'Компанія', en: 'Company' },
  { uk: 'Угода', en: 'Deal' },
  ...Object.values(RECORD_COLUMNS),
];

/** The read scopes of the records an activity names (absent: that name is never shown). */
export interface LinkScopes {
  contact?: Scope | undefined;
  company?: Scope | undefined;
  deal?: Scope | undefined;
}

const NONE = sql<string | null>`NULL`;

function contactName(who: ScopeOwner, scope: Scope | undefined): RawBuilder<string | null> {
  if (scope === undefined) return NONE;
  const shared =
    scope === 'all'
      ? sql`0`
      : sql`contacts.id IN (SELECT contact_id FROM contact_shares WHERE user_id = ${who.userId})`;
  return sql<
    string | null
  >`(SELECT trim(contacts.given_name || ' ' || contacts.surname) FROM contacts WHERE contacts.id = activities.contact_id AND contacts.deleted_at IS NULL AND (${ownerScopeSql('contacts.owner_id', who, scope)} OR ${shared}))`;
}

function companyName(who: ScopeOwner, scope: Scope | undefined): RawBuilder<string | null> {
  if (scope === undefined) return NONE;
  return sql<
    string | null
  >`(SELECT companies.name FROM companies WHERE companies.id = activities.company_id AND companies.deleted_at IS NULL AND ${ownerScopeSql('companies.owner_id', who, scope)})`;
}

function dealTitle(who: ScopeOwner, scope: Scope | undefined): RawBuilder<string | null> {
  if (scope === undefined) return NONE;
  return sql<
    string | null
  >`(SELECT deals.title FROM deals WHERE deals.id = activities.deal_id AND deals.deleted_at IS NULL AND ${ownerScopeSql('deals.owner_id', who, scope)})`;
}

/** The activities table of the live activities in the viewer's scope, newest first. */
export async function activitiesTable(
  db: Kysely<Database>,
  viewer: Viewer,
  links: LinkScopes,
  locale: 'uk' | 'en',
  ids?: readonly string[],
): Promise<ExportTable> {
  const rows = await db
    .selectFrom('activities')
    .innerJoin('users', 'users.id', 'activities.owner_id')
    .selectAll('activities')
    .select([
      'users.display_name as owner_name',
      contactName(viewer, links.contact).as('contact_name'),
      companyName(viewer, links.company).as('company_name'),
      dealTitle(viewer, links.deal).as('deal_title'),
    ])
    .where(inScope('activities', viewer))
    .where(amongIds('activities.id', ids))
    .where('activities.deleted_at', 'is', null)
    .orderBy('activities.occurred_at', 'desc')
    .orderBy('activities.id')
    .execute();
  const at = (iso: string | null): Cell => (iso === null ? null : { at: iso });
  return {
    sheet: { uk: 'Активності', en: 'Activities' },
    columns: ACTIVITY_COLUMNS,
    rows: rows.map(a => [
      KIND_NAMES[a.kind][locale],
      a.subject,
      a.body,
      at(a.occurred_at),
      at(a.due_at),
      at(a.done_at),
      a.contact_name,
      a.company_name,
      a.deal_title,
      ...recordCells({
        ownerName: a.owner_name,
        createdAt: a.created_at,
        updatedAt: a.updated_at,
        id: a.id,
      }),
    ]),
  };
}
