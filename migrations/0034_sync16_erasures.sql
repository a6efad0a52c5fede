-- 0034_sync16_erasures: erasures received through office sync (docs/SYNC.md). Shipped migrations are
-- never edited.
--
-- A pulled erasure is noted here in the same transaction that moves the pull cursor, then carried
-- out by the privacy erasure code (its own transaction, files, log) and the row removed. A crash in
-- between leaves the row: the erasure runs on the next round (erasing twice changes nothing).
-- Only ids are kept: no personal data.
CREATE TABLE sync_pending_erasures (
  erasure_id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
