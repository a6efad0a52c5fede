-- 0043_docs16_document_sync: documents in office sync (issue 16, "documents sync as sealed chunks
-- in the owner's partition, fetched on demand"). One row per document this vault syncs:
--   upload  added here; its content is still to go up as sealed chunks (the round uploads them,
--           then queues the document's sealed metadata change in sync_outbox);
--   sent    its chunks and metadata went up (the file is here);
--   remote  its metadata came in a pull; the content is at the office server until someone
--           opens it (then it is fetched, checked and stored as an ordinary .zdoc file).
-- partition_id is the partition the chunks are in (the record owner's when it was added; the new
-- owner's after a move, with from_partition_id naming where the content can be fetched from when
-- the moving laptop never opened it: it is fetched, then uploaded into the new partition). The row
-- goes with the document row (a drop after a move or a lost partition), and so do the document's
-- unsent changes; a tombstone removes it in code. Nothing is written here while the vault has not joined an office. Never edited once shipped.
CREATE TABLE sync_documents (
  document_id TEXT PRIMARY KEY,
  partition_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('upload', 'sent', 'remote')),
  from_partition_id TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER sync_documents_row_gone AFTER DELETE ON documents
BEGIN
  DELETE FROM sync_documents WHERE document_id = OLD.id;
  DELETE FROM sync_outbox WHERE record_table = 'documents' AND record_id = OLD.id AND seq IS NULL;
END;
