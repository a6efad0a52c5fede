-- 0045_dealimport_deal_batches: deals are imported too (src-main/import/deals/). Shipped migrations
-- are never edited.
--
-- The 0022 tables allowed `record_type` 'contact' and 'company' only. SQLite cannot change a CHECK
-- in place, so the three tables are rebuilt keeping every row, with 'deal' allowed. The child
-- (`import_batch_records`) is rebuilt too and dropped before its parent, so no foreign key ever
-- points at a dropped table; renaming `import_batches_new` rewrites the child's reference to the
-- final name (ALTER TABLE … RENAME updates references in other tables). Nothing else refers to
-- these tables (no view, no trigger).
CREATE TABLE import_batches_new (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'company', 'deal')),
  created_by TEXT NOT NULL,                     -- the importer (users.id)
  owner_id TEXT NOT NULL,                       -- owner of the created records (users.id)
  format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'vcard')),
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed', 'undone')),
  created_count INTEGER NOT NULL DEFAULT 0 CHECK (created_count >= 0),
  updated_count INTEGER NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
  started_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;

INSERT INTO import_batches_new
  (id, record_type, created_by, owner_id, format, status, created_count, updated_count,
   started_at, finished_at)
SELECT id, record_type, created_by, owner_id, format, status, created_count, updated_count,
  started_at, finished_at
FROM import_batches;

CREATE TABLE import_batch_records_new (
  batch_id TEXT NOT NULL REFERENCES import_batches_new (id),
  record_id TEXT NOT NULL,                      -- contacts.id, companies.id or deals.id
  action TEXT NOT NULL CHECK (action IN ('create', 'update')),
  before TEXT CHECK (before IS NULL OR json_valid(before)), -- update: the fields before (JSON)
  after_updated_at TEXT NOT NULL,               -- the record's updated_at after the import wrote it
  PRIMARY KEY (batch_id, record_id)
) STRICT, WITHOUT ROWID;

INSERT INTO import_batch_records_new (batch_id, record_id, action, before, after_updated_at)
SELECT batch_id, record_id, action, before, after_updated_at FROM import_batch_records;

DROP TABLE import_batch_records;
DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;
ALTER TABLE import_batch_records_new RENAME TO import_batch_records;
CREATE INDEX import_batches_creator ON import_batches (created_by, started_at);
CREATE INDEX import_batch_records_record ON import_batch_records (record_id);

CREATE TABLE import_mappings_new (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'company', 'deal')),
  name TEXT NOT NULL,
  header_key TEXT NOT NULL,                     -- JSON list of the normalised headers, in order
  mapping TEXT NOT NULL CHECK (json_valid(mapping)), -- {"columns": [...], "nameOrder": "..."}
  created_by TEXT NOT NULL,                     -- users.id
  created_at TEXT NOT NULL,
  UNIQUE (record_type, name)
) STRICT;

INSERT INTO import_mappings_new
  (id, record_type, name, header_key, mapping, created_by, created_at)
SELECT id, record_type, name, header_key, mapping, created_by, created_at FROM import_mappings;

DROP TABLE import_mappings;
ALTER TABLE import_mappings_new RENAME TO import_mappings;
CREATE INDEX import_mappings_headers ON import_mappings (record_type, header_key);
