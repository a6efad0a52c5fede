/**
 * Deciding what each row of a deals import does — the same decision for the dry run and the
 * commit (./commit.ts):
 * - `error`: the deal form's schema refuses a field (amount, currency, close date, title), or a
 *   pipeline / stage / owner name is unknown (an unknown stage is never replaced by a default),
 *   or the stage is a lost one (a new deal cannot start lost);
 * - `duplicate`: a deal with the same title and the same linked contact and company is already in
 *   the vault (`exists`, with its id, when the importer reads it; `hidden`, without id or name,
 *   when not) or earlier in the file (`in_file`) — unless the importer asked to import duplicates;
 * - `create` otherwise. A contact or company cell that finds no record in the importer's read
 *   scope (or several) does not refuse the row: the deal is created without that link and the row
 *   gets a warning. Chosen over refusing because the deal itself (amount, stage, date) is what the
 *   office moves in for; a link can be set later on the deal page, while a refused row has to be
 *   fixed and imported again. The warning is the same for a record that does not exist and one
 *   outside the scope, so it reveals nothing.
 * Deals are never updated by an import: a match is a duplicate.
 */
import type { Kysely } from 'kysely';
import type { DealInput } from '../../../src-shared/deals';
import { parseDealRow, type DealColumnMapping } from '../../../src-shared/import';
import type { Scope } from '../../../src-shared/permissions';
import { inScope, type Viewer } from '../../crm/record/viewer';
import type { Database } from '../../vault/schema';
import type { RowProblem } from '../plan';
import {
  companyLinks,
  contactLinks,
  nameKey,
  ownerLookup,
  stageLookup,
  type LinkFound,
} from './lookups';

/** A row imported with a remark (a link not found): its number and a message code. */
export interface RowWarning {
  row: number;
  code: string;
}

/** What one row of a deals import will do. */
export type PlannedDeal =
  | { kind: 'create'; row: number; input: DealInput; ownerId: string; warnings: RowWarning[] }
  | { kind: 'skip'; row: number; problem: RowProblem };

/** Who imports deals: their grants' scopes. */
export interface DealImportViewer {
  /** `deals.read`: which existing deals a duplicate may name. */
  read: Viewer;
  /** `contacts.read` / `companies.read`: what a deal may link to (undefined: nothing). */
  contacts: Viewer | undefined;
  companies: Viewer | undefined;
  /** `deals.reassign`: whom the owner column may name besides the importer. */
  reassign: Scope | undefined;
}

/** What a deals import does with duplicates: leave them out (default) or import them too. */
export type DuplicatePolicy = 'skip' | 'import';

/** The duplicate key of a deal: its title (case aside) and its links. */
export function dealKey(
  title: string,
  contactId: string | null | undefined,
  companyId: string | null | undefined,
) {
  return `${nameKey(title)}\u0000${contactId ?? ''}\u0000${companyId ?? ''}`;
}

type Lookups = {
  stage: Awaited<ReturnType<typeof stageLookup>>;
  owner: Awaited<ReturnType<typeof ownerLookup>>;
  contact: (text: string) => LinkFound;
  company: (text: string) => LinkFound;
};

/** Plans the rows of a deals import one by one, remembering the file's own keys. */
export class DealPlanner {
  private readonly fileKeys = new Map<string, number>();

  private constructor(
    private readonly mapping: DealColumnMapping,
    private readonly defaultOwner: string,
    private readonly lookups: Lookups,
    private readonly vault: Map<string, string[]>,
    private readonly readable: Set<string> | null,
    private readonly duplicates: DuplicatePolicy,
  ) {}

