-- 0035_export15_export_formats: export approval requests for every record type and format
-- (records.export: contacts, companies, deals, activities as CSV, XLSX or vCard). Shipped
-- migrations are never edited.
--
-- The 0010 table allowed the contacts export's formats only ('csv', 'vcard'). The table is rebuilt
-- keeping every row: `format` also allows 'xlsx' and 'vcf' (records.export's vCard), and `type`
-- says which records were asked for (old rows: 'contacts'). The selection JSON (`filter`) keeps
-- the records.export choices (ids, CSV style, language, purpose). No exported contents.
CREATE TABLE export_requests_new (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT 'contacts'
    CHECK (type IN ('contacts', 'companies', 'deals', 'activities')),
  filter TEXT NOT NULL CHECK (json_valid(filter)),
  count INTEGER NOT NULL CHECK (count >= 0),
  format TEXT NOT NULL CHECK (format IN ('csv', 'vcard', 'xlsx', 'vcf')),
  requested_at TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('approved', 'denied')),
  decided_at TEXT,
  decided_by TEXT,
  consumed_at TEXT
) STRICT;

INSERT INTO export_requests_new
  (id, user_id, type, filter, count, format, requested_at, decision, decided_at, decided_by,
   consumed_at)
SELECT id, user_id, 'contacts', filter, count, format, requested_at, decision, decided_at,
  decided_by, consumed_at
FROM export_requests;

DROP TABLE export_requests;
ALTER TABLE export_requests_new RENAME TO export_requests;
CREATE INDEX export_requests_user ON export_requests (user_id, requested_at);
