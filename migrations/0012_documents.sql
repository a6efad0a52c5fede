-- 0012_documents: documents (attachments) of contacts, companies and deals.
-- Shipped migrations are never edited.
--
-- Each document's bytes live in attachments/<2 hex>/<id>.zdoc, encrypted with its own random
-- 256-bit key (file_key, here inside the SQLCipher vault) in the chunked AES-256-GCM format of
-- docs/VAULT_FORMAT.md. mime_type was sniffed from the file's first bytes (allow-list), size and
-- sha256 are of the plaintext. record_type/record_id name the record it is attached to (no foreign
-- key: three parent tables); who may see a document follows that record's scope
-- (src-main/crm/documents/access.ts). Deleting a document shreds its file and tombstones the row:
-- file_key becomes NULL (the key is gone), file_name is kept for the history.

CREATE TABLE documents (
  id TEXT PRIMARY KEY,                                 -- random UUID, also in the file's header
  record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'company', 'deal')),
  record_id TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES users (id),        -- who attached it
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  format_version INTEGER NOT NULL,
  file_key BLOB CHECK (file_key IS NULL OR length(file_key) = 32),
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT REFERENCES users (id),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL)),
  CHECK ((deleted_at IS NULL) = (file_key IS NOT NULL))
) STRICT;

-- A record's documents (its panel), live ones by time.
CREATE INDEX documents_record ON documents (record_type, record_id, deleted_at, created_at, id);
