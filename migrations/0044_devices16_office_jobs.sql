-- 0044_devices16_office_jobs: heads approving devices and queued office steps (docs/SYNC.md).
-- Shipped migrations are never edited.
--
-- `inviter_box_key`: the X25519 public key of the device whose invitation this laptop joined with,
-- as the enrolment code carried it (out of band, not from the server). A head's laptop wraps the
-- partition of a manager it approves to that owner device: the server's list of owner devices is
-- checked against it, so a device the server made up never gets a key.
ALTER TABLE office_settings ADD COLUMN inviter_box_key TEXT;

-- Office steps that must reach the server and are retried by the background sync loop until the
-- server confirms them (today: a staff dismissal, whose devices the office must refuse and whose
-- partitions get new keys). Only ids, counts and error codes: no personal data.
CREATE TABLE office_jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('dismiss')),
  user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  done_at TEXT,
  outcome TEXT
) STRICT;
CREATE INDEX office_jobs_waiting ON office_jobs (done_at, next_attempt_at);
