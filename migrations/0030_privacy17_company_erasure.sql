-- 0030_privacy17_company_erasure: a company card can be erased too. A sole proprietor's (ФОП) card
-- holds one person's data (name, РНОКПП, address, phones), so the right to erasure reaches it
-- (src-main/privacy/erasure/company-rows.ts). Shipped migrations are never edited.
--
-- SQLite cannot change a CHECK in place: the table is rebuilt with every row kept (ids, reasons
-- and times only, as before).
CREATE TABLE erasures_new (
  id TEXT PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('contact', 'company')),
  entity_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('request', 'retention')),
  erased_at TEXT NOT NULL,
  erased_by TEXT,
  replayed_at TEXT
) STRICT;
INSERT INTO erasures_new (id, entity_type, entity_id, reason, erased_at, erased_by, replayed_at)
  SELECT id, entity_type, entity_id, reason, erased_at, erased_by, replayed_at FROM erasures;
DROP TABLE erasures;
ALTER TABLE erasures_new RENAME TO erasures;
