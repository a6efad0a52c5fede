-- 0033_merge15_merges: merged contacts and companies (src-main/crm/merge). Shipped migrations are
-- never edited.
--
-- One `record_merges` row per merge: the record type, the survivor, who merged and when, and in
-- `changes` (JSON) every row the merge wrote — the survivor's and the merged-away records' rows,
-- the links it moved (deals, activities, documents, shares, consents, objections, subject
-- requests; for companies also the contacts linked to them), each as its stored columns before and
-- after. Unmerge puts the "before" columns back when every row still holds its "after" columns.
-- `changes` is personal data (names, phones, notes of the merged records): erasing a contact
-- deletes every merge it took part in (src-main/privacy/erasure/rows.ts), and an unmerge empties
-- it. `record_merge_members` finds the merges of a record (survivor or merged away).

CREATE TABLE record_merges (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'company')),
  survivor_id TEXT NOT NULL,
  merged_by TEXT NOT NULL,                      -- users.id
  merged_at TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  unmerged_at TEXT,
  unmerged_by TEXT
) STRICT;

CREATE TABLE record_merge_members (
  merge_id TEXT NOT NULL REFERENCES record_merges (id) ON DELETE CASCADE,
  record_id TEXT NOT NULL,                      -- contacts.id or companies.id
  role TEXT NOT NULL CHECK (role IN ('survivor', 'merged')),
  PRIMARY KEY (merge_id, record_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX record_merge_members_record ON record_merge_members (record_id);