  /** A planner with the lookups, the vault's deal keys and the importer's deal scope loaded. */
  static async start(
    db: Kysely<Database>,
    mapping: DealColumnMapping,
    viewer: DealImportViewer,
    options: { ownerId: string; duplicates?: DuplicatePolicy },
  ): Promise<DealPlanner> {
    const importer = { userId: viewer.read.userId, teamId: viewer.read.teamId };
    const [stage, owner, contact, company] = await Promise.all([
      stageLookup(db),
      ownerLookup(db, importer, viewer.reassign),
      contactLinks(db, viewer.contacts),
      companyLinks(db, viewer.companies),
    ]);
    // Every live deal, in scope or not: a duplicate must be found even where the importer cannot
    // look (then told without an id or a name).
    const rows = await db
      .selectFrom('deals')
      .select(['id', 'title', 'contact_id', 'company_id'])
      .where('deleted_at', 'is', null)
      .execute();
    const vault = new Map<string, string[]>();
    for (const r of rows) {
      const key = dealKey(r.title, r.contact_id, r.company_id);
      vault.set(key, [...(vault.get(key) ?? []), r.id]);
    }
    const readable =
      viewer.read.scope === 'all'
        ? null
        : new Set(
            (
              await db
                .selectFrom('deals')
                .select('id')
                .where('deleted_at', 'is', null)
                .where(inScope('deals', viewer.read))
                .execute()
            ).map(r => r.id),
          );
    const lookups = { stage, owner, contact, company };
    const policy = options.duplicates ?? 'skip';
    return new DealPlanner(mapping, options.ownerId, lookups, vault, readable, policy);
  }

  /** What row number `row` (1 = first data row) with these cells will do. */
  plan(row: number, cells: readonly string[]): PlannedDeal {
    const parsed = parseDealRow(this.mapping, cells);
    const issues = parsed.ok ? [] : [...parsed.issues];
    const refs = parsed.ok ? parsed.draft.refs : parsed.refs;
    const stage = this.lookups.stage(refs.pipeline, refs.stage);
    if ('problem' in stage) {
      const field = stage.problem === 'pipeline_unknown' ? 'pipeline' : 'stage';
      issues.push({ field, code: `import.${stage.problem}` });
    } else if (stage.stage.outcome === 'lost')
      issues.push({ field: 'stage', code: 'import.stage_lost' });
    const ownerId = refs.owner === undefined ? this.defaultOwner : this.lookups.owner(refs.owner);
    if (ownerId === undefined) issues.push({ field: 'owner', code: 'import.owner_unknown' });
    if (!parsed.ok || issues.length > 0 || 'problem' in stage || ownerId === undefined)
      return { kind: 'skip', row, problem: { row, kind: 'error', issues } };
    const warnings: RowWarning[] = [];
    const link = (kind: 'contact' | 'company'): string | null => {
      const text = refs[kind];
      if (text === undefined) return null;
      const hit = this.lookups[kind](text);
      if ('id' in hit) return hit.id;
      warnings.push({ row, code: `import.${kind}_${hit.problem}` });
      return null;
    };
    const contactId = link('contact');
    const companyId = link('company');
    const input: DealInput = {
      ...parsed.draft.input,
      stageId: stage.stage.id,
      contactId,
      companyId,
    };
    const duplicate = this.duplicateOf(row, dealKey(input.title, contactId, companyId));
    if (duplicate !== null && this.duplicates === 'skip')
      return { kind: 'skip', row, problem: duplicate };
    return { kind: 'create', row, input, ownerId, warnings };
  }

  /** The duplicate problem of a row with this key, or null; remembers the key. */
  private duplicateOf(row: number, key: string): RowProblem | null {
    const earlier = this.fileKeys.get(key);
    if (earlier !== undefined)
      return { row, kind: 'duplicate', reason: 'in_file', field: 'title', sameAsRow: earlier };
    this.fileKeys.set(key, row);
    const ids = this.vault.get(key);
    if (ids === undefined) return null;
    if (ids.some(id => this.readable !== null && !this.readable.has(id))) {
      const message = 'A deal you cannot see already has this title and client; ask its owner.';
      return { row, kind: 'duplicate', reason: 'hidden', field: 'title', message };
    }
    return { row, kind: 'duplicate', reason: 'exists', field: 'title', recordIds: ids };
  }
}
