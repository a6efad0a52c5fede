/**
 * What an audit scrub looks for (./audit-scrub.ts for this laptop's log, ../../sync/audit-erase.ts
 * for the office's received entries): its own file, so the two share it without importing each
 * other.
 */

/** What the scrub looks for. */
export interface ScrubTarget {
  erasureId: string;
  pseudonym: string;
  /** `[entity_type, entity_id]` pairs whose entries are about the person. */
  entities: readonly (readonly [string, string])[];
  /** Distinctive strings of the person; entries whose payload contains one are scrubbed too. */
  needles: readonly string[];
}
