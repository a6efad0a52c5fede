-- 0023_erasure_log: real erasure of a person (right to be forgotten, end of a retention period).
-- Shipped migrations are never edited.
--
-- Audit log, canonical version 2 (src-main/audit/canonical-v2.ts, README there): new entries hash a
-- salted digest of their payload instead of the payload itself, so an erased entry's `changes` and
-- `details` can be replaced by a pseudonym while its hash, and every later link, still verifies.
--   payload_salt    random per entry (hex); wiped when the entry is erased, so the kept digest
--                   cannot be used to confirm a guessed name
--   payload_digest  HMAC-SHA256(salt, payload) (hex); NULL = a version 1 entry (hashes its payload)
--   erasure_id      erasures.id when the entry's content was erased by request; verify then reports
--                   it as erased (v1: content not re-verifiable, link and stored hash still checked)
ALTER TABLE audit_log ADD COLUMN payload_salt TEXT;
ALTER TABLE audit_log ADD COLUMN payload_digest TEXT;
ALTER TABLE audit_log ADD COLUMN erasure_id TEXT;

-- Ids and times only, never personal data. A copy lives outside zamok.db (`<vault>.erasures`, MAC'd)
-- so that restoring an older backup replays the erasures made after it (src-main/privacy/erasure).
CREATE TABLE erasures (
  id TEXT PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('contact')),
  entity_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('request', 'retention')),
  erased_at TEXT NOT NULL,
  erased_by TEXT,
  replayed_at TEXT
) STRICT;

-- Holds its one row only inside an erasure transaction (src-main/privacy/erasure/audit-scrub.ts),
-- which deletes it again before COMMIT. Outside it, audit_log stays append-only as in 0003.
CREATE TABLE audit_erasure_gate (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;

-- Why a replaced trigger instead of none: an erasure may change only `changes`, `details`,
-- `payload_salt` and set `erasure_id`; every hashed column, the hash and the digest stay as they were.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM audit_erasure_gate)
  OR NEW.erasure_id IS NULL
  OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.user_id IS NOT OLD.user_id
  OR NEW.user_login IS NOT OLD.user_login OR NEW.device_id IS NOT OLD.device_id
  OR NEW.action IS NOT OLD.action OR NEW.entity_type IS NOT OLD.entity_type
  OR NEW.entity_id IS NOT OLD.entity_id OR NEW.outcome IS NOT OLD.outcome
  OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
  OR NEW.payload_digest IS NOT OLD.payload_digest
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Retention rules (src-main/privacy/retention): "contacts with no activity for N months". A run
-- only lists candidates; nothing is erased until the owner approves a list.
CREATE TABLE retention_rules (
  id TEXT PRIMARY KEY,
  record_type TEXT NOT NULL CHECK (record_type IN ('contact')),
  inactive_months INTEGER NOT NULL CHECK (inactive_months BETWEEN 1 AND 1200),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (record_type)
) STRICT;
