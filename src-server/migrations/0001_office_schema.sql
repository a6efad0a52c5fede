-- The office server's schema. The server stores ciphertext and the routing facts it needs
-- (partition, sequence, key version, size, time, device); no names, no record fields, no keys.

-- One row: this office. `auth_secret` signs the short-lived device tokens (HMAC-SHA256); the
-- enrolment code is kept only as its SHA-256 and cleared when the first owner device uses it.
CREATE TABLE office (
  id smallint PRIMARY KEY CHECK (id = 1),
  office_id uuid NOT NULL,
  auth_secret bytea NOT NULL CHECK (length(auth_secret) = 32),
  enrolment_code_hash bytea,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Users as the office knows them: opaque ids, role and team; no names, no logins.
CREATE TABLE users (
  user_id text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('owner', 'administrator', 'head', 'manager', 'auditor')),
  team_id text,
  dismissed_at timestamptz
);

-- Devices: an Ed25519 key that signs (auth, approvals) and an X25519 key partition keys are
-- wrapped to. `approval` is the approving owner device's signature over the device statement.
CREATE TABLE devices (
  device_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (user_id),
  sign_key bytea NOT NULL CHECK (length(sign_key) = 32),
  box_key bytea NOT NULL CHECK (length(box_key) = 32),
  status text NOT NULL CHECK (status IN ('active', 'revoked')),
  approved_by text REFERENCES devices (device_id),
  approval bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX devices_user ON devices (user_id);

-- Outstanding sign-in challenges (one use each, short-lived).
CREATE TABLE auth_challenges (
  challenge bytea PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (device_id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);

-- Partitions: an owner's records, the audit stream, office settings. `next_seq` hands out the
-- per-partition sequence (gap-free: taken under the row lock, in the pushing transaction);
-- `chain_head` is the office audit chain's newest hash for this partition.
CREATE TABLE partitions (
  partition_id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('owner', 'audit', 'settings')),
  owner_user_id text REFERENCES users (user_id),
  key_version integer NOT NULL DEFAULT 1 CHECK (key_version >= 1),
  next_seq bigint NOT NULL DEFAULT 1,
  chain_head bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The ACL: which device may pull (every row) and push (`may_push`) which partition.
CREATE TABLE partition_access (
  partition_id text NOT NULL REFERENCES partitions (partition_id),
  device_id text NOT NULL REFERENCES devices (device_id),
  may_push boolean NOT NULL,
  PRIMARY KEY (partition_id, device_id)
);
CREATE INDEX partition_access_device ON partition_access (device_id);

-- Partition keys wrapped to a device's X25519 key (ciphertext only), per key version.
CREATE TABLE key_envelopes (
  partition_id text NOT NULL REFERENCES partitions (partition_id),
  key_version integer NOT NULL,
  device_id text NOT NULL REFERENCES devices (device_id),
  wrapped bytea NOT NULL,
  PRIMARY KEY (partition_id, key_version, device_id)
);

-- Changes: sealed on the laptop (AEAD, associated data = partition, key version, change id).
-- `change_id` is unique: a replayed push is answered with the stored sequence. `hash` is
-- SHA-256 of the sealed bytes; `chain` = SHA-256(previous chain of the partition || entry).
CREATE TABLE changes (
  partition_id text NOT NULL REFERENCES partitions (partition_id),
  seq bigint NOT NULL,
  change_id uuid NOT NULL UNIQUE,
  key_version integer NOT NULL,
  device_id text NOT NULL REFERENCES devices (device_id),
  sealed bytea NOT NULL,
  hash bytea NOT NULL,
  chain bytea NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partition_id, seq)
);
