-- 0003_audit: the tamper-evident audit log.
--
-- Append-only: the triggers below refuse UPDATE and DELETE from inside the app. They are a guard
-- against mistakes, not against an attacker: anyone holding the data key can open this file with the
-- sqlcipher CLI and drop them. That is why every row also carries
--   hash = SHA-256(prev_hash || canonical entry)        (see src-main/audit/canonical.ts)
-- and why the newest (seq, hash) is kept in vault_meta['audit_head'], written in the same transaction
-- as each append, so truncating the newest rows is detected too. `zamok audit verify` checks all three.
-- Rows are written only through src-main/audit/log.ts (appendAudit); never by hand in a handler.

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,                 -- 1, 2, 3 … with no gaps; assigned by appendAudit
  at TEXT NOT NULL,                        -- ISO 8601 UTC with milliseconds, e.g. 2026-11-29T04:00:00.000Z
  user_id TEXT,                            -- users.id, NULL for system or anonymous (failed sign-in)
  user_login TEXT,                         -- login as typed or known at the time (kept if the user is renamed)
  device_id TEXT,
  action TEXT NOT NULL,                    -- 'auth.sign_in', 'contacts.update', …
  entity_type TEXT,
  entity_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
  changes TEXT,                            -- canonical JSON {field: {before, after}}, sensitive values redacted
  details TEXT,                            -- canonical JSON object, sensitive keys redacted
  prev_hash TEXT NOT NULL,                 -- hash of seq - 1; 64 zeros for seq 1
  hash TEXT NOT NULL                       -- lowercase hex SHA-256
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user_at ON audit_log (user_id, at);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);
CREATE INDEX audit_log_action_at ON audit_log (action, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
