-- 0031_fields18_custom_fields: custom fields per record type (contacts, companies, deals), defined
-- by the owner (`fields.manage`). Shipped migrations are never edited.
--
-- Definitions live in `custom_fields` (label unique per record type regardless of letter case;
-- `options` a JSON array of choice labels; `position` orders the form; `archived_at` hides a field
-- from forms and filters while its values stay).
--
-- Values live in the record's own row, as a JSON object `custom_values` keyed by field id
-- (text/date/choice as strings, numbers as numbers, yes/no as true/false; NULL: no values yet). Why a column and not a
-- values table: the value is then part of the record like every other field, so what already
-- handles a record's row handles it too: office sync carries changed columns of the row, erasure
-- deletes the row, a soft delete/restore keeps it, the audit diff compares the record, and the
-- search triggers below read it from NEW without another table to keep in step.
--
-- The search triggers of the three tables are created again as in 0015/0017 with the text and
-- choice values added (joined with their definitions, so numbers, dates and yes/no are not
-- searched) and `custom_values` in each update trigger's column list. No row has a value yet, so
-- the stored search text stays right and is not rebuilt.

CREATE TABLE custom_fields (
  id          TEXT PRIMARY KEY,
  record_type TEXT NOT NULL CHECK (record_type IN ('contact', 'company', 'deal')),
  label       TEXT NOT NULL,
  label_key   TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice', 'yesno')),
  options     TEXT NOT NULL DEFAULT '[]',
  position    INTEGER NOT NULL,
  archived_at TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX custom_fields_label ON custom_fields (record_type, label_key);
CREATE INDEX custom_fields_order ON custom_fields (record_type, position);

ALTER TABLE contacts ADD COLUMN custom_values TEXT;
ALTER TABLE companies ADD COLUMN custom_values TEXT;
ALTER TABLE deals ADD COLUMN custom_values TEXT;

DROP TRIGGER search_contacts_insert;
DROP TRIGGER search_contacts_update;
DROP TRIGGER search_companies_insert;
DROP TRIGGER search_companies_update;
DROP TRIGGER search_deals_insert;
DROP TRIGGER search_deals_update;

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 1099511627776) + 1 FROM search_rows WHERE id BETWEEN 1099511627776 AND 2199023255551), 'contact', NEW.id);
  INSERT INTO search_text_contacts (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.position, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags)), (SELECT group_concat(j.value, ' ') FROM json_each(NEW.custom_values) AS j JOIN custom_fields AS f ON f.id = j.key AND f.kind IN ('text', 'choice'))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_contacts_update AFTER UPDATE OF surname, given_name, patronymic, company_name, position, address, source, notes, emails, phones, messengers, tags, custom_values, deleted_at ON contacts BEGIN
  DELETE FROM search_text_contacts WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  INSERT INTO search_text_contacts (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.position, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags)), (SELECT group_concat(j.value, ' ') FROM json_each(NEW.custom_values) AS j JOIN custom_fields AS f ON f.id = j.key AND f.kind IN ('text', 'choice'))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_companies_insert AFTER INSERT ON companies BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 2199023255552) + 1 FROM search_rows WHERE id BETWEEN 2199023255552 AND 3298534883327), 'company', NEW.id);
  INSERT INTO search_text_companies (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.name, NEW.edrpou, NEW.rnokpp, NEW.website, NEW.legal_address, NEW.actual_address, NEW.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(j.value, ' ') FROM json_each(NEW.custom_values) AS j JOIN custom_fields AS f ON f.id = j.key AND f.kind IN ('text', 'choice'))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), d.v FROM (SELECT concat_ws(' ', NEW.edrpou, NEW.rnokpp, (SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones))) AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_companies_update AFTER UPDATE OF name, edrpou, rnokpp, website, legal_address, actual_address, notes, phones, custom_values, deleted_at ON companies BEGIN
  DELETE FROM search_text_companies WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  INSERT INTO search_text_companies (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.name, NEW.edrpou, NEW.rnokpp, NEW.website, NEW.legal_address, NEW.actual_address, NEW.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(j.value, ' ') FROM json_each(NEW.custom_values) AS j JOIN custom_fields AS f ON f.id = j.key AND f.kind IN ('text', 'choice'))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), d.v FROM (SELECT concat_ws(' ', NEW.edrpou, NEW.rnokpp, (SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones))) AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_deals_insert AFTER INSERT ON deals BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 3298534883328) + 1 FROM search_rows WHERE id BETWEEN 3298534883328 AND 4398046511103), 'deal', NEW.id);
  INSERT INTO search_text_deals (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.title, NEW.notes, NEW.lost_reason, (SELECT group_concat(j.value, ' ') FROM json_each(NEW.custom_values) AS j JOIN custom_fields AS f ON f.id = j.key AND f.kind IN ('text', 'choice'))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_deals_update AFTER UPDATE OF title, notes, lost_reason, custom_values, deleted_at ON deals BEGIN
  DELETE FROM search_text_deals WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = OLD.id);
  INSERT INTO search_text_deals (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.title, NEW.notes, NEW.lost_reason, (SELECT group_concat(j.value, ' ') FROM json_each(NEW.custom_values) AS j JOIN custom_fields AS f ON f.id = j.key AND f.kind IN ('text', 'choice'))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;
