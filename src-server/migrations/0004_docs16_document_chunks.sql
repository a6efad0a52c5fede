-- Document contents as sealed chunks (issue 16: "documents sync as sealed chunks in the owner's
-- partition, fetched on demand"). A laptop seals each chunk (1 MiB of plaintext) with the
-- partition key before upload (associated data = partition, key version, document id, chunk
-- index); the server keeps opaque bytes and the partition id, so reading a chunk needs the same
-- ACL row as a pull. Sizes, counts and arrival times are visible to the server (docs/SYNC.md).
CREATE TABLE document_chunks (
  document_id uuid NOT NULL,
  chunk_index integer NOT NULL CHECK (chunk_index >= 0),
  partition_id text NOT NULL REFERENCES partitions (partition_id) ON DELETE CASCADE,
  key_version integer NOT NULL CHECK (key_version >= 1),
  device_id text NOT NULL,
  sealed bytea NOT NULL,
  hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, chunk_index)
);
CREATE INDEX document_chunks_partition ON document_chunks (partition_id);
