-- 0017_contact_position: a contact's job title (`position`, optional one-line text; the app keeps it
-- to 120 characters), and the contacts' search text (migration 0015) made to include it. Shipped
-- migrations are never edited.
--
-- The two contact triggers are dropped and created again as in 0015 with NEW.position added (and
-- `position` in the update trigger's column list). No existing row has a position yet, so the
-- search text already stored stays right and is not rebuilt.

ALTER TABLE contacts ADD COLUMN position TEXT;

DROP TRIGGER search_contacts_insert;
DROP TRIGGER search_contacts_update;

CREATE TRIGGER search_contacts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO search_rows (id, entity_type, entity_id) VALUES ((SELECT coalesce(max(id), 1099511627776) + 1 FROM search_rows WHERE id BETWEEN 1099511627776 AND 2199023255551), 'contact', NEW.id);
  INSERT INTO search_text_contacts (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.position, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;

CREATE TRIGGER search_contacts_update AFTER UPDATE OF surname, given_name, patronymic, company_name, position, address, source, notes, emails, phones, messengers, tags, deleted_at ON contacts BEGIN
  DELETE FROM search_text_contacts WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  DELETE FROM search_digits WHERE rowid = (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = OLD.id);
  INSERT INTO search_text_contacts (rowid, text)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), replace(replace(replace(replace(replace(concat_ws(' ', NEW.surname, NEW.given_name, NEW.patronymic, NEW.company_name, NEW.position, NEW.address, NEW.source, NEW.notes, (SELECT group_concat(value, ' ') FROM json_each(NEW.emails)), (SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, ' ') FROM json_each(NEW.phones)), (SELECT group_concat(value, ' ') FROM json_each(NEW.messengers)), (SELECT group_concat(value, ' ') FROM json_each(NEW.tags))), '''', ''), 'ʼ', ''), '’', ''), '‘', ''), '`', '')
    WHERE NEW.deleted_at IS NULL;
  INSERT INTO search_digits (rowid, digits)
    SELECT (SELECT id FROM search_rows WHERE entity_type = 'contact' AND entity_id = NEW.id), d.v FROM (SELECT coalesce((SELECT group_concat(replace(CASE WHEN type = 'object' THEN json_extract(value, '$.e164') ELSE value END, '+', ''), ' ') FROM json_each(NEW.phones)), '') AS v) AS d
    WHERE NEW.deleted_at IS NULL AND d.v <> '';
END;
