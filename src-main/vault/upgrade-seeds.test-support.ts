/**
 * Data an office would have in its vault at each migration, for the upgrade tests
 * (migration-upgrades.test.ts): one map of every migration's seed. 0001–0006 and 0007–0012 live in
 * ./upgrade-seeds-early and ./upgrade-seeds-records; later ones here. Test-only.
 *
 * Each entry writes rows into the tables its migration created, naming only the columns that
 * migration defined, so the seed stays valid at any later schema. Like the migrations themselves,
 * entries are never edited once the migration shipped: a new migration adds its own entry (the
 * upgrade test fails for a bundled migration without one).
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { EARLY_SEEDS } from './upgrade-seeds-early.test-support';
import { RECORD_SEEDS } from './upgrade-seeds-records.test-support';
import { insert, owned, phones, SEEDED, type UpgradeSeed } from './upgrade-seed-kit.test-support';

export { SEEDED, type UpgradeSeed } from './upgrade-seed-kit.test-support';

/** The seed of each bundled migration, by id. */
export const UPGRADE_SEEDS: Readonly<Record<string, UpgradeSeed>> = {
  ...EARLY_SEEDS,
  ...RECORD_SEEDS,
  '0013_search': {
    note: 'a contact written after the search triggers exist (indexed by them, not the backfill)',
    seed: db =>
      insert(db, 'contacts', {
        id: 'c-after-search-04',
        surname: 'Ґудзь',
        given_name: 'Ірина',
        phones: phones('+380939876543'),
        sort_key: 'ґудзь ірина',
        ...owned(SEEDED.manager),
      }),
  },
  '0014_analytics': { note: 'nothing: indexes only (the survival check covers it)' },
  '0015_search_per_entity': {
    note: 'a company written after the per-entity search tables exist',
    seed: db =>
      insert(db, 'companies', {
        id: 'co-after-search-03',
        name: 'ПП «Ґрунтовні рішення»',
        edrpou: '39876543',
        sort_key: 'ґрунтовні рішення',
        ...owned(SEEDED.manager),
      }),
  },
  '0016_activities_by_owner_only': {
    note: 'nothing: drops an index (the survival check covers it)',
  },
  '0017_contact_position': {
    note: 'a contact with a job title, written after the column and the new search triggers exist',
    seed: db =>
      insert(db, 'contacts', {
        id: 'c-position-04',
        surname: 'Мельник',
        given_name: 'Ірина',
        position: 'Головний інженер',
        sort_key: 'мельник ірина',
        ...owned(SEEDED.manager),
      }),
  },
  '0019_keyslots_keyring_changes': {
    note: 'a committed key-slot change id',
    seed: db =>
      insert(db, 'keyring_changes', { id: 'a'.repeat(32), at: '2026-03-02T09:00:00.000Z' }),
  },
  '0022_import_batches': {
    note: 'an import batch with one created contact, written after the import tables exist',
    seed: db => {
      insert(db, 'contacts', {
        id: 'c-imported-05',
        surname: 'Бондар',
        given_name: 'Олег',
        sort_key: 'бондар олег',
        ...owned(SEEDED.manager),
      });
      insert(db, 'import_batches', {
        id: 'batch-05',
        record_type: 'contact',
        created_by: SEEDED.manager,
        owner_id: SEEDED.manager,
        format: 'csv',
        status: 'done',
        created_count: 1,
        started_at: '2026-01-05T10:00:00.000Z',
        finished_at: '2026-01-05T10:00:01.000Z',
      });
      insert(db, 'import_batch_records', {
        batch_id: 'batch-05',
        record_id: 'c-imported-05',
        action: 'create',
        after_updated_at: '2026-01-05T10:00:00.000Z',
      });
    },
  },
  '0023_erasure_log': {
    note: 'an erasure record and a retention rule, written after their tables exist',
    seed: db => {
      insert(db, 'erasures', {
        id: 'erasure-06',
        entity_type: 'contact',
        entity_id: 'c-erased-06',
        reason: 'request',
        erased_at: '2026-02-01T10:00:00.000Z',
      });
      insert(db, 'retention_rules', {
        id: 'rule-06',
        record_type: 'contact',
        inactive_months: 36,
        created_at: '2026-02-01T10:00:00.000Z',
        created_by: SEEDED.owner,
      });
    },
  },
  '0024_privacy_register': {
    note: 'a purpose with a consent, an objection, a subject request and a breach',
    seed: db => {
      const at = '2026-02-01T09:00:00.000Z';
      const by = SEEDED.owner;
      insert(db, 'privacy_purposes', {
        id: 'purpose-07',
        name: 'Розсилка новин',
        ground: 'consent',
        created_by: by,
        created_at: at,
        updated_at: at,
      });
      insert(db, 'privacy_consents', {
        id: 'consent-07',
        contact_id: 'c-imported-05',
        purpose_id: 'purpose-07',
        ground: 'consent',
        channel: 'paper',
        obtained_at: at,
        recorded_by: by,
        recorded_at: at,
      });
      insert(db, 'privacy_objections', {
        contact_id: 'c-position-04',
        objected_at: at,
        recorded_by: by,
      });
      insert(db, 'privacy_requests', {
        id: 'request-07',
        contact_id: 'c-imported-05',
        kind: 'access',
        received_at: at,
        due_at: '2026-03-03T09:00:00.000Z',
        status: 'open',
        created_by: by,
        created_at: at,
        updated_at: at,
      });
      insert(db, 'privacy_breaches', {
        id: 'breach-07',
        title: 'Втрачений ноутбук',
        detected_at: at,
        deadline_at: '2026-02-04T09:00:00.000Z',
        status: 'open',
        created_by: by,
        created_at: at,
        updated_at: at,
      });
    },
  },
  '0025_teams_table': {
    note: 'a team with a head, written after the teams table exists',
    seed: db => {
      insert(db, 'teams', {
        id: 'team-after-0025',
        name: 'Південь',
        name_key: 'південь',
        created_at: '2026-01-06T10:00:00.000Z',
        updated_at: '2026-01-06T10:00:00.000Z',
      });
      db.prepare('UPDATE users SET team_id = ? WHERE id = ?').run('team-after-0025', SEEDED.owner);
      db.prepare('UPDATE teams SET head_user_id = ? WHERE id = ?').run(
        SEEDED.owner,
        'team-after-0025',
      );
    },
  },
  '0026_tasks_call_facts': {
    note: 'a call with its facts and a task on no record, written after the rebuilt table exists',
    seed: db => {
      insert(db, 'activities', {
        id: 'a-call-facts-26',
        kind: 'call',
        subject: 'Вхідний дзвінок про доставку',
        occurred_at: '2026-02-03T10:00:00.000Z',
        contact_id: 'c-imported-05',
        direction: 'in',
        duration_minutes: 7,
        outcome: 'call_back',
        ...owned(SEEDED.manager),
      });
      insert(db, 'activities', {
        id: 'a-task-alone-26',
        kind: 'task',
        subject: 'Подати звіт до податкової',
        occurred_at: '2026-02-03T10:00:00.000Z',
        due_at: '2026-02-10T09:00:00.000Z',
        ...owned(SEEDED.manager),
      });
    },
  },
  '0028_sync_office': {
    note: 'nothing: new empty tables for office sync (the survival check covers the rest)',
  },
  '0029_stage_name_nova': {
    note: 'nothing: renames a seeded stage (its after-upgrade check says what changed)',
  },
  '0030_privacy17_company_erasure': {
    note: 'nothing new: rebuilds erasures (the 0023 seed row must survive it)',
  },
  '0031_fields18_custom_fields': {
    note: 'a choice field for contacts and a contact carrying its value',
    seed: db => {
      const at = '2026-03-02T09:00:00.000Z';
      insert(db, 'custom_fields', {
        id: 'field-source-30',
        record_type: 'contact',
        label: 'Джерело',
        label_key: 'джерело',
        kind: 'choice',
        options: JSON.stringify(['OLX', 'Prom']),
        position: 1,
        created_at: at,
        updated_at: at,
      });
      db.prepare('UPDATE contacts SET custom_values = ? WHERE id = ?').run(
        JSON.stringify({ 'field-source-30': 'OLX' }),
        SEEDED.contact,
      );
    },
  },
  '0032_bulk18_saved_filters': {
    note: 'nothing: a new empty table of saved list filters (the survival check covers the rest)',
  },
  '0033_merge15_merges': {
    note: 'nothing: new empty tables for merges (the survival check covers the rest)',
  },
  '0034_sync16_erasures': {
    note: 'nothing: a new empty table for erasures received through office sync',
  },
  '0035_export15_export_formats': {
    note: 'a pending XLSX export request for companies (records.export)',
    seed: db =>
      insert(db, 'export_requests', {
        id: 'er-35',
        user_id: SEEDED.manager,
        type: 'companies',
        filter: '{"locale":"uk","csvStyle":"excel"}',
        count: 300,
        format: 'xlsx',
        requested_at: '2026-12-06T10:00:00.000Z',
      }),
  },
  '0041_fields18b_show_in_list': {
    note: 'nothing new: a column on custom_fields (the 0031 seed field must survive, not shown)',
  },
  '0042_audit16_office_audit': {
    note: "an office partition held and another laptop's audit entry received (later ones keep both)",
    seed: db => {
      insert(db, 'office_partitions', {
        partition_id: 'audit-42',
        kind: 'audit',
        owner_user_id: null,
        key_version: 1,
        may_push: 1,
        after_seq: 1,
        chain_head: null,
        may_pull: 0,
      });
      insert(db, 'office_audit', {
        device_id: 'device-42',
        seq: 7,
        at: '2026-12-07T00:00:00.000Z',
        action: 'contacts.update',
        outcome: 'ok',
        prev_hash: '0'.repeat(64),
        hash: 'a'.repeat(64),
        partition_seq: 1,
        received_at: '2026-12-07T00:00:01.000Z',
      });
    },
  },
  '0043_docs16_document_sync': {
    note: 'nothing: a new empty table of documents in office sync (the 0012 documents survive)',
  },
  '0044_devices16_office_jobs': {
    note: 'nothing new: a column on office_settings and an empty office_jobs table',
  },
  '0045_dealimport_deal_batches': {
    note: 'a saved deal mapping, written after the import tables allow deals',
    seed: db =>
      insert(db, 'import_mappings', {
        id: 'mapping-45',
        record_type: 'deal',
        name: 'Угоди з Excel',
        header_key: '["назва","сума"]',
        mapping: '{"columns":["title","amount"]}',
        created_by: SEEDED.manager,
        created_at: '2026-12-07T00:00:00.000Z',
      }),
  },
};

/** Free-text team ids the seeds of migrations before 0025 give users. */
const EARLY_TEAM_IDS = ['team-kyiv'] as const;

/**
 * Runs the seeds of `ids` in order on `sqlite`. A vault made at 0025_teams_table or later refuses a
 * `users.team_id` naming no team, so the free-text teams older seeds use are first written as the
 * team rows migration 0025 makes of them (the seeds themselves are never edited).
 */
export function seedUpTo(sqlite: Database.Database, ids: readonly string[]): void {
  const hasTeams = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'teams'")
    .get();
  if (hasTeams) {
    const at = '2026-01-01T00:00:00.000Z';
    for (const id of EARLY_TEAM_IDS)
      insert(sqlite, 'teams', { id, name: id, name_key: id, created_at: at, updated_at: at });
  }
  for (const id of ids) UPGRADE_SEEDS[id]?.seed?.(sqlite);
}
