-- 0026_tasks_call_facts: facts of calls and meetings, and tasks that stand alone. Shipped migrations
-- are never edited.
--
-- * A call or a meeting may carry its direction (in/out: calls only), its duration in minutes and
--   its outcome (reached / no answer / call back / not interested). Other kinds carry none.
-- * A task no longer needs a contact, company or deal ("Call the tax office"); every other kind still
--   hangs on at least one record. Removing a CHECK needs the table rebuilt (SQLite cannot drop one):
--   copy into activities_v26, drop the old table (its triggers and indexes go with it; nothing
--   references activities, and DROP TABLE fires no triggers, so search_rows and the search text keep
--   their rows, keyed by activity id), rename, then create the indexes (0011, 0014) and the search
--   triggers (0015) again, word for word.
-- * The calendar reads one owner's tasks by due time, done or not: activities_owner_due.

CREATE TABLE activities_v26 (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'message', 'email', 'note', 'task')),
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body TEXT CHECK (body IS NULL OR length(body) <= 10000),
  occurred_at TEXT NOT NULL,
  due_at TEXT,
  remind_at TEXT,
  reminded_at TEXT,
  done_at TEXT,
  contact_id TEXT REFERENCES contacts (id),
  company_id TEXT REFERENCES companies (id),
  deal_id TEXT,
  direction TEXT CHECK (direction IN ('in', 'out')),
  duration_minutes INTEGER CHECK (duration_minutes BETWEEN 0 AND 1440),
  outcome TEXT CHECK (outcome IN ('reached', 'no_answer', 'call_back', 'not_interested')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  deleted_at TEXT,
  deleted_by TEXT REFERENCES users (id),
  CHECK (kind = 'task' OR contact_id IS NOT NULL OR company_id IS NOT NULL OR deal_id IS NOT NULL),
  CHECK (kind = 'task' OR (due_at IS NULL AND remind_at IS NULL AND done_at IS NULL)),
  CHECK (kind <> 'task' OR due_at IS NOT NULL),
  CHECK (kind = 'call' OR direction IS NULL),
  CHECK (kind IN ('call', 'meeting') OR (duration_minutes IS NULL AND outcome IS NULL)),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
) STRICT;

INSERT INTO activities_v26 (id, owner_id, kind, subject, body, occurred_at, due_at, remind_at,
    reminded_at, done_at, contact_id, company_id, deal_id, created_at, created_by, updated_at,
    updated_by, deleted_at, deleted_by)
  SELECT id, owner_id, kind, subject, body, occurred_at, due_at, remind_at, reminded_at, done_at,
    contact_id, company_id, deal_id, created_at, created_by, updated_at, updated_by, deleted_at,
    deleted_by
  FROM activities;

DROP TABLE activities;
ALTER TABLE activities_v26 RENAME TO activities;

CREATE INDEX activities_contact_time ON activities (contact_id, occurred_at, id)
  WHERE contact_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX activities_company_time ON activities (company_id, occurred_at, id)
  WHERE company_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX activities_deal_time ON activities (deal_id, occurred_at, id)
  WHERE deal_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX activities_open_tasks ON activities (owner_id, due_at, id)
  WHERE kind = 'task' AND done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX activities_pending_reminders ON activities (owner_id, remind_at)
  WHERE remind_at IS NOT NULL AND reminded_at IS NULL AND done_at IS NULL AND deleted_at IS NULL;
CREATE INDEX activities_owner_occurred ON activities (owner_id, occurred_at)
  WHERE deleted_at IS NULL;
CREATE INDEX activities_owner_due ON activities (owner_id, due_at, id)
  WHERE kind = 'task' AND deleted_at IS NULL;

CREATE TRIGGER search_activities_insert AFTER INSERT ON activities BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 4398046511104) + 1 FROM search_rows WHERE id BETWEEN 4398046511104 AND 5497558138879), 'activity', NEW.id);
  INSERT INTO search_text_activities (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.subject, NEW.body), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_activities_update AFTER UPDATE OF subject, body, deleted_at ON activities BEGIN
  DELETE FROM search_text_activities WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = OLD.id);
  INSERT INTO search_text_activities (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.subject, NEW.body), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_activities_delete AFTER DELETE ON activities BEGIN
  DELETE FROM search_text_activities WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'activity' AND entity_id = OLD.id;
END;
