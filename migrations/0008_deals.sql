-- 0008_deals: pipelines with configurable stages, and deals moving through them.
-- Shipped migrations are never edited. Comes after 0007 (companies).
--
-- Pipelines are shared configuration (no owner): everyone who reads deals reads every pipeline;
-- only pipelines.manage holders (owner, head) change them. A stage's outcome says what it means
-- for its deals: open, won or lost. The default pipeline below is created with the vault.
--
-- Deals follow the contacts/companies pattern: owner_id for scope (own / team / all, in SQL:
-- src-main/crm/deals/scope.ts), soft delete, updated_at as the optimistic concurrency token, keyset
-- paging. Money is integer minor units (kopecks) + ISO 4217 currency, never floats. A deal's stage
-- decides whether it is won or lost; lost_reason is required (in TypeScript) to enter a lost stage
-- and cleared on leaving it. contact_id / company_id are checked against the caller's own
-- contacts.read / companies.read scope when set (an unreadable record is `not_found`).
-- Times are ISO 8601 UTC with milliseconds; expected_close is a calendar date YYYY-MM-DD.

CREATE TABLE pipelines (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
-- At most one default pipeline.
CREATE UNIQUE INDEX pipelines_default ON pipelines (is_default) WHERE is_default = 1;

CREATE TABLE pipeline_stages (
  id TEXT PRIMARY KEY,
  pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
  name TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'won', 'lost'))
) STRICT;
CREATE INDEX pipeline_stages_order ON pipeline_stages (pipeline_id, position);

CREATE TABLE deals (
  id TEXT PRIMARY KEY,                              -- random UUID
  owner_id TEXT NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  amount_minor INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor BETWEEN 0 AND 100000000000000),
  currency TEXT NOT NULL DEFAULT 'UAH' CHECK (currency IN ('UAH', 'USD', 'EUR', 'PLN')),
  pipeline_id TEXT NOT NULL REFERENCES pipelines (id),
  stage_id TEXT NOT NULL REFERENCES pipeline_stages (id),
  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  expected_close TEXT CHECK (expected_close IS NULL OR expected_close GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  contact_id TEXT REFERENCES contacts (id),
  company_id TEXT REFERENCES companies (id),
  lost_reason TEXT,
  closed_at TEXT,
  notes TEXT,
  sort_key TEXT NOT NULL,                           -- folded title (src-shared/contacts collationText)
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  deleted_at TEXT,
  deleted_by TEXT REFERENCES users (id),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
) STRICT;

-- Board columns: one stage's cards, newest change first (scope all, and one owner's for managers).
CREATE INDEX deals_stage_updated ON deals (stage_id, deleted_at, updated_at, id);
CREATE INDEX deals_owner_stage_updated ON deals (owner_id, stage_id, deleted_at, updated_at, id);
-- The list's orders, for one owner and for scope all.
CREATE INDEX deals_owner_updated ON deals (owner_id, deleted_at, updated_at, id);
CREATE INDEX deals_owner_created ON deals (owner_id, deleted_at, created_at, id);
CREATE INDEX deals_owner_title ON deals (owner_id, deleted_at, sort_key, id);
CREATE INDEX deals_owner_amount ON deals (owner_id, deleted_at, amount_minor, id);
CREATE INDEX deals_updated ON deals (deleted_at, updated_at, id);
CREATE INDEX deals_created ON deals (deleted_at, created_at, id);
CREATE INDEX deals_title ON deals (deleted_at, sort_key, id);
CREATE INDEX deals_amount ON deals (deleted_at, amount_minor, id);
-- A contact's or company's deals.
CREATE INDEX deals_contact ON deals (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX deals_company ON deals (company_id) WHERE company_id IS NOT NULL;

-- The default pipeline.
INSERT INTO pipelines (id, name, is_default, created_at, updated_at)
VALUES ('pipeline-default', 'Продажі', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO pipeline_stages (id, pipeline_id, name, position, probability, outcome) VALUES
  ('stage-new', 'pipeline-default', 'Новий', 0, 10, 'open'),
  ('stage-qualified', 'pipeline-default', 'Кваліфікація', 1, 25, 'open'),
  ('stage-proposal', 'pipeline-default', 'Пропозиція', 2, 50, 'open'),
  ('stage-negotiation', 'pipeline-default', 'Переговори', 3, 75, 'open'),
  ('stage-won', 'pipeline-default', 'Виграно', 4, 100, 'won'),
  ('stage-lost', 'pipeline-default', 'Програно', 5, 0, 'lost');
