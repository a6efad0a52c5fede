-- 0029_stage_name_nova: the default pipeline's first stage reads "Нова" (угода, a deal, is feminine).
-- Only the stage still carrying the name migration 0008 gave it is renamed: a name the office chose
-- stays. Shipped migrations are never edited.
UPDATE pipeline_stages SET name = 'Нова' WHERE id = 'stage-new' AND name = 'Новий';
