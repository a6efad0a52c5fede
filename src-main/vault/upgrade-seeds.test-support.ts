/**
 * Data an office would have in its vault at each migration, for the upgrade tests
 * (migration-upgrades.test.ts). Test-only.
 *
 * Each entry writes rows into the tables its migration created, naming only the columns that
 * migration defined, so the seed stays valid at any later schema. Like the migrations themselves,
 * entries are never edited once the migration shipped: a new migration adds its own entry (the
 * upgrade test fails for a bundled migration without one).
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** Ids used across the seeds (the same people and records at every schema). */
export const SEEDED = {
  owner: 'u-owner-7c1e',
  manager: 'u-manager-42aa',
  dismissed: 'u-dismissed-90b3',
  contact: 'c-shevchenko-01',
  contactDeleted: 'c-deleted-02',
  contactLinked: 'c-bondarenko-03',
  company: 'co-teplodim-01',
  companyDeleted: 'co-deleted-02',
  deal: 'd-boilers-01',
  dealWon: 'd-won-02',
  dealDeleted: 'd-deleted-03',
  call: 'a-call-01',
  task: 'a-task-02',
  activityDeleted: 'a-deleted-03',
} as const;

/** One migration's seed: `seed` writes its data; `note` says what it seeds or why nothing. */
export interface UpgradeSeed {
  note: string;
  seed?: (sqlite: Database.Database) => void;
}

const T0 = '2025-01-15T09:00:00.000Z';
const T1 = '2025-02-03T14:30:00.000Z';
const T2 = '2025-03-10T08:15:00.000Z';

