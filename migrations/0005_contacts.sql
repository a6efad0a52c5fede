-- 0005_contacts: contacts (people), the first CRM records, and who they are shared with.
-- Shipped migrations are never edited. Comes after 0004 (roles; adds users.team_id).
--
-- Scoping happens in SQL (src-main/crm/contacts/scope.ts): own = owner_id is me or a share row names
-- me; team = the owner's users.team_id is mine; all = no owner filter. Deleted contacts stay (soft
-- delete) until restored; every list query says `deleted_at IS NULL` unless the caller may restore.
-- Lists page by keyset (sort column, id), never OFFSET, so each index below serves one scope × order
-- with `owner_id = ? AND deleted_at IS NULL` as its equality prefix.
--
-- sort_key and search_text are derived in TypeScript (src-shared/contacts/sort-key.ts) on every write:
-- SQLite's NOCASE folds only ASCII and code-point order puts і, ї, є, ґ after я, so the key maps each
-- Cyrillic letter to its alphabet rank. search_text holds the same folding of names, company, e-mails,
-- phone digits, Telegram and tags for the list's text filter until full-text search arrives.
-- Times are ISO 8601 UTC with milliseconds; updated_at only ever grows (optimistic concurrency token).

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,                              -- random UUID
  owner_id TEXT NOT NULL REFERENCES users (id),
  surname TEXT NOT NULL,
  given_name TEXT NOT NULL,
  patronymic TEXT,
  company_name TEXT,
  address TEXT,
  source TEXT,
  notes TEXT,
  phones TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phones) AND json_type(phones) = 'array'),
  emails TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(emails) AND json_type(emails) = 'array'),
  messengers TEXT NOT NULL DEFAULT '{}'
    CHECK (json_valid(messengers) AND json_type(messengers) = 'object'),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  sort_key TEXT NOT NULL,
  search_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  deleted_at TEXT,
  deleted_by TEXT REFERENCES users (id),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
) STRICT;

-- First page of one owner's contacts (manager scope, the `ownerId` filter) by name / change / creation.
CREATE INDEX contacts_owner_name ON contacts (owner_id, deleted_at, sort_key, id);
CREATE INDEX contacts_owner_updated ON contacts (owner_id, deleted_at, updated_at, id);
CREATE INDEX contacts_owner_created ON contacts (owner_id, deleted_at, created_at, id);
-- The same for scope `all`.
CREATE INDEX contacts_name ON contacts (deleted_at, sort_key, id);
CREATE INDEX contacts_updated ON contacts (deleted_at, updated_at, id);
CREATE INDEX contacts_created ON contacts (deleted_at, created_at, id);

CREATE TABLE contact_shares (
  contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id),
  granted_by TEXT NOT NULL REFERENCES users (id),
  granted_at TEXT NOT NULL,
  PRIMARY KEY (contact_id, user_id)
) STRICT;

CREATE INDEX contact_shares_user ON contact_shares (user_id, contact_id);
