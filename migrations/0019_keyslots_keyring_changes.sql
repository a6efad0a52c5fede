-- 0019_keyslots_keyring_changes: the commit record of key-slot changes. Shipped migrations are never
-- edited.
--
-- A change of keyring.json (a password set, a user added or removed) is first written into the file
-- as a pending entry named by a random id, and the row with that id is inserted in the same database
-- transaction as the change's audit entry. The file's entry takes effect only once its row is
-- committed; an entry whose row never committed is dropped (src-main/vault/keyring-changes.ts).
CREATE TABLE keyring_changes (
  id TEXT PRIMARY KEY CHECK (length(id) = 32),
  at TEXT NOT NULL
);
