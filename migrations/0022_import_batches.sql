-- 0022_import_batches: imports (src-main/import). Shipped migrations are never edited.
--
-- One `import_batches` row per committed import (who ran it, whose the new records are, the record
-- type, the file's format, how it ended, counts) and one `import_batch_records` row per record it
-- created or updated, with the record's `updated_at` right after the import wrote it and, for an
-- update, the fields before (JSON): an import can then be undone — created records deleted, updated
-- ones given their previous values back — leaving alone any record edited since (its `updated_at`
-- moved on). `import_mappings` keeps named column mappings, found again by their header set
-- (normalised headers, src-shared/import/mapping.ts `headerKey`): headers and field names only,
-- never cell values. Times are ISO 8601 UTC with milliseconds.

CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'company')),
  created_by TEXT NOT NULL,                     -- the importer (users.id)
  owner_id TEXT NOT NULL,                       -- owner of the created records (users.id)
  format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx', 'vcard')),
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed', 'undone')),
  created_count INTEGER NOT NULL DEFAULT 0 CHECK (created_count >= 0),
  updated_count INTEGER NOT NULL DEFAULT 0 CHECK (updated_count >= 0),
  started_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;

CREATE INDEX import_batches_creator ON import_batches (created_by, started_at);

CREATE TABLE import_batch_records (
  batch_id TEXT NOT NULL REFERENCES import_batches (id),
  record_id TEXT NOT NULL,                      -- contacts.id or companies.id
  action TEXT NOT NULL CHECK (action IN ('create', 'update')),
  before TEXT CHECK (before IS NULL OR json_valid(before)), -- update: the fields before (JSON)
  after_updated_at TEXT NOT NULL,               -- the record's updated_at after the import wrote it
  PRIMARY KEY (batch_id, record_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX import_batch_records_record ON import_batch_records (record_id);

CREATE TABLE import_mappings (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'company')),
  name TEXT NOT NULL,
  header_key TEXT NOT NULL,                     -- JSON list of the normalised headers, in order
  mapping TEXT NOT NULL CHECK (json_valid(mapping)), -- {"columns": [...], "nameOrder": "..."}
  created_by TEXT NOT NULL,                     -- users.id
  created_at TEXT NOT NULL,
  UNIQUE (record_type, name)
) STRICT;

CREATE INDEX import_mappings_headers ON import_mappings (record_type, header_key);
