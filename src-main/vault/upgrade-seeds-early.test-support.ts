/**
 * The upgrade seeds of migrations 0001–0006: settings, accounts, audit, roles, contacts, alerts
 * (merged into UPGRADE_SEEDS by ./upgrade-seeds.test-support.ts). Test-only; shipped entries are
 * never edited.
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

/** The seeds of 0001–0006, by migration id. */
export const EARLY_SEEDS: Readonly<Record<string, UpgradeSeed>> = {
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
};
