-- 0010_export_requests: exports waiting for the owner's approval (src-main/guard/approvals.ts).
-- Shipped migrations are never edited.
--
-- A non-owner's export above the `exportApprovalAbove` guard setting is not run: a request is stored
-- here (who, the list filter as JSON, how many records it matched, the format) and the owner
-- approves or denies it. An approved request runs once (`consumed_at`) within 24 hours of the
-- request, with the requester's scope at that moment. Ids, counts and the filter only: never the
-- exported contents. Times are ISO 8601 UTC with milliseconds.

CREATE TABLE export_requests (
  id TEXT PRIMARY KEY,                         -- random UUID
  user_id TEXT NOT NULL,                       -- the requester (users.id)
  filter TEXT NOT NULL CHECK (json_valid(filter)), -- {"filter": {...}} or {"ids": [...]}, + locale
  count INTEGER NOT NULL CHECK (count >= 0),   -- records matched when requested
  format TEXT NOT NULL CHECK (format IN ('csv', 'vcard')),
  requested_at TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('approved', 'denied')),
  decided_at TEXT,
  decided_by TEXT,
  consumed_at TEXT
) STRICT;

CREATE INDEX export_requests_user ON export_requests (user_id, requested_at);
