/**
 * Office metrics for owner devices: how many devices, partitions and changes the server holds and
 * how many bytes of ciphertext — exactly the facts docs/SYNC.md says the server sees, and nothing
 * per person. Owner-only: counts per office are still business information.
 */
import { requireOwner, type Caller } from './devices';
import type { ServerContext } from './office';
import type { RateLimitCounts } from './rate-limit';

/** The office's totals. */
export interface OfficeMetrics {
  devices: { active: number; revoked: number };
  partitions: number;
  changes: number;
  /** Changes whose sealed bytes were erased (./purge.ts); counted in `changes` too. */
  erasedChanges: number;
  sealedBytes: number;
  engine: string;
  /** Calls refused before sign-in since this server process started (../rate-limit.ts). */
  rateLimited: RateLimitCounts;
}

/** Totals over the whole office (owner devices only; 403 otherwise). */
export async function officeMetrics(ctx: ServerContext, caller: Caller): Promise<OfficeMetrics> {
  requireOwner(caller);
  const [row] = await ctx.db.query<Record<string, string | number | null>>(
    `SELECT
       (SELECT count(*) FROM devices WHERE status = 'active') AS active,
       (SELECT count(*) FROM devices WHERE status = 'revoked') AS revoked,
       (SELECT count(*) FROM partitions) AS partitions,
       (SELECT count(*) FROM changes) AS changes,
       (SELECT count(*) FROM changes WHERE sealed IS NULL) AS erased,
       (SELECT coalesce(sum(length(sealed)), 0) FROM changes) AS bytes`,
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    devices: { active: n('active'), revoked: n('revoked') },
    partitions: n('partitions'),
    changes: n('changes'),
    erasedChanges: n('erased'),
    sealedBytes: n('bytes'),
    engine: ctx.db.engine,
    rateLimited: ctx.limits.counts(),
  };
}
