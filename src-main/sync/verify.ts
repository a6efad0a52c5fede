/**
 * `zamok audit verify --office`: for every partition this laptop holds, fetches all its changes
 * from the server, recomputes the office chain (src-server/changes.ts `chainLink`) and checks that
 * sequence numbers run 1, 2, 3 … without gaps, that the chain ends at the head the server states,
 * and that at this laptop's pull cursor it passes through the head this laptop computed when it
 * pulled. An edited, deleted, inserted or reordered change is found even when the server rewrote
 * its own stored head to match. The office audit entries held here (other laptops' chains,
 * ./audit-check.ts) must verify per device too.
 */
import type { Kysely } from 'kysely';
import type { PulledChange } from '../../src-shared/office/contracts';
import type { OfficeChainView } from '../../src-shared/ipc/sync';
import type { Database } from '../vault/schema';
import { checkOfficeAudit } from './audit-check';
import { readWholePartition } from './purge';
import { OfficeSession } from './session';
import { heldPartitions, loadOfficeSettings } from './store';
import { NotJoinedError, followChain, type ListedPartition } from './worker';

async function allChanges(session: OfficeSession, partitionId: string): Promise<PulledChange[]> {
  const out: PulledChange[] = [];
  await readWholePartition(session, partitionId, changes => void out.push(...changes));
  return out;
}

/** Why a partition's chain does not verify, or null. */
function chainProblem(
  listed: ListedPartition | undefined,
  held: { partition_id: string; after_seq: number; chain_head: string | null },
  changes: readonly PulledChange[],
): string | null {
  if (!listed) return 'not_listed';
  if (changes.some((c, i) => c.seq !== i + 1)) return 'seq_gap';
  if (changes.length !== listed.lastSeq) return 'count_mismatch';
  if (followChain(held.partition_id, null, changes) !== listed.chainHead) return 'head_mismatch';
  if (held.after_seq > 0 && held.chain_head !== null) {
    const seen = followChain(held.partition_id, null, changes.slice(0, held.after_seq));
    if (seen !== held.chain_head) return 'history_rewritten';
  }
  return null;
}

/** Checks the office chain of every partition held. */
export async function verifyOfficeChain(db: Kysely<Database>): Promise<OfficeChainView> {
  const settings = await loadOfficeSettings(db);
  if (!settings) throw new NotJoinedError();
  const session = await OfficeSession.signIn(settings);
  const { partitions } = await session.get<{ partitions: ListedPartition[] }>('/v1/partitions');
  const result: OfficeChainView = { ok: true, partitions: [], auditDevices: [] };
  for (const held of await heldPartitions(db)) {
    const listed = partitions.find(p => p.partitionId === held.partition_id);
    const changes = listed ? await allChanges(session, held.partition_id) : [];
    const reason = chainProblem(listed, held, changes);
    result.partitions.push({
      partitionId: held.partition_id,
      changes: changes.length,
      ok: reason === null,
      reason,
    });
    if (reason) result.ok = false;
  }
  // Other laptops' audit entries (the audit partition): each device's segment must chain.
  result.auditDevices = await checkOfficeAudit(db);
  if (result.auditDevices.some(d => d.problems > 0)) result.ok = false;
  return result;
}
