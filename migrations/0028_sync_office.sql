-- 0028_sync_office: the laptop side of office sync (docs/SYNC.md). Shipped migrations are never edited.
--
-- Everything here lives inside the encrypted vault: the device's private keys and the partition keys
-- are as safe as the records they protect. Nothing is written to these tables until the vault joins
-- an office (office_settings has its row); a vault that never syncs keeps them empty.

-- This vault's membership of an office: one row once enrolled or joined.
CREATE TABLE office_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  fingerprint TEXT,                         -- SHA-256 of the server certificate (HTTPS), pinned
  office_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  user_id TEXT NOT NULL,                    -- the vault user this device syncs as
  role TEXT NOT NULL,
  team_id TEXT,
  sign_private BLOB NOT NULL,               -- Ed25519 private key (PKCS#8 DER)
  box_private BLOB NOT NULL,                -- X25519 private key (PKCS#8 DER)
  sign_public TEXT NOT NULL,                -- raw 32 bytes, base64
  box_public TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active')),
  created_at TEXT NOT NULL,
  last_sync_at TEXT,
  last_error TEXT                           -- an error code (never a message with data)
) STRICT;

-- Partitions this device holds (its ACL as last seen) and the user whose records they carry.
CREATE TABLE office_partitions (
  partition_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('owner', 'audit', 'settings')),
  owner_user_id TEXT,
  key_version INTEGER NOT NULL,             -- current version (changes are sealed under it)
  may_push INTEGER NOT NULL DEFAULT 0 CHECK (may_push IN (0, 1)),
  after_seq INTEGER NOT NULL DEFAULT 0,     -- pull cursor: the last server sequence number applied
  chain_head TEXT                           -- office chain link at after_seq as this laptop computed it
) STRICT;

CREATE UNIQUE INDEX office_partitions_owner ON office_partitions (owner_user_id) WHERE kind = 'owner';

-- Partition keys by version (older ones kept to read older changes).
CREATE TABLE office_partition_keys (
  partition_id TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  key BLOB NOT NULL,                        -- 32 random bytes
  PRIMARY KEY (partition_id, key_version)
) STRICT;

-- Sealed changes waiting for the server. Written in the same transaction as the record change;
-- `seq` is set when the server acknowledged it; the row goes once a pull brought it back. Pushed in
-- rowid order (the order the changes were made).
CREATE TABLE sync_outbox (
  change_id TEXT PRIMARY KEY,
  partition_id TEXT NOT NULL,
  key_version INTEGER NOT NULL,
  record_table TEXT NOT NULL,
  record_id TEXT NOT NULL,
  fields TEXT NOT NULL,                     -- JSON array of the column names it changes
  sealed TEXT NOT NULL,                     -- base64 nonce ‖ ciphertext ‖ tag
  created_at TEXT NOT NULL,
  seq INTEGER                               -- server sequence number once acknowledged
) STRICT;

CREATE INDEX sync_outbox_record ON sync_outbox (record_table, record_id);

-- The server-ordered value of each synced field (field-level last writer wins by server order;
-- stage, amount and owner changes are checked against it).
CREATE TABLE sync_fields (
  record_table TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT,                               -- JSON of the column value
  seq INTEGER NOT NULL,
  PRIMARY KEY (record_table, record_id, field)
) STRICT, WITHOUT ROWID;

-- Stale stage/amount/owner changes: shown to the user to resolve, never applied silently.
CREATE TABLE sync_conflicts (
  change_id TEXT NOT NULL,
  record_table TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  base_value TEXT,                          -- JSON: what the change was made on
  kept_value TEXT,                          -- JSON: the value that stays (server order)
  offered_value TEXT,                       -- JSON: the stale change's value
  device_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  PRIMARY KEY (change_id, field)
) STRICT;
