-- 0042_audit16_office_audit: the office audit partition (issue 16, "audit entries sync in the audit
-- partition to audit readers"). Shipped migrations are never edited.
--
-- Every laptop of an office pushes the audit entries it wrote since it joined, exactly as its own
-- chain stored them, sealed into its own audit partition (one per device). Only devices whose role
-- reads the audit log (owner, auditor) may pull audit partitions (the server refuses the others),
-- so every other laptop holds its own push-only: `may_pull` 0. Existing partitions stay pullable.
ALTER TABLE office_partitions ADD COLUMN may_pull INTEGER NOT NULL DEFAULT 1 CHECK (may_pull IN (0, 1));

-- How far this laptop's own audit log went out: entries after `last_seq` are sealed and queued on
-- the next round, in the same transaction that moves it. One row once the vault has joined.
CREATE TABLE office_audit_out (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL
) STRICT;

-- Other laptops' audit entries, as an audit reader pulled them: never part of this vault's own
-- audit_log chain. One row per (office device, its own seq). The entry columns are the sender's
-- stored audit_log columns unchanged (redacted values and erased pseudonyms as stored there), so
-- each device's segment is re-verified here: `problem` names why an entry does not chain (NULL:
-- verified), and such an entry is kept, flagged, never silently accepted or dropped.
CREATE TABLE office_audit (
  device_id TEXT NOT NULL,                  -- the office device that pushed it (the server's record)
  seq INTEGER NOT NULL,                     -- the entry's seq in that laptop's own chain
  at TEXT NOT NULL,
  user_id TEXT,
  user_login TEXT,
  local_device_id TEXT,                     -- the sender's audit_log.device_id column
  action TEXT NOT NULL,
  entity_type TEXT,
  entity_id TEXT,
  outcome TEXT NOT NULL,
  changes TEXT,
  details TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  payload_salt TEXT,
  payload_digest TEXT,
  erasure_id TEXT,
  partition_seq INTEGER NOT NULL,           -- the change's sequence number in the audit partition
  problem TEXT CHECK (problem IN ('hash_mismatch', 'digest_mismatch', 'seq_gap', 'prev_mismatch', 'wrong_device')),
  received_at TEXT NOT NULL,
  PRIMARY KEY (device_id, seq)
) STRICT;

CREATE INDEX office_audit_at ON office_audit (at);
CREATE INDEX office_audit_problem ON office_audit (problem) WHERE problem IS NOT NULL;
