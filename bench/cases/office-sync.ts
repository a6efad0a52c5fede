/**
 * Issue 16's sync goals, against a real office server (PGlite, loopback) and real vaults:
 * - `office-initial-sync`: the owner's first sync of N clients made on a manager's laptop (one
 *   `syncNow`: pull, open, apply) vs the manager's local insert of the same N (one outer
 *   transaction, as an import batch; each create goes to the outbox). Goal: ≤ 2×.
 * - `office-change`: one edit on the manager's laptop, pushed, until the owner's background loop
 *   (waiting in a long poll) has applied it. Goal: p95 ≤ 1 s.
 * N is `--contacts` (100 000 in the full run, 10 000 with --quick).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact, updateContact } from '../../src-main/crm/contacts/repository';
import { startBackgroundSync, type RoundOutcome } from '../../src-main/sync/background';
import {
  enrolledOwner,
  joinedLaptop,
  startOffice,
  type Laptop,
} from '../../src-main/sync/office.test-support';
import { syncNow } from '../../src-main/sync/worker';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { summarize } from '../stats';

/** An office with an owner and one manager (A). */
async function smallOffice(root: string) {
  const office = await startOffice({ data: join(root, 'office') });
  const owner = await enrolledOwner(office);
  const a = await joinedLaptop(office, owner, 'anna', 'manager', null);
  await syncNow(a.db);
  await syncNow(owner.db);
  return {
    owner,
    a,
    async close() {
      for (const laptop of [owner, a]) laptop.vault.close();
      await office.close();
    },
  };
}

/** `n` clients of `laptop`'s user in one outer transaction; the time it took (ms). */
async function insertClients(laptop: Laptop, n: number): Promise<number> {
  const input = contactInputSchema.parse({ surname: 'Синхроненко', givenName: 'Клієнт' });
  const start = performance.now();
  laptop.vault.sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (let i = 0; i < n; i += 1) await createContact(laptop.db, { userId: laptop.userId }, input);
    laptop.vault.sqlite.exec('COMMIT');
  } finally {
    if (laptop.vault.sqlite.inTransaction) laptop.vault.sqlite.exec('ROLLBACK');
  }
  return performance.now() - start;
}

/** The initial-sync case. */
export const officeInitialSyncCase: BenchCase<BenchContext> = {
  id: 'office-initial-sync',
  title: 'office sync: first sync of N clients to the owner vs the same insert locally',
  goals: [{ kind: 'ratio', max: 2 }],
  ownLoop: true,
  async run(ctx) {
    const n = ctx.options.contacts;
    const root = mkdtempSync(join(ctx.options.root ?? tmpdir(), 'zamok-bench-sync-'));
    try {
      const world = await smallOffice(root);
      try {
        ctx.log(`office-initial-sync: ${n} clients on A`);
        const inserted = await insertClients(world.a, n);
        const pushStart = performance.now();
        await syncNow(world.a.db);
        const pushed = performance.now() - pushStart;
        const start = performance.now();
        const report = await syncNow(world.owner.db);
        const synced = performance.now() - start;
        return {
          series: [
            { label: `owner's first sync of ${n}`, role: 'subject', stats: summarize([synced]) },
            { label: `local insert of ${n}`, role: 'baseline', stats: summarize([inserted]) },
            { label: `A pushes ${n}`, role: 'context', stats: summarize([pushed]) },
          ],
          notes: [`pulled ${report.pulled} changes`],
        };
      } finally {
        await world.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

/** The single-change case. */
export const officeChangeCase: BenchCase<BenchContext> = {
  id: 'office-change',
  title: 'office sync: one change on A reaches the owner (background loop, long poll)',
  goals: [{ kind: 'p95', maxMs: 1000 }],
  async run(ctx, loop) {
    const root = mkdtempSync(join(ctx.options.root ?? tmpdir(), 'zamok-bench-change-'));
    try {
      const world = await smallOffice(root);
      const { a, owner } = world;
      const input = contactInputSchema.parse({ surname: 'Зміненко', givenName: 'Клієнт' });
      let { id, updatedAt } = (await createContact(a.db, { userId: a.userId }, input)).after;
      await syncNow(a.db);
      let waiter: ((o: RoundOutcome) => void) | null = null;
      const ownerLoop = startBackgroundSync({
        source: () => owner.vault,
        waitMs: 20_000,
        onRound: o => waiter?.(o),
      });
      const samples: number[] = [];
      try {
        const viewer = { userId: a.userId, teamId: null, scope: 'all' as const };
        const runs = Math.min(loop.warmup, 3) + Math.min(loop.iterations, 40);
        for (let i = 0; i < runs; i += 1) {
          const notes = `зміна ${i}`;
          const arrived = new Promise<void>(resolve => {
            waiter = () => {
              const row = owner.vault.sqlite
                .prepare('SELECT notes FROM contacts WHERE id = ?')
                .get(id) as { notes: string | null } | undefined;
              if (row?.notes === notes) resolve();
            };
          });
          const start = performance.now();
          ({ id, updatedAt } = (await updateContact(a.db, viewer, id, { notes }, updatedAt)).after);
          await syncNow(a.db);
          await arrived;
          if (i >= Math.min(loop.warmup, 3)) samples.push(performance.now() - start);
        }
      } finally {
        await ownerLoop.stop();
        await world.close();
      }
      return {
        series: [
          { label: 'edit on A → applied on the owner', role: 'subject', stats: summarize(samples) },
        ],
      };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
