-- 0007_alerts: alerts raised by the rules that watch the audit log (src-main/guard). Shipped
-- migrations are never edited.
--
-- An alert names people and records by id only (users.id, audit_log.seq, entity ids): no names,
-- phones or other client data, so the alert centre and OS notifications cannot leak any.
-- One row per rule / user / time window (dedupe_key); a repeat in the same window adds to
-- `occurrences` and marks the alert unread again. Times are ISO 8601 UTC with milliseconds.

CREATE TABLE alerts (
  id TEXT PRIMARY KEY,                         -- random UUID
  rule TEXT NOT NULL,                          -- 'new_device', 'mass_export', … (src-shared/ipc/alerts.ts)
  severity TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  data INTEGER NOT NULL CHECK (data IN (0, 1)),-- 1: about client data (owner only)
  dedupe_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  occurrences INTEGER NOT NULL DEFAULT 1,
  user_id TEXT,                                -- whose action raised it (NULL: nobody signed in)
  entity_type TEXT,
  entity_id TEXT,
  audit_seq INTEGER NOT NULL,                  -- the audit entry that raised it (latest occurrence)
  details TEXT NOT NULL CHECK (json_valid(details)), -- counts, ids, times; never personal data
  acknowledged_at TEXT,
  acknowledged_by TEXT
) STRICT;

CREATE INDEX alerts_created ON alerts (created_at);
CREATE INDEX alerts_unread ON alerts (acknowledged_at, data);

-- The rules' windowed look-ups: one user's entries of one action since a time ("has this user
-- signed in from this device before", "exports by this user in the last 10 minutes").
CREATE INDEX audit_log_user_action_at ON audit_log (user_id, action, at);
