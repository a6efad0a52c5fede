/**
 * What a deals import looks up by name, loaded once per run: pipelines and their stages (by name,
 * case aside), the users the importer may give deals to (by login or display name), and the
 * contacts and companies the importer may link a deal to — found by phone, e-mail, ЄДРПОУ /
 * РНОКПП or exact name, **within the importer's own read scope only** (the same scope the deal
 * form's `checkLinks` applies), so a row can never link to, or reveal, another team's client.
 * Kept in memory for one import: a few keys per record in scope.
 */
import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../../src-shared/contacts';
import { normalizePhone } from '../../../src-shared/contacts/phone';
import type { PipelineStage, Pipeline } from '../../../src-shared/deals';
import type { Scope } from '../../../src-shared/permissions';
import { scopeCondition } from '../../crm/contacts/scope';
import { listPipelines } from '../../crm/deals/pipelines';
import { inScope, type Viewer } from '../../crm/record/viewer';
import type { Database } from '../../vault/schema';
import { jsonList, phonesIn } from '../keys';

/** A name in comparable form: NFC, lower case, apostrophes unified, spaces collapsed. */
export function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('uk')
    .replace(/[’ʼ`´]/gu, "'")
    .replace(/ё/gu, 'е')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Keys → ids (several records may share a name). */
class LinkIndex {
  private readonly map = new Map<string, Set<string>>();

  add(key: string, id: string): void {
    if (key.length === 0) return;
    const set = this.map.get(key) ?? new Set<string>();
    set.add(id);
    this.map.set(key, set);
  }

  /** The ids any of `keys` names. */
  find(keys: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const key of keys) for (const id of this.map.get(key) ?? []) out.add(id);
    return out;
  }
}

/** A link looked up: one record, or why there is none. */
export type LinkFound = { id: string } | { problem: 'not_found' | 'ambiguous' };

function found(ids: Set<string>): LinkFound {
  if (ids.size === 1) return { id: [...ids][0] as string };
  return { problem: ids.size === 0 ? 'not_found' : 'ambiguous' };
}

/** The keys a cell may stand for: e-mail, phone, code, name. */
function refKeys(text: string): string[] {
  const keys = [`name:${nameKey(text)}`];
  const email = text.includes('@') ? normalizeEmail(text) : null;
  if (email !== null) keys.push(`email:${email}`);
  const phone = /\d{5,}|\d[\d\s().-]{6,}/u.test(text) ? normalizePhone(text) : null;
  if (phone !== null) keys.push(`phone:${phone}`);
  const digits = text.trim();
  if (/^\d{8}$/u.test(digits)) keys.push(`edrpou:${digits}`);
  if (/^\d{10}$/u.test(digits)) keys.push(`rnokpp:${digits}`);
  return keys;
}

/** The contacts a deal may link to (the importer's `contacts.read` scope). */
export async function contactLinks(
  db: Kysely<Database>,
  viewer: Viewer | undefined,
): Promise<(text: string) => LinkFound> {
  const index = new LinkIndex();
  if (viewer !== undefined) {
    const rows = await db
      .selectFrom('contacts')
      .select(['id', 'surname', 'given_name', 'patronymic', 'phones', 'emails'])
      .where('contacts.deleted_at', 'is', null)
      .where(eb => scopeCondition(eb, viewer, 'use'))
      .execute();
    for (const row of rows) {
      const [s, g, p] = [row.surname, row.given_name, row.patronymic ?? ''];
      for (const name of [`${s} ${g} ${p}`, `${s} ${g}`, `${g} ${s}`, `${g} ${p} ${s}`])
        index.add(`name:${nameKey(name)}`, row.id);
      for (const phone of phonesIn(row.phones)) index.add(`phone:${phone}`, row.id);
      for (const email of jsonList(row.emails))
        if (typeof email === 'string') index.add(`email:${email.toLowerCase()}`, row.id);
    }
  }
  return text => found(index.find(refKeys(text)));
}

/** The companies a deal may link to (the importer's `companies.read` scope). */
export async function companyLinks(
  db: Kysely<Database>,
  viewer: Viewer | undefined,
): Promise<(text: string) => LinkFound> {
  const index = new LinkIndex();
  if (viewer !== undefined) {
    const rows = await db
      .selectFrom('companies')
      .select(['id', 'name', 'edrpou', 'rnokpp', 'phones'])
      .where('companies.deleted_at', 'is', null)
      .where(inScope('companies', viewer))
      .execute();
    for (const row of rows) {
      index.add(`name:${nameKey(row.name)}`, row.id);
      if (row.edrpou) index.add(`edrpou:${row.edrpou}`, row.id);
      if (row.rnokpp) index.add(`rnokpp:${row.rnokpp}`, row.id);
      for (const phone of phonesIn(row.phones)) index.add(`phone:${phone}`, row.id);
    }
  }
  return text => found(index.find(refKeys(text)));
}

/** A stage found by name: the stage, or which name was not found. */
export type StageFound =
  { stage: PipelineStage } | { problem: 'pipeline_unknown' | 'stage_unknown' };

/**
 * Stages by name. A row naming a pipeline looks its stage up in that pipeline only; a row naming
 * only a stage looks in the default pipeline; no stage: the pipeline's (or the default one's)
 * first stage. An unknown name is a problem, never a silent default.
 */
export async function stageLookup(
  db: Kysely<Database>,
): Promise<(pipeline: string | undefined, stage: string | undefined) => StageFound> {
  const pipelines: Pipeline[] = await listPipelines(db);
  const byName = new Map(pipelines.map(p => [nameKey(p.name), p] as const));
  const fallback = pipelines.find(p => p.isDefault) ?? pipelines[0];
  return (pipelineName, stageName) => {
    const pipeline = pipelineName === undefined ? fallback : byName.get(nameKey(pipelineName));
    if (pipeline === undefined) return { problem: 'pipeline_unknown' };
    const stage =
      stageName === undefined
        ? pipeline.stages[0]
        : pipeline.stages.find(s => nameKey(s.name) === nameKey(stageName));
    return stage === undefined ? { problem: 'stage_unknown' } : { stage };
  };
}

/**
 * The users the importer may give deals to, by login or display name: with `deals.reassign` scope
 * `all` every active user, a narrower scope the active users of the importer's team (as the
 * contacts import's `ownerId`), without it only the importer. A name outside that set is `undefined` — the same as a name nobody has.
 */
export async function ownerLookup(
  db: Kysely<Database>,
  importer: { userId: string; teamId: string | null },
  reassign: Scope | undefined,
): Promise<(text: string) => string | undefined> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'login', 'display_name', 'team_id'])
    .where('status', '=', 'active')
    .execute();
  const allowed = rows.filter(
    u =>
      u.id === importer.userId ||
      reassign === 'all' ||
      (reassign !== undefined && importer.teamId !== null && u.team_id === importer.teamId),
  );
  const index = new LinkIndex();
  for (const u of allowed) {
    index.add(`login:${u.login.toLowerCase()}`, u.id);
    index.add(`name:${nameKey(u.display_name)}`, u.id);
  }
  return text => {
    const ids = index.find([`login:${text.trim().toLowerCase()}`, `name:${nameKey(text)}`]);
    return ids.size === 1 ? [...ids][0] : undefined;
  };
}
