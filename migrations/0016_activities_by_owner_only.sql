-- 0016_activities_by_owner_only: drops activities_occurred (migration 0014). Shipped migrations are
-- never edited.
--
-- Why: activities is the largest table (×10 the contacts), and an index keyed by occurrence time
-- takes every logged or imported activity onto a random page of a ~60 MB index at 1M rows; in the
-- encrypted vault each such page is re-encrypted at commit (bench `bulk-insert`). The head's
-- dashboard, its only reader, now counts activities per owner for every scope through
-- activities_owner_occurred (owner_id, occurred_at): with scope "all" the query names the owners
-- (`owner_id IN (SELECT id FROM users)`, a few dozen index ranges) instead of scanning by time.

DROP INDEX activities_occurred;
