/**
 * Test-only: what each data-moving migration must have done, checked on a vault upgraded from the
 * migration before it (./migration-upgrades.test.ts runs them; one entry per migration id).
 */
import { expect } from 'vitest';
import type { Grants } from '../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import { searchRecords } from '../crm/search';
import type { OpenVault } from './database';
import { SEEDED } from './upgrade-seeds.test-support';

/** What the owner finds for `text` through the app's global search. */
function ownerSearch(vault: OpenVault, text: string) {
  const grants = BUILT_IN_GRANTS.owner as Grants;
  return searchRecords(
    vault.db,
    { userId: SEEDED.owner, teamId: null, grants },
    { text, limit: 10 },
  );
}

const ids_ = (hits: { id: string }[] | undefined) => (hits ?? []).map(h => h.id).sort();

/** Checks of what a data-moving migration did, on the upgraded vault. */
export const AFTER_UPGRADE: Partial<Record<string, (vault: OpenVault) => Promise<void> | void>> = {
  '0004_roles': vault => {
    const teams = vault.sqlite.prepare('SELECT id, team_id FROM users ORDER BY id').all();
    expect(teams).toEqual([
      { id: SEEDED.dismissed, team_id: null },
      { id: SEEDED.manager, team_id: null },
      { id: SEEDED.owner, team_id: null },
    ]);
  },
  '0007_companies': vault => {
    const links = vault.sqlite.prepare('SELECT company_id FROM contacts').pluck().all();
    expect(links).toEqual([null, null, null]);
  },
  '0008_deals': vault => {
    const stages = vault.sqlite
      .prepare(
        "SELECT name, outcome FROM pipeline_stages WHERE pipeline_id = 'pipeline-default' ORDER BY position",
      )
      .all();
    expect(stages).toHaveLength(6);
    expect(stages.at(-2)).toEqual({ name: 'Виграно', outcome: 'won' });
  },
  '0013_search': async vault => {
    // Backfilled: live records of every type are found by words and phone digits, deleted ones not.
    const byName = await ownerSearch(vault, 'марʼяна');
    expect(ids_(byName.contacts)).toEqual([SEEDED.contact]);
    expect(ids_((await ownerSearch(vault, '67 123')).contacts)).toEqual([SEEDED.contact]);
    expect(ids_((await ownerSearch(vault, 'теплодім')).companies)).toEqual([SEEDED.company]);
    expect(ids_((await ownerSearch(vault, '41234567')).companies)).toEqual([SEEDED.company]);
    expect(ids_((await ownerSearch(vault, 'котлів')).deals)).toEqual([SEEDED.deal]);
    expect(ids_((await ownerSearch(vault, 'знижки')).activities)).toEqual([SEEDED.call]);
    expect(ids_((await ownerSearch(vault, 'видаленко')).contacts)).toEqual([]);
    expect(ids_((await ownerSearch(vault, '3012345678')).companies)).toEqual([]);
    expect(ids_((await ownerSearch(vault, 'помилкова')).deals)).toEqual([]);
    expect(ids_((await ownerSearch(vault, 'чернетка')).activities)).toEqual([]);
    // Every record, deleted or not, has its key in its type's range (a restore re-indexes it).
    const keys = vault.sqlite
      .prepare(
        'SELECT entity_type, count(*) AS n, min(id) >> 40 AS code FROM search_rows GROUP BY 1',
      )
      .all();
    expect(keys).toEqual(
      expect.arrayContaining([
        { entity_type: 'contact', n: 3, code: 1 },
        { entity_type: 'company', n: 2, code: 2 },
        { entity_type: 'deal', n: 3, code: 3 },
        { entity_type: 'activity', n: 3, code: 4 },
      ]),
    );
  },
  '0015_search_per_entity': async vault => {
    // The shared index moved into one table per entity, live rows only; prefixes now match.
    const tables = vault.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE name = 'search_index'")
      .all();
    expect(tables).toEqual([]);
    const count = (t: string) =>
      vault.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    expect([
      count('search_text_contacts'),
      count('search_text_companies'),
      count('search_text_deals'),
      count('search_text_activities'),
    ]).toEqual([3, 1, 2, 2]);
    expect(ids_((await ownerSearch(vault, 'ґудз')).contacts)).toEqual(['c-after-search-04']);
    expect(ids_((await ownerSearch(vault, 'шевч')).contacts)).toEqual([SEEDED.contact]);
    expect(ids_((await ownerSearch(vault, '98765')).contacts)).toEqual(['c-after-search-04']);
    expect(ids_((await ownerSearch(vault, 'сервісний')).deals)).toEqual([SEEDED.dealWon]);
  },
  '0016_activities_by_owner_only': vault => {
    const indexes = vault.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities'")
      .pluck()
      .all();
    expect(indexes).not.toContain('activities_occurred');
    expect(indexes).toContain('activities_owner_occurred');
  },
  '0017_contact_position': async vault => {
    // No contact has a job title yet; the re-created search triggers index one once it is set.
    const withTitle = 'SELECT count(*) FROM contacts WHERE position IS NOT NULL';
    expect(vault.sqlite.prepare(withTitle).pluck().get()).toBe(0);
    expect(ids_((await ownerSearch(vault, 'шевч')).contacts)).toEqual([SEEDED.contact]);
    vault.sqlite
      .prepare("UPDATE contacts SET position = 'Головний інженер' WHERE id = ?")
      .run(SEEDED.contact);
    expect(ids_((await ownerSearch(vault, 'інженер')).contacts)).toEqual([SEEDED.contact]);
  },
  '0025_teams_table': vault => {
    // The free-text team id the manager had became a team row of that id; members keep it.
    const teams = vault.sqlite.prepare('SELECT id, name, name_key, head_user_id FROM teams').all();
    expect(teams).toEqual([
      { id: 'team-kyiv', name: 'team-kyiv', name_key: 'team-kyiv', head_user_id: null },
    ]);
    const member = 'SELECT team_id FROM users WHERE id = ?';
    expect(vault.sqlite.prepare(member).pluck().get(SEEDED.manager)).toBe('team-kyiv');
    // users.team_id now refers to a team: an unknown one is refused, a deleted team frees its members.
    const join = vault.sqlite.prepare('UPDATE users SET team_id = ? WHERE id = ?');
    expect(() => join.run('team-nowhere', SEEDED.owner)).toThrow(/FOREIGN KEY/);
    vault.sqlite.prepare("DELETE FROM teams WHERE id = 'team-kyiv'").run();
    expect(vault.sqlite.prepare(member).pluck().get(SEEDED.manager)).toBe(null);
  },
  '0026_tasks_call_facts': async vault => {
    // The rebuilt table keeps every row, its search text and the search triggers; the old facts
    // are empty, and a task may now stand alone while a call still needs a record.
    const facts =
      'SELECT count(*) FROM activities WHERE direction IS NOT NULL OR outcome IS NOT NULL';
    expect(vault.sqlite.prepare(facts).pluck().get()).toBe(0);
    expect(ids_((await ownerSearch(vault, 'знижки')).activities)).toEqual([SEEDED.call]);
    expect(ids_((await ownerSearch(vault, 'чернетка')).activities)).toEqual([]);
    const add = vault.sqlite.prepare(
      `INSERT INTO activities (id, owner_id, kind, subject, occurred_at, due_at, created_at,
        created_by, updated_at, updated_by) VALUES (?, ?, ?, 'Податкова звітність', ?, ?, ?, ?, ?, ?)`,
    );
    const at = '2026-03-01T09:00:00.000Z';
    const m = SEEDED.manager;
    add.run('a-alone-task', m, 'task', at, at, at, m, at, m);
    expect(() => add.run('a-alone-call', m, 'call', at, null, at, m, at, m)).toThrow(/CHECK/);
    expect(ids_((await ownerSearch(vault, 'податкова')).activities)).toEqual(['a-alone-task']);
  },
  '0029_stage_name_nova': vault => {
    // The seeded first stage now reads "Нова"; every other stage, and a renamed one, is untouched.
    const names = vault.sqlite
      .prepare(
        "SELECT id, name FROM pipeline_stages WHERE pipeline_id = 'pipeline-default' ORDER BY position",
      )
      .all();
    expect(names[0]).toEqual({ id: 'stage-new', name: 'Нова' });
    expect(names.slice(1).map(n => (n as { name: string }).name)).toEqual([
      'Кваліфікація',
      'Пропозиція',
      'Переговори',
      'Виграно',
      'Програно',
    ]);
  },
  '0030_privacy17_company_erasure': vault => {
    // The contact erasure kept; a company erasure is now allowed, anything else still refused.
    const kinds = vault.sqlite.prepare('SELECT entity_type FROM erasures WHERE id = ?');
    expect(kinds.pluck().get('erasure-06')).toBe('contact');
    const add = vault.sqlite.prepare(
      `INSERT INTO erasures (id, entity_type, entity_id, reason, erased_at)
       VALUES (?, ?, 'x', 'request', '2026-12-01T00:00:00.000Z')`,
    );
    add.run('erasure-company', 'company');
    expect(() => add.run('erasure-deal', 'deal')).toThrow(/CHECK/);
  },
  '0031_fields18_custom_fields': async vault => {
    // Every record starts with no custom values; the recreated triggers still index the old words,
    // and a text or choice value set now is found, a number value is not.
    const empty = vault.sqlite
      .prepare('SELECT count(*) FROM contacts WHERE custom_values IS NOT NULL')
      .pluck()
      .get();
    expect(empty).toBe(0);
    expect(ids_((await ownerSearch(vault, 'марʼяна')).contacts)).toEqual([SEEDED.contact]);
    const at = '2026-03-02T09:00:00.000Z';
    const field = vault.sqlite.prepare(
      `INSERT INTO custom_fields (id, record_type, label, label_key, kind, position, created_at,
        updated_at) VALUES (?, 'contact', ?, ?, ?, ?, ?, ?)`,
    );
    field.run('f-source', 'Джерело', 'джерело', 'choice', 1, at, at);
    field.run('f-budget', 'Бюджет', 'бюджет', 'number', 2, at, at);
    vault.sqlite
      .prepare('UPDATE contacts SET custom_values = ? WHERE id = ?')
      .run(JSON.stringify({ 'f-source': 'Сарафанне', 'f-budget': 918273 }), SEEDED.contact);
    expect(ids_((await ownerSearch(vault, 'сарафанне')).contacts)).toEqual([SEEDED.contact]);
    expect(ids_((await ownerSearch(vault, '918273')).contacts)).toEqual([]);
  },
  '0035_export15_export_formats': vault => {
    // The 0010 request kept as a contacts CSV one; records.export's formats and types now fit.
    const row = vault.sqlite.prepare(
      'SELECT type, format, count FROM export_requests WHERE id = ?',
    );
    expect(row.get('er-1')).toEqual({ type: 'contacts', format: 'csv', count: 120 });
    const add = vault.sqlite.prepare(
      `INSERT INTO export_requests (id, user_id, type, filter, count, format, requested_at)
       VALUES (?, 'u', ?, '{}', 1, ?, '2026-12-06T10:00:00.000Z')`,
    );
    add.run('er-deals', 'deals', 'xlsx');
    add.run('er-vcf', 'contacts', 'vcf');
    expect(() => add.run('er-pdf', 'deals', 'pdf')).toThrow(/CHECK/);
    expect(() => add.run('er-tasks', 'tasks', 'csv')).toThrow(/CHECK/);
  },
  '0041_fields18b_show_in_list': vault => {
    // The seeded field is kept and not shown in the list until the owner chooses; only 0/1 fit.
    const shown = vault.sqlite.prepare('SELECT show_in_list FROM custom_fields WHERE id = ?');
    expect(shown.pluck().get('field-source-30')).toBe(0);
    const mark = vault.sqlite.prepare('UPDATE custom_fields SET show_in_list = ? WHERE id = ?');
    mark.run(1, 'field-source-30');
    expect(shown.pluck().get('field-source-30')).toBe(1);
    expect(() => mark.run(2, 'field-source-30')).toThrow(/CHECK/);
  },
  '0042_audit16_office_audit': vault => {
    // A partition held before 0042 stays pullable; only 0/1 fit; received entries are a table
    // of their own whose problem names a known reason.
    vault.sqlite
      .prepare(
        `INSERT INTO office_partitions (partition_id, kind, key_version, may_push, after_seq)
         VALUES ('p-41', 'owner', 1, 1, 0)`,
      )
      .run();
    const pull = vault.sqlite.prepare(
      'SELECT may_pull FROM office_partitions WHERE partition_id = ?',
    );
    expect(pull.pluck().get('p-41')).toBe(1);
    const set = vault.sqlite.prepare(
      'UPDATE office_partitions SET may_pull = ? WHERE partition_id = ?',
    );
    expect(() => set.run(2, 'p-41')).toThrow(/CHECK/);
    const received = vault.sqlite.prepare(
      `INSERT INTO office_audit (device_id, seq, at, action, outcome, prev_hash, hash,
         partition_seq, problem, received_at) VALUES ('d', 1, 't', 'a', 'ok', 'p', 'h', 1, ?, 't')`,
    );
    expect(() => received.run('made_up')).toThrow(/CHECK/);
    received.run('seq_gap');
    expect(
      vault.sqlite.prepare('SELECT count(*) FROM audit_log WHERE hash = ?').pluck().get('h'),
    ).toBe(0);
  },
  '0043_docs16_document_sync': vault => {
    // The seeded documents are kept; a document's sync row (and unsent change) goes with its row.
    const live = vault.sqlite.prepare('SELECT id FROM documents ORDER BY id').pluck();
    expect(live.all()).toEqual(['doc-1', 'doc-2']);
    const add = vault.sqlite.prepare(
      `INSERT INTO sync_documents (document_id, partition_id, state, created_at)
       VALUES (?, 'p-1', ?, '2026-12-07T00:00:00.000Z')`,
    );
    add.run('doc-1', 'remote');
    expect(() => add.run('doc-2', 'elsewhere')).toThrow(/CHECK/);
    vault.sqlite
      .prepare(
        `INSERT INTO sync_outbox (change_id, partition_id, key_version, record_table, record_id,
           fields, sealed, created_at) VALUES ('ch-1', 'p-1', 1, 'documents', 'doc-1', '[]', 'x',
           '2026-12-07T00:00:00.000Z')`,
      )
      .run();
    vault.sqlite.prepare("DELETE FROM documents WHERE id = 'doc-1'").run();
    expect(vault.sqlite.prepare('SELECT count(*) FROM sync_documents').pluck().get()).toBe(0);
    expect(vault.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  },
  '0044_devices16_office_jobs': vault => {
    // A queued office dismissal keeps ids and codes only; only known kinds fit.
    const job = vault.sqlite.prepare(
      `INSERT INTO office_jobs (id, kind, user_id, created_at, next_attempt_at)
       VALUES (?, ?, 'u-1', '2026-12-07T10:00:00.000Z', '2026-12-07T10:00:00.000Z')`,
    );
    job.run('job-1', 'dismiss');
    expect(() => job.run('job-2', 'rename')).toThrow(/CHECK/);
    const row = vault.sqlite.prepare('SELECT attempts, done_at FROM office_jobs WHERE id = ?');
    expect(row.get('job-1')).toEqual({ attempts: 0, done_at: null });
    const columns = vault.sqlite.prepare("SELECT name FROM pragma_table_info('office_settings')");
    expect(columns.pluck().all()).toContain('inviter_box_key');
  },
  '0045_dealimport_deal_batches': vault => {
    // The 0022 batch and its record are kept (the row compare above); 'deal' now fits, the
    // child still points at its batch, and the indexes came back.
    const batch = vault.sqlite.prepare(
      `INSERT INTO import_batches (id, record_type, created_by, owner_id, format, status,
         started_at) VALUES (?, ?, 'u-1', 'u-1', 'csv', 'done', '2026-12-07T00:00:00.000Z')`,
    );
    batch.run('batch-45', 'deal');
    expect(() => batch.run('batch-46', 'task')).toThrow(/CHECK/);
    const record = vault.sqlite.prepare(
      `INSERT INTO import_batch_records (batch_id, record_id, action, after_updated_at)
       VALUES (?, 'd-1', 'create', '2026-12-07T00:00:00.000Z')`,
    );
    record.run('batch-45');
    expect(() => record.run('no-such-batch')).toThrow(/FOREIGN KEY/);
    const mapping = vault.sqlite.prepare(
      `INSERT INTO import_mappings (id, record_type, name, header_key, mapping, created_by,
         created_at) VALUES (?, ?, ?, '[]', '{}', 'u-1', '2026-12-07T00:00:00.000Z')`,
    );
    mapping.run('m-45', 'deal', 'Угоди');
    expect(() => mapping.run('m-46', 'task', 'Задачі')).toThrow(/CHECK/);
    const indexes = vault.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'import_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'import_batch_records_record',
        'import_batches_creator',
        'import_mappings_headers',
      ]),
    );
    const sqlOf = vault.sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck();
    expect(sqlOf.get('import_batch_records')).toMatch(/REFERENCES "?import_batches"? \(id\)/u);
  },
};
