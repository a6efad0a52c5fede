-- 0011_activities: calls, meetings, messages, e-mails, notes and tasks logged against a contact, a
-- company or a deal. Shipped migrations are never edited. Comes after 0010 (export requests).
--
-- Scoping happens in SQL (src-main/crm/activities/scope.ts): own = owner_id is me; team = the
-- owner's users.team_id is mine; all = no owner filter. On a record's timeline an activity also needs
-- the caller to be able to read that record (checked in SQL before the page is read).
-- Deleted activities stay (soft delete) and leave every list and timeline.
--
-- occurred_at places the activity on the timeline (for a task: when it was set). Tasks carry due_at
-- (required), remind_at (optional) and done_at; reminded_at is stamped once the reminder went out,
-- so each reminder is delivered once (src-main/crm/activities/reminders.ts).
-- deal_id has no REFERENCES clause: the deals table (0008) is written by another feature and a
-- foreign key to a table that is absent makes SQLite refuse every insert; the repository checks that
-- a linked deal exists and is readable by the caller before it writes.
-- Times are ISO 8601 UTC with milliseconds; updated_at only ever grows (optimistic concurrency token).

CREATE TABLE activities (
  id TEXT PRIMARY KEY,                              -- random UUID
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
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  deleted_at TEXT,
  deleted_by TEXT REFERENCES users (id),
  CHECK (contact_id IS NOT NULL OR company_id IS NOT NULL OR deal_id IS NOT NULL),
  CHECK (kind = 'task' OR (due_at IS NULL AND remind_at IS NULL AND done_at IS NULL)),
  CHECK (kind <> 'task' OR due_at IS NOT NULL),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
) STRICT;

-- One record's timeline, newest first: `record_id = ? AND (occurred_at, id) < cursor` walks one index
-- range backwards (partial: deleted rows are not in it).
CREATE INDEX activities_contact_time ON activities (contact_id, occurred_at, id)
  WHERE contact_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX activities_company_time ON activities (company_id, occurred_at, id)
  WHERE company_id IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX activities_deal_time ON activities (deal_id, occurred_at, id)
  WHERE deal_id IS NOT NULL AND deleted_at IS NULL;
-- "My tasks": one owner's open tasks by due time.
CREATE INDEX activities_open_tasks ON activities (owner_id, due_at, id)
  WHERE kind = 'task' AND done_at IS NULL AND deleted_at IS NULL;
-- Reminders not yet sent, by when they are due.
CREATE INDEX activities_pending_reminders ON activities (owner_id, remind_at)
  WHERE remind_at IS NOT NULL AND reminded_at IS NULL AND done_at IS NULL AND deleted_at IS NULL;
