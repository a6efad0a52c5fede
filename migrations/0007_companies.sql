-- 0007_companies: companies (legal entities and sole traders) and the link from contacts to them.
-- Shipped migrations are never edited. Comes after 0006 (alerts).
--
-- Scoping happens in SQL (src-main/crm/companies/scope.ts): own = owner_id is me (companies are not
-- shared); team = the owner's users.team_id is mine; all = no owner filter. Deleted companies stay
-- (soft delete): links from contacts keep pointing at them and the company page says "deleted".
-- Lists page by keyset (sort column, id), never OFFSET; the indexes mirror those of contacts.
--
-- sort_key and search_text are derived in TypeScript (src-shared/companies/sort-key.ts) on every
-- write: the name without its legal form ("ТОВ", "ФОП", …) and quotes, each Cyrillic letter mapped
-- to its alphabet rank. search_text holds the folded name, ЄДРПОУ, РНОКПП, website and phone digits.
-- edrpou holds 8 digits (10 for a branch), rnokpp 10 digits, both checked before they get here.
-- Times are ISO 8601 UTC with milliseconds; updated_at only ever grows (optimistic concurrency token).

CREATE TABLE companies (
  id TEXT PRIMARY KEY,                              -- random UUID
  owner_id TEXT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  edrpou TEXT CHECK (edrpou IS NULL OR (length(edrpou) IN (8, 10) AND edrpou NOT GLOB '*[^0-9]*')),
  rnokpp TEXT CHECK (rnokpp IS NULL OR (length(rnokpp) = 10 AND rnokpp NOT GLOB '*[^0-9]*')),
  legal_address TEXT,
  actual_address TEXT,
  phones TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phones) AND json_type(phones) = 'array'),
  website TEXT,
  notes TEXT,
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

-- One owner's companies (manager scope) by name / change / creation.
CREATE INDEX companies_owner_name ON companies (owner_id, deleted_at, sort_key, id);
CREATE INDEX companies_owner_updated ON companies (owner_id, deleted_at, updated_at, id);
CREATE INDEX companies_owner_created ON companies (owner_id, deleted_at, created_at, id);
-- The same for scope `all`.
CREATE INDEX companies_name ON companies (deleted_at, sort_key, id);
CREATE INDEX companies_updated ON companies (deleted_at, updated_at, id);
CREATE INDEX companies_created ON companies (deleted_at, created_at, id);
-- "Which company has this code": ЄДРПОУ and РНОКПП searches and duplicate hints.
CREATE INDEX companies_edrpou ON companies (edrpou) WHERE edrpou IS NOT NULL;

-- Many contacts, one company each. Nullable: most contacts need no company; contacts.company_name
-- (free text) stays for now and is shown when no company is linked.
ALTER TABLE contacts ADD COLUMN company_id TEXT REFERENCES companies (id);
-- A company's contacts (its page), live ones first.
CREATE INDEX contacts_company ON contacts (company_id, deleted_at);
