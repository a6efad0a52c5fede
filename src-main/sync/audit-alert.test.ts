/**
 * A broken office audit chain raises a guard alert at the audit reader, once per device and break
 * (real office server on PGlite, and PostgreSQL 15 where one can start; real HTTP client): an
 * intact chain raises none; the server editing a stored audit change raises exactly one at the
 * owner's next round (stored alert, announced to the notifier's subscribers, one entry in the
 * owner's own audit log), and later rounds — the gap that change leaves arriving with the
 * device's next entries, or nothing new at all — raise no other.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../src-shared/ipc/alerts';
import { guardMessage } from '../../src-shared/guard/messages';
import { OFFICE_AUDIT_BROKEN_ACTION, auditPartitionId } from '../../src-shared/office/audit';
import { verifyAuditChain } from '../audit';
import { installAlertRules, onAlertRaised } from '../guard/engine';
import { listAlerts } from '../guard/store';
import { testEngines } from '../../src-server/db/cluster.test-support';
import {
  auditedEdit,
  enrolledOwner,
  joinedLaptop,
  startOffice,
  type Laptop,
} from './office.test-support';
import { loadOfficeSettings } from './store';
import { syncNow } from './worker';

const engines = await testEngines();
const opened: Laptop[] = [];
afterAll(() => {
  for (const laptop of opened.splice(0)) laptop.vault.close();
  engines.forEach(engine => engine.stop());
});

function brokenAlerts(laptop: Laptop): AlertView[] {
  return listAlerts(laptop.vault.sqlite, {
    includeData: true,
    unreadOnly: false,
    limit: 100,
  }).items.filter(a => a.rule === 'office_audit_broken');
}

/** The owner's round as the app runs it: breaks are recorded in the vault's own log. */
async function readerRound(laptop: Laptop): Promise<void> {
  await syncNow(laptop.db, { audit: laptop.vault });
  // Announcements are deferred past the append transaction: let them run.
  await new Promise(resolve => setImmediate(resolve));
}

describe.each(engines.map(e => [e.name, e] as const))(
  'office audit break alert on %s',
  (_n, engine) => {
    it('raises one alert when the server edits a stored audit change, none for an intact chain', async () => {
      installAlertRules();
      const announced: AlertView[] = [];
      const stop = onAlertRaised(alert => {
        if (alert.rule === 'office_audit_broken') announced.push(alert);
      });
      const office = await startOffice(engine.create().storage);
      try {
        const owner = await enrolledOwner(office);
        const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
        opened.push(owner, a);
        await readerRound(owner); // makes A's audit partition
        const deviceA = (await loadOfficeSettings(a.db))?.device_id ?? '';
        const partitionId = auditPartitionId(deviceA);
        for (let n = 1; n <= 3; n += 1) auditedEdit(a, n);
        await syncNow(a.db);
        await readerRound(owner);
        // An intact chain: entries held, nothing flagged, no alert.
        const held = await owner.db
          .selectFrom('office_audit')
          .select(['seq', 'problem'])
          .where('device_id', '=', deviceA)
          .execute();
        expect(held.length).toBeGreaterThanOrEqual(3);
        expect(held.every(r => r.problem === null)).toBe(true);
        expect(brokenAlerts(owner)).toEqual([]);

        // A's next change is edited on the server before the owner pulls it.
        auditedEdit(a, 4);
        auditedEdit(a, 5);
        await syncNow(a.db);
        const [last] = await office.db.query<{ seq: string }>(
          'SELECT seq FROM changes WHERE partition_id = $1 ORDER BY seq DESC LIMIT 1',
          [partitionId],
        );
        await office.db.query(
          `UPDATE changes SET sealed = sealed || '\\x00'::bytea WHERE partition_id = $1 AND seq = $2`,
          [partitionId, last?.seq],
        );
        await readerRound(owner);
        const [alert, ...more] = brokenAlerts(owner);
        expect(more).toEqual([]);
        expect(alert).toMatchObject({
          severity: 'high',
          data: false,
          entityType: 'office_device',
          entityId: deviceA,
          occurrences: 1,
          details: { device: deviceA.slice(0, 8), deviceId: deviceA, edited: 1, missing: 0 },
        });
        expect(announced.map(x => x.id)).toEqual([alert?.id]);
        // The words name the device and what broke, never the user.
        for (const locale of ['uk', 'en']) {
          const body = guardMessage(locale, 'alerts.office_audit_broken.body', alert?.details);
          expect(body).toContain(deviceA.slice(0, 8));
          expect(body).not.toContain('anna');
          expect(body).not.toContain('{{');
        }
        // Recorded once in the owner's own chain, which still verifies.
        const recorded = await owner.db
          .selectFrom('audit_log')
          .select(['entity_id', 'user_id'])
          .where('action', '=', OFFICE_AUDIT_BROKEN_ACTION)
          .execute();
        expect(recorded).toEqual([{ entity_id: deviceA, user_id: null }]);
        expect(verifyAuditChain(owner.vault).ok).toBe(true);

        // A's next entries arrive after the gap the edited change left: flagged red, the same
        // break, no second alert; a round with nothing new raises none either.
        auditedEdit(a, 6);
        await syncNow(a.db);
        await readerRound(owner);
        const flagged = await owner.db
          .selectFrom('office_audit')
          .select('problem')
          .where('device_id', '=', deviceA)
          .where('problem', 'is not', null)
          .execute();
        expect(flagged.map(r => r.problem)).toEqual(['seq_gap']);
        await readerRound(owner);
        expect(brokenAlerts(owner)).toHaveLength(1);
        expect(brokenAlerts(owner)[0]?.occurrences).toBe(1);
        expect(announced).toHaveLength(1);
        const entries = await owner.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', OFFICE_AUDIT_BROKEN_ACTION)
          .execute();
        expect(entries).toHaveLength(1);
      } finally {
        stop();
        await office.close();
      }
    }, 300_000);
  },
);
