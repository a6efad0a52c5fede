/**
 * Ids of CRM records (contacts, companies, deals, activities, documents): UUID version 7 (RFC 9562),
 * time-ordered and monotonic within this process. Why not random v4: every record table is keyed by
 * its text id and the search keys index (entity_type, entity_id), so a random id lands on a random
 * B-tree page, and in the encrypted vault each page touched costs a decrypt on read and an encrypt
 * on commit. Time-ordered ids append to the right edge instead (bench `bulk-insert`). The id carries
 * its creation time in milliseconds — the row stores created_at anyway (docs/THREAT_MODEL.md).
 */
import { v7 } from 'uuid';

/** A new record id (lowercase UUIDv7 text; ids made later in this process sort after it). */
export function newRecordId(): string {
  return v7();
}
