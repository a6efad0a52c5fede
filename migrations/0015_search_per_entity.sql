-- 0015_search_per_entity: one FTS5 table per searchable entity, with prefix indexes, replacing the
-- shared search_index of 0013_search (shipped migrations are never edited; this one supersedes it).
--
-- Why (measured with `npm run bench`, search case, and the per-query breakdown in bench/README.md):
-- in one shared table a common word of one entity ("знижку" in half of 1M activities) made every
-- other entity's search slow too — FTS5 walks the term's whole doclist even when the rowid range of
-- the searched entity holds none of it — and a prefix query ("знижк"*) first merged the doclists of
-- every matching term into memory (~300 ms on 1M activities). Now:
-- - each entity has its own table, so a contacts search never reads activity doclists;
-- - prefix = '1 2 3 4 5 6 7 8' stores 1- to 8-character prefixes of every token, so a prefix query
--   of up to 8 characters is one incremental index lookup (newest first, stops at LIMIT); the query
--   builder (src-main/crm/search/query.ts) cuts longer words to their first 8 characters;
-- - detail = none: no positions (search uses neither phrases, NEAR nor snippets), which keeps the
--   prefix indexes about a third smaller than with full detail.
-- Keys, search_rows and search_digits (trigram) are unchanged; the text, folding and apostrophe
-- handling are those of 0013. Triggers are recreated to write the new tables; the rows are backfilled
-- from the record tables (live rows only), then search_index is dropped.

DROP TRIGGER search_contacts_insert;
DROP TRIGGER search_contacts_update;
DROP TRIGGER search_contacts_delete;
DROP TRIGGER search_companies_insert;
DROP TRIGGER search_companies_update;
DROP TRIGGER search_companies_delete;
DROP TRIGGER search_deals_insert;
DROP TRIGGER search_deals_update;
DROP TRIGGER search_deals_delete;
DROP TRIGGER search_activities_insert;
DROP TRIGGER search_activities_update;
DROP TRIGGER search_activities_delete;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_text_contacts USING fts5(
  text, tokenize = 'unicode61 remove_diacritics 2', detail = none, prefix = '1 2 3 4 5 6 7 8'
);
CREATE VIRTUAL TABLE search_text_companies USING fts5(
  text, tokenize = 'unicode61 remove_diacritics 2', detail = none, prefix = '1 2 3 4 5 6 7 8'
);
CREATE VIRTUAL TABLE search_text_deals USING fts5(
  text, tokenize = 'unicode61 remove_diacritics 2', detail = none, prefix = '1 2 3 4 5 6 7 8'
);
CREATE VIRTUAL TABLE search_text_activities USING fts5(
  text, tokenize = 'unicode61 remove_diacritics 2', detail = none, prefix = '1 2 3 4 5 6 7 8'
);

-- Source: contact (contacts).

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 1099511627776) + 1 FROM search_rows WHERE id BETWEEN 1099511627776 AND 2199023255551), 'contact', NEW.id);
  INSERT INTO search_text_contacts (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_contacts_update AFTER UPDATE OF surname, given_name, patronymic, company_name, address, source, notes, emails, phones, messengers, tags, deleted_at ON contacts BEGIN
  DELETE FROM search_text_contacts WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  INSERT INTO search_text_contacts (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_contacts_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM search_text_contacts WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id;
END;

INSERT INTO search_text_contacts (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.surname, t.given_name, t.patronymic, t.company_name, t.address, t.source, t.notes, (SELECT group_concat(value, ' ') FROM json_each(t.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(t.phones)), (SELECT group_concat(value, ' ') FROM json_each(t.messengers)), (SELECT group_concat(value, ' ') FROM json_each(t.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM contacts AS t JOIN search_rows AS r ON r.entity_type = 'contact' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;

-- Source: company (companies).

CREATE TRIGGER search_companies_insert AFTER INSERT ON companies BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 2199023255552) + 1 FROM search_rows WHERE id BETWEEN 2199023255552 AND 3298534883327), 'company', NEW.id);
  INSERT INTO search_text_companies (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.name, NEW.edrpou, NEW.rnokpp, NEW.website, NEW.legal_address, NEW.actual_address, NEW.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), d.v FROM (SELECT concat_ws(' ', NEW.edrpou, NEW.rnokpp, (SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones))) AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_companies_update AFTER UPDATE OF name, edrpou, rnokpp, website, legal_address, actual_address, notes, phones, deleted_at ON companies BEGIN
  DELETE FROM search_text_companies WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  INSERT INTO search_text_companies (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.name, NEW.edrpou, NEW.rnokpp, NEW.website, NEW.legal_address, NEW.actual_address, NEW.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = NEW.id), d.v FROM (SELECT concat_ws(' ', NEW.edrpou, NEW.rnokpp, (SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones))) AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_companies_delete AFTER DELETE ON companies BEGIN
  DELETE FROM search_text_companies WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'company' AND entity_id = OLD.id;
END;

INSERT INTO search_text_companies (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.name, t.edrpou, t.rnokpp, t.website, t.legal_address, t.actual_address, t.notes, (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(t.phones))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM companies AS t JOIN search_rows AS r ON r.entity_type = 'company' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;

-- Source: deal (deals).

CREATE TRIGGER search_deals_insert AFTER INSERT ON deals BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 3298534883328) + 1 FROM search_rows WHERE id BETWEEN 3298534883328 AND 4398046511103), 'deal', NEW.id);
  INSERT INTO search_text_deals (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.title, NEW.notes, NEW.lost_reason), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_deals_update AFTER UPDATE OF title, notes, lost_reason, deleted_at ON deals BEGIN
  DELETE FROM search_text_deals WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = OLD.id);
  INSERT INTO search_text_deals (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.title, NEW.notes, NEW.lost_reason), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
END;

CREATE TRIGGER search_deals_delete AFTER DELETE ON deals BEGIN
  DELETE FROM search_text_deals WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'deal' AND entity_id = OLD.id);
  DELETE FROM search_rows WHERE entity_type = 'deal' AND entity_id = OLD.id;
END;

INSERT INTO search_text_deals (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.title, t.notes, t.lost_reason), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM deals AS t JOIN search_rows AS r ON r.entity_type = 'deal' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;

-- Source: activity (activities).

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

INSERT INTO search_text_activities (rowid, text)
  SELECT r.id, replace(replace(replace(replace(replace(concat_ws(' ', t.subject, t.body), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
  FROM activities AS t JOIN search_rows AS r ON r.entity_type = 'activity' AND r.entity_id = t.id
  WHERE t.deleted_at IS NULL;