function insert(sqlite: Database.Database, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  sqlite
    .prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(c => `@${c}`).join(', ')})`,
    )
    .run(row);
}

/** Columns every owned record of 0005–0011 carries (owner, created/updated/deleted by and when). */
function owned(owner: string, deleted = false): Record<string, unknown> {
  return {
    owner_id: owner,
    created_at: T0,
    created_by: owner,
    updated_at: T1,
    updated_by: owner,
    deleted_at: deleted ? T2 : null,
    deleted_by: deleted ? owner : null,
  };
}

const phones = (...e164: string[]) =>
  JSON.stringify(e164.map(n => ({ e164: n, label: 'робочий' })));

/** The seed of each bundled migration, by id. */
export const UPGRADE_SEEDS: Readonly<Record<string, UpgradeSeed>> = {
  '0001_vault': {
    note: 'settings (vault_meta is written by the vault itself)',
    seed: db => insert(db, 'settings', { key: 'export.approval', value: '{"threshold":50}' }),
  },
  '0002_accounts': {
    note: 'an owner, a manager with TOTP, a dismissed user; recovery codes (one used)',
    seed: db => {
      insert(db, 'users', {
        id: SEEDED.owner,
        login: 'owner',
        display_name: 'Олена Коваль',
        role: 'owner',
        created_at: T0,
        last_sign_in_at: T2,
        password_changed_at: T0,
      });
      insert(db, 'users', {
        id: SEEDED.manager,
        login: 'm.bondar',
        display_name: 'Марʼян Бондар',
        role: 'manager',
        created_at: T0,
        totp_secret: 'JBSWY3DPEHPK3PXP',
        totp_enabled: 1,
        totp_last_step: 58_000_000,
        must_change_password: 1,
      });
      insert(db, 'users', {
        id: SEEDED.dismissed,
        login: 'former',
        display_name: 'Колишній працівник',
        role: 'manager',
        status: 'dismissed',
        created_at: T0,
      });
      for (const [id, used] of [
        ['rc-1', null],
        ['rc-2', T1],
      ] as const) {
        insert(db, 'recovery_codes', {
          id,
          user_id: SEEDED.owner,
          code_hash: id === 'rc-1' ? 'a1'.repeat(32) : 'b2'.repeat(32),
          salt: 'c3'.repeat(16),
          created_at: T0,
          used_at: used,
        });
      }
    },
  },
  '0003_audit': {
    note: 'a chain of three audit entries (sign-in ok, sign-in failed, user created)',
    seed: db => {
      const entries = [
        [1, SEEDED.owner, 'owner', 'auth.sign_in', null, null, 'ok', null],
        [2, null, 'm.bondar', 'auth.sign_in', null, null, 'failed', '{"reason":"auth_failed"}'],
        [3, SEEDED.owner, 'owner', 'users.create', 'user', SEEDED.manager, 'ok', null],
      ] as const;
      for (const [seq, user, login, action, type, entity, outcome, details] of entries) {
        insert(db, 'audit_log', {
          seq,
          at: T0,
          user_id: user,
          user_login: login,
          device_id: 'dev-1',
          action,
          entity_type: type,
          entity_id: entity,
          outcome,
          changes: null,
          details,
          prev_hash: seq === 1 ? '0'.repeat(64) : String(seq - 1).repeat(64),
          hash: String(seq).repeat(64),
        });
      }
    },
  },
  '0004_roles': {
    note: 'a custom role; the manager joins a team (users.team_id)',
    seed: db => {
      insert(db, 'roles', {
        id: 'custom-5f0e',
        name: 'Бухгалтер',
        grants: '{"contacts.read":"all","reports.read":true}',
        created_at: T1,
        created_by: SEEDED.owner,
        updated_at: T1,
        updated_by: SEEDED.owner,
      });
      db.prepare('UPDATE users SET team_id = ? WHERE id = ?').run('team-kyiv', SEEDED.manager);
    },
  },
  '0005_contacts': {
    note: 'a contact with phones, e-mails, messengers and tags; a deleted one; a shared one',
    seed: db => {
      insert(db, 'contacts', {
        id: SEEDED.contact,
        surname: 'Шевченко',
        given_name: 'Мар’яна',
        patronymic: 'Іванівна',
        company_name: 'ТОВ «Теплодім»',
        address: 'Київ, вул. Саксаганського, 12',
        source: 'виставка',
        notes: 'Цікавиться котлами',
        phones: phones('+380671234567'),
        emails: '["maryana@teplodim.ua"]',
        messengers: '{"telegram":"@maryana_sh"}',
        tags: '["VIP","котли"]',
        sort_key: 'шевченко мар’яна',
        ...owned(SEEDED.manager),
      });
      insert(db, 'contacts', {
        id: SEEDED.contactDeleted,
        surname: 'Видаленко',
        given_name: 'Петро',
        phones: phones('+380501112233'),
        sort_key: 'видаленко петро',
        ...owned(SEEDED.owner, true),
      });
      insert(db, 'contacts', {
        id: SEEDED.contactLinked,
        surname: 'Бондаренко',
        given_name: 'Олег',
        sort_key: 'бондаренко олег',
        ...owned(SEEDED.owner),
      });
      insert(db, 'contact_shares', {
        contact_id: SEEDED.contact,
        user_id: SEEDED.owner,
        granted_by: SEEDED.manager,
        granted_at: T1,
      });
    },
  },
  '0006_alerts': {
    note: 'an acknowledged new-device alert',
    seed: db =>
      insert(db, 'alerts', {
        id: 'al-1',
        rule: 'new_device',
        severity: 'medium',
        data: 0,
        dedupe_key: 'new_device:dev-2',
        created_at: T1,
        last_at: T1,
        occurrences: 2,
        user_id: SEEDED.manager,
        audit_seq: 3,
        details: '{"deviceId":"dev-2"}',
        acknowledged_at: T2,
        acknowledged_by: SEEDED.owner,
      }),
  },
  '0007_companies': {
    note: 'a company with codes and phones, a deleted one; a contact linked to it',
    seed: db => {
      insert(db, 'companies', {
        id: SEEDED.company,
        name: 'ТОВ «Теплодім»',
        edrpou: '41234567',
        rnokpp: null,
        legal_address: 'Київ, вул. Саксаганського, 12',
        phones: phones('+380442223344'),
        website: 'https://teplodim.ua',
        notes: 'Дистриб’ютор котлів',
        sort_key: 'теплодім',
        ...owned(SEEDED.owner),
      });
      insert(db, 'companies', {
        id: SEEDED.companyDeleted,
        name: 'ФОП Закритий',
        rnokpp: '3012345678',
        sort_key: 'фоп закритий',
        ...owned(SEEDED.owner, true),
      });
      db.prepare('UPDATE contacts SET company_id = ? WHERE id = ?').run(
        SEEDED.company,
        SEEDED.contactLinked,
      );
    },
  },
  '0008_deals': {
    note: 'an open deal, a won one (closed), a deleted one, on the default pipeline',
    seed: db => {
      const deal = (id: string, title: string, stage: string, extra: Record<string, unknown>) =>
        insert(db, 'deals', {
          id,
          title,
          pipeline_id: 'pipeline-default',
          stage_id: stage,
          sort_key: title.toLowerCase(),
          ...owned(SEEDED.manager, id === SEEDED.dealDeleted),
          ...extra,
        });
      deal(SEEDED.deal, 'Постачання котлів', 'stage-proposal', {
        amount_minor: 125_000_00,
        currency: 'UAH',
        probability: 50,
        expected_close: '2025-04-30',
        contact_id: SEEDED.contact,
        company_id: SEEDED.company,
        notes: 'Знижка за обсяг',
      });
      deal(SEEDED.dealWon, 'Сервісний договір', 'stage-won', {
        amount_minor: 4_800_00,
        currency: 'EUR',
        probability: 100,
        closed_at: T2,
        company_id: SEEDED.company,
      });
      deal(SEEDED.dealDeleted, 'Помилкова угода', 'stage-lost', {
        probability: 0,
        lost_reason: 'дубль',
        closed_at: T2,
      });
    },
  },
  '0009_devices': {
    note: 'an approved device and a revoked one',
    seed: db => {
      insert(db, 'devices', {
        id: 'dev-1',
        label: 'Ноутбук бухгалтерії',
        first_seen_at: T0,
        first_seen_user: SEEDED.owner,
        last_seen_at: T2,
        last_seen_user: SEEDED.owner,
        approved_at: T0,
        approved_by: SEEDED.owner,
      });
      insert(db, 'devices', {
        id: 'dev-2',
        label: 'Домашній ПК',
        first_seen_at: T1,
        last_seen_at: T1,
        revoked_at: T2,
        revoked_by: SEEDED.owner,
      });
    },
  },
  '0010_export_requests': {
    note: 'an approved, consumed export request',
    seed: db =>
      insert(db, 'export_requests', {
        id: 'er-1',
        user_id: SEEDED.manager,
        filter: '{"filter":{"tags":["VIP"]},"locale":"uk"}',
        count: 120,
        format: 'csv',
        requested_at: T1,
        decision: 'approved',
        decided_at: T1,
        decided_by: SEEDED.owner,
        consumed_at: T2,
      }),
  },
  '0011_activities': {
    note: 'a call on a contact, an open task with a reminder on a deal, a deleted note',
    seed: db => {
      insert(db, 'activities', {
        id: SEEDED.call,
        kind: 'call',
        subject: 'Дзвінок щодо знижки',
        body: 'Обговорили графік поставок',
        occurred_at: T1,
        contact_id: SEEDED.contact,
        ...owned(SEEDED.manager),
      });
      insert(db, 'activities', {
        id: SEEDED.task,
        kind: 'task',
        subject: 'Надіслати комерційну пропозицію',
        occurred_at: T1,
        due_at: '2025-03-20T12:00:00.000Z',
        remind_at: '2025-03-20T09:00:00.000Z',
        deal_id: SEEDED.deal,
        ...owned(SEEDED.manager),
      });
      insert(db, 'activities', {
        id: SEEDED.activityDeleted,
        kind: 'note',
        subject: 'Чернетка нотатки',
        occurred_at: T0,
        company_id: SEEDED.company,
        ...owned(SEEDED.owner, true),
      });
    },
  },
  '0012_documents': {
    note: 'a live document (with its file key) and a deleted one (key wiped)',
    seed: db => {
      const doc = { record_type: 'deal', record_id: SEEDED.deal, owner_id: SEEDED.manager };
      insert(db, 'documents', {
        id: 'doc-1',
        ...doc,
        file_name: 'Комерційна пропозиція.pdf',
        mime_type: 'application/pdf',
        size: 48_213,
        sha256: 'ab'.repeat(32),
        format_version: 1,
        file_key: Buffer.alloc(32, 7),
        created_at: T1,
      });
      insert(db, 'documents', {
        id: 'doc-2',
        ...doc,
        file_name: 'old.docx',
        mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: 1_024,
        sha256: 'cd'.repeat(32),
        format_version: 1,
        file_key: null,
        created_at: T0,
        deleted_at: T2,
        deleted_by: SEEDED.owner,
      });
    },
  },
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
};

/** Runs the seeds of `ids` in order on `sqlite`. */
export function seedUpTo(sqlite: Database.Database, ids: readonly string[]): void {
  for (const id of ids) UPGRADE_SEEDS[id]?.seed?.(sqlite);
}
