-- 0041_fields18b_show_in_list: a custom field may be shown in its record type's list (issue 18
-- point 7, "shown in lists"). The owner marks it on the «Додаткові поля» tab; the contacts and
-- companies lists then show its value in each row. 0 (not shown) for every existing field, so the
-- lists look as before until the owner chooses. Shipped migrations are never edited.
ALTER TABLE custom_fields ADD COLUMN show_in_list INTEGER NOT NULL DEFAULT 0 CHECK (show_in_list IN (0, 1));
