-- Document contents as sealed chunks (issue 16: "documents sync as sealed chunks in the owner's
-- partition, fetched on demand"). A laptop seals each chunk (1 MiB of plaintext) with the
-- partition key before upload (associated data = partition, key version, document id, chunk
-- index); the server keeps opaque bytes and the partition id, so reading a chunk needs the same
-- ACL row as a pull. A record moved to another owner has its documents uploaded again into the
-- new owner's partition (same document id, another partition). Sizes, counts and arrival times are
-- visible to the server (docs/SYNC.md).
CREATE TABLE document_chunks (
  document_id uuid NOT NULL,
  chunk_index integer NOT NULL CHECK (chunk_index >= 0),
  partition_id text NOT NULL REFERENCES partitions (partition_id) ON DELETE CASCADE,
  key_version integer NOT NULL CHECK (key_version >= 1),
  device_id text NOT NULL,
  sealed bytea NOT NULL,
  hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (partition_id, document_id, chunk_index)
);
