-- 0032_bulk18_saved_filters: a user's saved list filters ("мої ліди з OLX за цей місяць"), per list
-- type. Shipped migrations are never edited.
--
-- `filter` is the list's query as JSON, written and read by the app (src-main/views); relative
-- dates ("this month") are kept relative, so the filter means the same period whenever it is used.
-- A user's filters go with the user: deleting the user row (never done: users are dismissed) would
-- take them along.

CREATE TABLE saved_filters (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  list TEXT NOT NULL CHECK (list IN ('contacts', 'companies', 'deals')),
  name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  name_key TEXT NOT NULL,                      -- the name, trimmed and lower-cased by the app
  filter TEXT NOT NULL CHECK (json_valid(filter) AND length(filter) <= 4000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (user_id, list, name_key)
) STRICT;
