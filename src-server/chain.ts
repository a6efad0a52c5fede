/**
 * The office audit chain check: for each partition, walks its changes in sequence order and
 * recomputes each change's hash and chain link. A deleted, reordered, edited or inserted change, or a
 * head that does not match, names the partition as broken. (`zamok audit verify --office` will call
 * this through the server; laptops also compare the heads they saw.)
 */
import { sameBytes, sha256 } from './crypto';
import type { Queryable } from './db/db';
import { chainLink } from './changes';
import { chainGenesis } from './partitions';

/** One broken partition and the first sequence number where its chain breaks. */
export interface ChainBreak {
  partitionId: string;
  atSeq: number;
}

/** Checks every partition's office chain; an empty list means all verify. */
export async function verifyOfficeChain(db: Queryable): Promise<ChainBreak[]> {
  const partitions = await db.query<{
    partition_id: string;
    next_seq: string | number;
    chain_head: Uint8Array;
  }>('SELECT partition_id, next_seq, chain_head FROM partitions ORDER BY partition_id');
  const breaks: ChainBreak[] = [];
  for (const partition of partitions) {
    const rows = await db.query<{
      seq: string | number;
      change_id: string;
      key_version: number;
      sealed: Uint8Array | null;
      hash: Uint8Array;
      chain: Uint8Array;
    }>(
      'SELECT seq, change_id, key_version, sealed, hash, chain FROM changes WHERE partition_id = $1 ORDER BY seq',
      [partition.partition_id],
    );
    let head = chainGenesis(partition.partition_id);
    let broken: number | null = null;
    rows.forEach((row, index) => {
      if (broken !== null) return;
      const seq = Number(row.seq);
      // An erased change (./purge.ts) has no bytes left to hash: its stored hash stands in.
      const hash = row.sealed ? sha256(Buffer.from(row.sealed)) : Buffer.from(row.hash);
      const link = chainLink(head, {
        partitionId: partition.partition_id,
        seq,
        changeId: row.change_id,
        keyVersion: row.key_version,
        hash,
      });
      if (
        seq !== index + 1 ||
        !sameBytes(hash, Buffer.from(row.hash)) ||
        !sameBytes(link, Buffer.from(row.chain))
      ) {
        broken = index + 1;
        return;
      }
      head = link;
    });
    const lastSeq = Number(partition.next_seq) - 1;
    if (
      broken === null &&
      (lastSeq !== rows.length || !sameBytes(head, Buffer.from(partition.chain_head)))
    ) {
      broken = Math.min(rows.length + 1, lastSeq);
    }
    if (broken !== null) breaks.push({ partitionId: partition.partition_id, atSeq: broken });
  }
  return breaks;
}
