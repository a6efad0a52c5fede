-- 0009_devices: computers that tried to sign in with correct credentials, and whether the owner
-- approved them (src-main/guard/devices-store.ts). Shipped migrations are never edited.
--
-- A device is named by its id (src-main/guard/devices-identity.ts: keychain-bound for device-bound
-- vaults, a hash of host and OS user otherwise). The label is machine info (the OS host name by
-- default), which the owner may rename. Times are ISO 8601 UTC with milliseconds.

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  first_seen_at TEXT NOT NULL,
  first_seen_user TEXT,                        -- users.id of the first sign-in attempt
  last_seen_at TEXT NOT NULL,
  last_seen_user TEXT,
  approved_at TEXT,                            -- NULL: pending (never approved)
  approved_by TEXT,                            -- users.id
  revoked_at TEXT,                             -- set: refused until approved again
  revoked_by TEXT
) STRICT;

CREATE INDEX devices_last_seen ON devices (last_seen_at);
