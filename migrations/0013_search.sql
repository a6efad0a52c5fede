-- 0013_search: global search over contacts, companies, deals and activities (SQLite FTS5).
-- Shipped migrations are never edited. Comes after 0012 (documents).
--
-- search_rows maps each record to a stable integer key (INTEGER PRIMARY KEY: VACUUM and VACUUM INTO
-- keep it, unlike the implicit rowid of the TEXT-keyed record tables). Each entity type owns one key
-- range (type code × 2^40 … + 2^40 - 1: contact 1, company 2, deal 3, activity 4), so a search of one
-- type is an FTS5 `rowid BETWEEN` seek, not a filter over other types' matches.
-- search_index (unicode61, remove_diacritics 2: case-insensitive for Cyrillic and Latin) holds each
-- live record's text; search_digits (trigram) holds digits-only phones and codes (ЄДРПОУ, РНОКПП)
-- for substring matches such as "67 123" in +380671234567. Apostrophes (' ʼ ’ ‘ `) are removed
-- here and in the query (src-main/crm/search/query.ts), so Мар'яна, Марʼяна and Мар’яна are one word.
--
-- One "source" per entity below: its triggers keep the index in the same transaction as every write
-- (insert, edit, soft delete removes the text, restore puts it back, purge removes the key), and its
-- backfill indexes the rows that exist. Scope is NOT stored here: a search joins the record table and
-- applies the caller's scope in SQL (src-main/crm/search/sources.ts). A new searchable entity is a
-- new migration with its own source and key range.

CREATE TABLE search_rows (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('contact', 'company', 'deal', 'activity')),
  entity_id TEXT NOT NULL,
  UNIQUE (entity_type, entity_id)
) STRICT;

CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_digits USING fts5(digits, tokenize = 'trigram');

-- Source: contact (contacts), keys 1099511627776…2199023255551.

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 1099511627776) + 1 FROM search_rows WHERE id BETWEEN 1099511627776 AND 2199023255551), 'contact', NEW.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_contacts_update AFTER UPDATE OF surname, given_name, patronymic, company_name, address, source, notes, emails, phones, messengers, tags, deleted_at ON contacts BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id;
END;

INSERT INTO search_rows (id, entity_type, entity_id)
  SELECT 1099511627776 + row_number() OVER (ORDER BY rowid), 'contact', id FROM contacts;
INSERT INTO search_index (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.surname, t.given_name, t.patronymic, t.company_name, t.address, t.source, t.notes, (SELECT group_concat(value, ' ') FROM json_each(t.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(t.phones)), (SELECT group_concat(value, ' ') FROM json_each(t.messengers)), (SELECT group_concat(value, ' ') FROM json_each(t.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM contacts AS t JOIN search_rows AS r ON r.entity_type = 'contact' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;
INSERT INTO search_digits (rowid, digits)
  SELECT d.id, d.v FROM (
    SELECT r.id AS id, coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(t.phones)), '') AS v
    FROM contacts AS t JOIN search_rows AS r ON r.entity_type = 'contact' AND r.entity_id = t.id
    WHERE t.deleted_at IS NULL
  ) AS d WHERE d.v <> '';

-- Source: company (companies), keys 2199023255552…3298534883327.

CREATE TRIGGER search_companies_insert AFTER INSERT ON companies BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 2199023255552) + 1 FROM search_rows WHERE id BETWEEN 2199023255552 AND 3298534883327), 'company', NEW.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.name, NEW.edrpou, NEW.rnokpp, NEW.website, NEW.legal_address, NEW.actual_address, NEW.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), d.v FROM (SELECT concat_ws(' ', NEW.edrpou, NEW.rnokpp, (SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones))) AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_companies_update AFTER UPDATE OF name, edrpou, rnokpp, website, legal_address, actual_address, notes, phones, deleted_at ON companies BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.name, NEW.edrpou, NEW.rnokpp, NEW.website, NEW.legal_address, NEW.actual_address, NEW.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), d.v FROM (SELECT concat_ws(' ', NEW.edrpou, NEW.rnokpp, (SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones))) AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_companies_delete AFTER DELETE ON companies BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id;
END;

INSERT INTO search_rows (id, entity_type, entity_id)
  SELECT 2199023255552 + row_number() OVER (ORDER BY rowid), 'company', id FROM companies;
INSERT INTO search_index (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.name, t.edrpou, t.rnokpp, t.website, t.legal_address, t.actual_address, t.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(t.phones))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM companies AS t JOIN search_rows AS r ON r.entity_type = 'company' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;
INSERT INTO search_digits (rowid, digits)
  SELECT d.id, d.v FROM (
    SELECT r.id AS id, concat_ws(' ', t.edrpou, t.rnokpp, (SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(t.phones))) AS v
    FROM companies AS t JOIN search_rows AS r ON r.entity_type = 'company' AND r.entity_id = t.id
    WHERE t.deleted_at IS NULL
  ) AS d WHERE d.v <> '';

-- Source: deal (deals), keys 3298534883328…4398046511103.

CREATE TRIGGER search_deals_insert AFTER INSERT ON deals BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 3298534883328) + 1 FROM search_rows WHERE id BETWEEN 3298534883328 AND 4398046511103), 'deal', NEW.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.title, NEW.notes, NEW.lost_reason), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_deals_update AFTER UPDATE OF title, notes, lost_reason, deleted_at ON deals BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = OLD.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.title, NEW.notes, NEW.lost_reason), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_deals_delete AFTER DELETE ON deals BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'deal' AND entity_id = OLD.id;
END;

INSERT INTO search_rows (id, entity_type, entity_id)
  SELECT 3298534883328 + row_number() OVER (ORDER BY rowid), 'deal', id FROM deals;
INSERT INTO search_index (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.title, t.notes, t.lost_reason), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM deals AS t JOIN search_rows AS r ON r.entity_type = 'deal' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;

-- Source: activity (activities), keys 4398046511104…5497558138879.

CREATE TRIGGER search_activities_insert AFTER INSERT ON activities BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 4398046511104) + 1 FROM search_rows WHERE id BETWEEN 4398046511104 AND 5497558138879), 'activity', NEW.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.subject, NEW.body), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_activities_update AFTER UPDATE OF subject, body, deleted_at ON activities BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = OLD.id);
  INSERT INTO search_index (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.subject, NEW.body), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_activities_delete AFTER DELETE ON activities BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'activity' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'activity' AND entity_id = OLD.id;
END;

INSERT INTO search_rows (id, entity_type, entity_id)
  SELECT 4398046511104 + row_number() OVER (ORDER BY rowid), 'activity', id FROM activities;
INSERT INTO search_index (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.subject, t.body), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM activities AS t JOIN search_rows AS r ON r.entity_type = 'activity' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;
