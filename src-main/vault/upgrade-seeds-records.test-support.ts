/**
 * The upgrade seeds of migrations 0007–0012: companies, deals, devices, export requests,
 * activities, documents (merged into UPGRADE_SEEDS by ./upgrade-seeds.test-support.ts). Test-only;
 * shipped entries are never edited.
 */
import {
  insert,
  owned,
  phones,
  SEEDED,
  T0,
  T1,
  T2,
  type UpgradeSeed,
} from './upgrade-seed-kit.test-support';

/** The seeds of 0007–0012, by migration id. */
export const RECORD_SEEDS: Readonly<Record<string, UpgradeSeed>> = {
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
};
