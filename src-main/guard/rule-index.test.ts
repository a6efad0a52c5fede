import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/ipc';
import type { AuditChanges, AuditEntry, AuditJson } from '../audit';
import type { WindowEntry, WindowQueries } from './queries';
import { RULE_WATCHES, anyRuleWatches } from './rule-index';
import type { RuleEnv, RuleInput } from './rule-types';
import { RULES } from './rules';
import { DEFAULT_GUARD_SETTINGS, type GuardSettings } from './settings';

/** Every audited action the router can write (as the audit wrapper names them) and the services' own. */
function knownActions(): string[] {
  const fromChannels = Object.entries(contract).flatMap(([feature, calls]) =>
    Object.keys(calls).map(
      call => `${feature}.${call.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`)}`,
    ),
  );
  const services = [
    'auth.sign_in',
    'auth.lockout_file_tampered',
    'backup.create',
    'backup.run',
    'backup.restore',
    'backup.verify',
    'contacts.export_all',
    'guard.vault_files_changed',
    'sync.office_audit_broken',
    'settings.update',
    'users.create',
    'users.change_role',
    'users.reset_two_factor',
    'roles.create',
    'roles.update',
    'roles.delete',
    'demo.write',
  ];
  return [...new Set([...fromChannels, ...services])].sort();
}

const AT = '2026-11-29T12:00:00.000Z';

/** Settings at their most sensitive, so every rule fires whenever its action is right. */
const touchy: GuardSettings = {
  ...DEFAULT_GUARD_SETTINGS,
  allowedHours: { start: '00:00', end: '00:01', timeZone: 'UTC' },
  allowedNetworks: ['10.0.0.0/8'],
  failedPerLogin: 1,
  failedAcrossLogins: 1,
  exportRecords: 1,
  deleteRecords: 1,
  backupMaxAgeDays: 1,
};

/** A log full of history the rules count. */
function busyLog(action: string): WindowQueries {
  const row = (a: string): WindowEntry => ({
    seq: 1,
    at: AT,
    action: a,
    outcome: 'ok',
    entityType: null,
    details: { count: 1000 },
  });
  return {
    signedInBefore: (_user, _seq, device) => device === undefined,
    userEntries: () => [row(action)],
    actionEntries: () => [row(action), row(action)],
    lastOk: () => null,
    firstAt: () => '2020-01-01T00:00:00.000Z',
    userOkEntriesLike: (_user, suffix) => [row(`contacts.${suffix}`), row(`contacts.x${suffix}`)],
  };
}

function entries(action: string): AuditEntry[] {
  const details: (Record<string, AuditJson> | null)[] = [
    null,
    { count: 1000, all: true, verdict: 'broken', brokenAt: 3, reason: 'x', files: ['a'] },
    { reason: 'device_not_approved', error: 'io', pending: true, requestId: 'r-1' },
    { reason: 'network_not_allowed' },
  ];
  const changes: (AuditChanges | null)[] = [
    null,
    { role: { before: 'manager', after: 'owner' } },
    { x: { before: 1, after: 2 } },
  ];
  const out: AuditEntry[] = [];
  for (const outcome of ['ok', 'failed', 'denied'] as const) {
    for (const d of details) {
      for (const c of changes) {
        for (const userId of ['u-1', null]) {
          out.push({
            seq: 10,
            at: AT,
            userId,
            userLogin: userId,
            deviceId: 'dev-9',
            action,
            entityType: null,
            entityId: null,
            outcome,
            changes: c,
            details: d,
            prevHash: '0'.repeat(64),
            hash: '1'.repeat(64),
          });
        }
      }
    }
  }
  return out;
}

const env: RuleEnv = { localAddresses: () => ['192.0.2.1'] };

describe('rule index', () => {
  it('never skips an entry a rule would raise an alert for, on every known action', () => {
    const fired = new Set<unknown>();
    for (const action of knownActions()) {
      for (const entry of entries(action)) {
        const input: RuleInput = { entry, q: busyLog(action), settings: touchy, env };
        for (const rule of RULES) {
          if (rule(input).length === 0) continue;
          fired.add(rule);
          const watch = RULE_WATCHES.get(rule);
          if (watch) expect(watch(entry), `${rule.name} fires on ${action}`).toBe(true);
          expect(anyRuleWatches(entry), action).toBe(true);
        }
      }
    }
    // The corpus is not vacuous: every indexed rule fired on something.
    for (const rule of RULE_WATCHES.keys()) expect(fired.has(rule), rule.name).toBe(true);
  });

  it('lets ordinary data calls through without any rule, and indexes every rule', () => {
    const plain = (action: string): AuditEntry => ({ ...(entries(action)[0] as AuditEntry) });
    for (const action of ['contacts.update', 'contacts.create', 'contacts.get', 'audit.list']) {
      expect(anyRuleWatches(plain(action)), action).toBe(false);
    }
    expect(anyRuleWatches(plain('auth.sign_in'))).toBe(true);
    // A rule without a predicate is never skipped, but every entry then pays for the rules: keep
    // RULE_WATCHES complete.
    expect(RULES.filter(rule => !RULE_WATCHES.has(rule)).map(rule => rule.name)).toEqual([]);
  });
});
