-- 0024_privacy_register: personal data as the law asks (src-main/privacy). Shipped migrations are
-- never edited.
--
-- `privacy_purposes` is the processing register: each purpose with its legal ground (Art. 11 of law
-- No. 2297-VI), data categories (JSON list), retention, recipients and the high-risk flag; turning
-- the flag on creates the owner's "notify the Ombudsman" task, whose activity id is kept.
-- `privacy_consents` holds the legal basis of one contact for one purpose: a row per time it was
-- recorded (the newest row is the current one), with how and when it was obtained, who recorded it,
-- the SHA-256 of the consent text shown, an optional evidence document and its withdrawal.
-- `privacy_objections` marks contacts who objected to processing: excluded from every export.
-- `privacy_requests` is the subject access (DSAR) register, due 30 calendar days after receipt;
-- `privacy_breaches` the breach register, with the 72-hour notification deadline.
-- Contact ids are not foreign keys: real erasure (src-main/privacy/erasure) removes these rows by
-- contact id together with the contact. Times are ISO 8601 UTC with milliseconds.

CREATE TABLE privacy_purposes (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  name TEXT NOT NULL,
  ground TEXT NOT NULL CHECK (ground IN ('consent', 'contract', 'legal_obligation',
    'legitimate_interest', 'vital_interest', 'public_task')),
  categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories)),
  retention_months INTEGER CHECK (retention_months IS NULL OR retention_months > 0),
  retention_text TEXT NOT NULL DEFAULT '',
  recipients TEXT NOT NULL DEFAULT '',
  high_risk INTEGER NOT NULL DEFAULT 0 CHECK (high_risk IN (0, 1)),
  ombudsman_task_id TEXT,                       -- activities.id of the owner's task
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived_at TEXT
) STRICT;

CREATE TABLE privacy_consents (
  id TEXT PRIMARY KEY,                          -- UUIDv7: the newest row per pair is the current one
  contact_id TEXT NOT NULL,
  purpose_id TEXT NOT NULL REFERENCES privacy_purposes (id),
  ground TEXT NOT NULL CHECK (ground IN ('consent', 'contract', 'legal_obligation',
    'legitimate_interest', 'vital_interest', 'public_task')),
  channel TEXT NOT NULL CHECK (channel IN ('in_person', 'paper', 'email', 'phone', 'website',
    'messenger', 'other')),
  obtained_at TEXT NOT NULL,
  text_hash TEXT CHECK (text_hash IS NULL OR length(text_hash) = 64),
  evidence_document_id TEXT,                    -- documents.id
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT
) STRICT;

CREATE INDEX privacy_consents_contact ON privacy_consents (contact_id, purpose_id, id);
CREATE INDEX privacy_consents_purpose ON privacy_consents (purpose_id, contact_id);

CREATE TABLE privacy_objections (
  contact_id TEXT PRIMARY KEY,
  objected_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE privacy_requests (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  contact_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'objection', 'erasure')),
  received_at TEXT NOT NULL,
  due_at TEXT NOT NULL,                         -- received_at + 30 calendar days
  status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'refused')),
  answered_at TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX privacy_requests_open ON privacy_requests (status, due_at);
CREATE INDEX privacy_requests_contact ON privacy_requests (contact_id);

CREATE TABLE privacy_breaches (
  id TEXT PRIMARY KEY,                          -- UUIDv7
  title TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  deadline_at TEXT NOT NULL,                    -- detected_at + 72 hours
  status TEXT NOT NULL CHECK (status IN ('open', 'notified', 'closed')),
  categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories)),
  subjects_count INTEGER NOT NULL DEFAULT 0 CHECK (subjects_count >= 0),
  records_count INTEGER NOT NULL DEFAULT 0 CHECK (records_count >= 0),
  actions TEXT NOT NULL DEFAULT '',
  alert_id TEXT,                                -- alerts.id it was opened from
  notified_at TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX privacy_breaches_detected ON privacy_breaches (detected_at);
