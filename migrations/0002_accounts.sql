-- 0002_accounts: staff accounts and their second factor. Shipped migrations are never edited.
--
-- Passwords are not here: a password is a key slot in keyring.json (it unwraps the data key).
-- The TOTP secret lives only inside this encrypted database. Recovery codes are stored as salted
-- HMAC-SHA256 hashes (src-main/auth/recovery-codes.ts); each row is usable once (used_at).
-- Times are ISO 8601 UTC strings with milliseconds, as in audit_log.

CREATE TABLE users (
  id TEXT PRIMARY KEY,                      -- random UUID; referenced by audit_log.user_id
  login TEXT NOT NULL UNIQUE,               -- normalised: NFC, trimmed, lower case (as the keyring)
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,                       -- a built-in role (src-shared/permissions.ts) or, later, a custom one
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dismissed')),
  created_at TEXT NOT NULL,
  last_sign_in_at TEXT,
  totp_secret TEXT,                         -- Base32; NULL until enrolled
  totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1)),
  totp_last_step INTEGER,                   -- last accepted TOTP time step (replay protection)
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  password_changed_at TEXT,
  CHECK (totp_enabled = 0 OR totp_secret IS NOT NULL)
) STRICT;

CREATE INDEX users_role_status ON users (role, status);

CREATE TABLE recovery_codes (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,                  -- hex HMAC-SHA256(salt, canonical code)
  salt TEXT NOT NULL,                       -- hex, 16 random bytes, one per code
  created_at TEXT NOT NULL,
  used_at TEXT                              -- NULL while unused; set once, never cleared
) STRICT;

CREATE INDEX recovery_codes_user ON recovery_codes (user_id, used_at);
