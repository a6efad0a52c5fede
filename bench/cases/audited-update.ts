/**
 * Target: an audited contact update costs at most 1.2× the same update without the audit wrapper.
 * Both go through a router with the session guard and permission check, as the signed-in manager,
 * on the same vault connection (WAL, synchronous=FULL as the product opens it), interleaved.
 */
import type { Contact, ContactListPage } from '../../src-shared/contacts';
import type { Router } from '../../src-main/ipc';
import type { BenchContext } from '../context';
import { WINDOW_CALLER } from '../fixtures';
import type { BenchCase } from '../runner';
import { measureInterleaved, summarize } from '../stats';
import { createUnauditedContactsRouter } from './bare-router';

/** How many of the manager's contacts the updates rotate over. */
const TARGETS = 20;

/** The audited-update case. */
export const auditedUpdateCase: BenchCase<BenchContext> = {
  id: 'audited-update',
  title: 'contacts.update: audited (product router) vs audit wrapper removed',
  goals: [{ kind: 'ratio', max: 1.2 }],
  async run(ctx, loop) {
    const office = await ctx.office();
    const vault = office.app.state.vault;
    if (!vault) throw new Error('audited-update: the office has no open vault');
    const page = await office.call<ContactListPage>('contacts.list', { limit: TARGETS });
    const targets = page.items
      .filter(c => c.ownerId === office.manager.id)
      .map(c => ({ id: c.id, updatedAt: c.updatedAt }));
    if (targets.length === 0) throw new Error('audited-update: the manager owns no contacts');

    let n = 0;
    /** One edit through `router`: a new note on the next contact, with its current concurrency token. */
    const edit = (router: Router) => async () => {
      n += 1;
      const target = targets[n % targets.length];
      if (!target) throw new Error('audited-update: no target');
      const result = await router.call(
        'zamok:contacts.update',
        {
          id: target.id,
          patch: { notes: `Дзвінок №${n}: домовились про зустріч.` },
          expectedUpdatedAt: target.updatedAt,
        },
        WINDOW_CALLER,
      );
      if (!result.ok) throw new Error(`contacts.update failed: ${result.error.code}`);
      target.updatedAt = (result.value as Contact).updatedAt;
    };

    const auditRows = () =>
      (vault.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = auditRows();
    const [audited, bare] = await measureInterleaved(
      [edit(office.app.router), edit(createUnauditedContactsRouter(office.app.state))],
      loop,
    );
    const written = auditRows() - before;
    const expected = loop.warmup + loop.iterations;
    if (written !== expected) {
      throw new Error(`audited-update: expected ${expected} audit entries, found ${written}`);
    }
    const synchronous = vault.sqlite.pragma('synchronous', { simple: true });
    const journal = vault.sqlite.pragma('journal_mode', { simple: true });
    // Diagnostic only (not judged): the same pair without an fsync per commit, which shows how much
    // of the difference is the audit entry's own commit rather than the work of writing it.
    vault.sqlite.pragma('synchronous = NORMAL');
    let relaxed: number[][];
    try {
      relaxed = await measureInterleaved(
        [edit(office.app.router), edit(createUnauditedContactsRouter(office.app.state))],
        { warmup: loop.warmup, iterations: Math.ceil(loop.iterations / 2) },
      );
    } finally {
      vault.sqlite.pragma(`synchronous = ${String(synchronous)}`);
    }
    const relaxedStats = relaxed.map(samples => summarize(samples));
    return {
      series: [
        {
          label: 'router with audit wrapper (product)',
          role: 'subject',
          stats: summarize(audited ?? []),
        },
        {
          label: 'same chain, audit wrapper removed',
          role: 'baseline',
          stats: summarize(bare ?? []),
        },
        ...relaxedStats.map((stats, i) => ({
          label: `diagnostic, synchronous=NORMAL: ${i === 0 ? 'audited' : 'audit removed'}`,
          role: 'context' as const,
          stats,
        })),
      ],
      notes: [
        `diagnostic ratio at synchronous=NORMAL (no fsync per commit; not judged, trust it only ` +
          `on a quiet machine): ` +
          `${((relaxedStats[0]?.p50Ms ?? NaN) / (relaxedStats[1]?.p50Ms ?? NaN)).toFixed(2)}x`,
        `journal_mode=${String(journal)}, synchronous=${String(synchronous)} (2 = FULL); ` +
          `${written} audit entries written by the audited calls, none by the others`,
        `vault on ${office.root}`,
      ],
    };
  },
};
